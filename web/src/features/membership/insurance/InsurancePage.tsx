import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../../app/components/PageTitle';
import './i18n';
import { InsuranceTab } from './InsuranceTab';
import { RecommendationsTab } from './RecommendationsTab';

const TABS = ['insurance', 'recommendations'] as const;
type TabKey = (typeof TABS)[number];

/**
 * Members' cover and party recommendations (/membership/insurance): the cover of the region's
 * members (record, import, coverage, ending soon) and 推优入党; the tab is kept in `?tab=`.
 */
export default function InsurancePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'recommendations' ? 'recommendations' : 'insurance';
  return (
    <>
      <PageTitle title={t('membershipInsurance.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'insurance' ? {} : { tab: key }, { replace: true })}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`membership-insurance-tab-${key}`}>{t(`membershipInsurance.tabs.${key}`)}</span>,
          children: key === 'insurance' ? <InsuranceTab /> : <RecommendationsTab />,
        }))}
      />
    </>
  );
}
