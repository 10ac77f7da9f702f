import { Card, Alert, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeading } from '../../../app/components/PageHeading';
import { useApiQuery } from '../../../app/query';
import './i18n';
import { FaceSection } from './FaceSection';
import { PassCard } from './PassCard';
import { stationsPublicApi, stationsPublicKeys } from './publicApi';
import { RegisterForm } from './RegisterForm';
import { StationCard } from './StationCard';
import { SuggestionBoard } from './SuggestionBoard';
import { useWorkerPass } from './useWorkerPass';

/** What the QR on a station's wall opens: the station, and registering there (or the pass, once registered). */
export default function StationPublicPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const station = useApiQuery(stationsPublicKeys.station(code), () => stationsPublicApi.station(code));
  const worker = useWorkerPass();
  if (station.isLoading) return <Skeleton active />;
  if (!station.data) return <Alert type="warning" showIcon title={t('stationsPublic.station.notFound')} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640, margin: '0 auto' }}>
      <StationCard station={station.data} />
      {worker.pass ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('stationsPublic.station.registered')}
            data-testid="station-registered"
          />
          <PassCard pass={worker.pass} onSignOut={worker.signOut} />
          <Card styles={{ body: { padding: 16 } }}>
            <FaceSection worker={worker} hasFacePhoto={worker.pass.hasFacePhoto} />
          </Card>
        </>
      ) : worker.loadingPass ? (
        <Skeleton active />
      ) : (
        <>
          <PageHeading look={4} style={{ margin: 0 }}>
            {t('stationsPublic.station.register')}
          </PageHeading>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('stationsPublic.station.registerIntro')}
          </Typography.Paragraph>
          <RegisterForm worker={worker} stationCode={station.data.code} />
        </>
      )}
      <SuggestionBoard stationCode={station.data.code} registered={!!worker.pass} />
    </Flex>
  );
}
