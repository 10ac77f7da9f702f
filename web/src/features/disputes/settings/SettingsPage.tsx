import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../../app/auth';
import { PageTitle } from '../../../app/components/PageTitle';
import { CalendarCard } from './CalendarCard';
import { JointMediationCard } from './JointMediationCard';
import { MediatorsCard } from './MediatorsCard';
import './i18n';

/**
 * Mediation settings: the mediators' profiles (each mediator their own; the studio manager and
 * administrators, disputes:manage, all of the region), and the joint-mediation triggers and
 * working-day calendar, which apply nationwide and so only a nationwide administrator
 * (accounts:manage without a region, as the server checks) changes; others see them read-only.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const nationwideAdmin = can('accounts:manage') && me.regionCode === null;
  return (
    <>
      <PageTitle title={t('disputes.settings.title')} />
      <Flex vertical gap={16}>
        {(can('disputes:work') || can('disputes:manage')) && <MediatorsCard />}
        <JointMediationCard canEdit={nationwideAdmin} />
        <CalendarCard canEdit={nationwideAdmin} />
      </Flex>
    </>
  );
}
