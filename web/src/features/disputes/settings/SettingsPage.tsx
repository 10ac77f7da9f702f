import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { PageTitle } from '../../../app/components/PageTitle';
import { CalendarCard } from './CalendarCard';
import { JointMediationCard } from './JointMediationCard';
import { MediatorsCard } from './MediatorsCard';
import './i18n';

/**
 * Mediation settings: the mediators' profiles (for mediators and administrators), and the
 * joint-mediation triggers and working-day calendar, which only an administrator
 * (accounts:manage, as the server checks) changes; others see them read-only.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const admin = can('accounts:manage');
  return (
    <>
      <PageTitle title={t('disputes.settings.title')} />
      <Flex vertical gap={16}>
        {can('disputes:work') && <MediatorsCard />}
        <JointMediationCard canEdit={admin} />
        <CalendarCard canEdit={admin} />
      </Flex>
    </>
  );
}
