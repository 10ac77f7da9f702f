import { Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../app/components/PageHeading';
import './i18n';
import { FaceSection } from './FaceSection';
import { PassCard } from './PassCard';
import { RegisterForm } from './RegisterForm';
import { useWorkerPass } from './useWorkerPass';

/** A registered worker's pass, opened again on this phone or on a new one with a texted code. */
export default function PassPage() {
  const { t } = useTranslation();
  const worker = useWorkerPass();
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640, margin: '0 auto' }}>
      {worker.pass ? (
        <>
          <PassCard pass={worker.pass} onSignOut={worker.signOut} />
          <Card styles={{ body: { padding: 16 } }}>
            <FaceSection worker={worker} hasFacePhoto={worker.pass.hasFacePhoto} />
          </Card>
        </>
      ) : worker.loadingPass ? (
        <Skeleton active />
      ) : (
        <>
          <PageHeading look={3} style={{ margin: 0 }}>
            {t('stationsPublic.pass.title')}
          </PageHeading>
          <Typography.Paragraph type="secondary">{t('stationsPublic.pass.signInIntro')}</Typography.Paragraph>
          <RegisterForm worker={worker} />
        </>
      )}
    </Flex>
  );
}
