import { Alert, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../app/components/PageTitle';
import './i18n';
import { MyFiguresCard } from './MyFiguresCard';
import { MyLinkCard } from './MyLinkCard';
import { MyVisits } from './MyVisits';
import { useOrganiserSelf } from './useMyOrganising';
import { VisitForm } from './VisitForm';

/** /my-organising, made for a phone: the organiser's joining QR, a visit to log, their visits and figures. */
export default function MyOrganisingPage() {
  const { t } = useTranslation();
  const self = useOrganiserSelf();
  return (
    <div style={{ maxWidth: 640 }} data-testid="my-organising">
      <PageTitle title={t('membershipGrid.my.title')} />
      {self.loading ? (
        <Skeleton active />
      ) : !self.organiser ? (
        <Alert type="info" showIcon message={t('membershipGrid.my.notOrganiser')} data-testid="not-organiser" />
      ) : (
        <Flex vertical gap={16}>
          <MyLinkCard organiser={self.organiser} />
          <VisitForm organiser={self.organiser} />
          <MyVisits joinUrl={self.organiser.joinUrl} />
          <MyFiguresCard />
        </Flex>
      )}
    </div>
  );
}
