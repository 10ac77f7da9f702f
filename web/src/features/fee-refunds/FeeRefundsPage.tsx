import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/auth';
import { PageTitle } from '../../app/components/PageTitle';
import { AccountsPanel } from './AccountsPanel';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import './i18n';
import { ImportPanel } from './ImportPanel';
import { LinesPanel } from './LinesPanel';
import { PoliciesPanel } from './PoliciesPanel';
import { ReconciliationPanel } from './ReconciliationPanel';
import { RegistryList } from './RegistryList';
import { RunsPanel } from './RunsPanel';
import { StatsPanel } from './StatsPanel';

type TabKey = 'registry' | 'import' | 'reconciliation' | 'runs' | 'lines' | 'stats' | 'accounts' | 'policies';

/**
 * Fee refunds (/fee-refunds): the enterprise registry of the user's region, one enterprise in a
 * drawer (`?uscc=`), the imports for those who may import, and the refund cycle (reconciliation,
 * runs and batches, lines) for those who may read it; the tab is kept in the address (`?tab=`).
 */
export default function FeeRefundsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const uscc = params.get('uscc');
  const change = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  const tabs: { key: TabKey; shown: boolean; children: ReactNode }[] = [
    { key: 'registry', shown: true, children: <RegistryList onOpen={(next) => change('uscc', next)} /> },
    { key: 'import', shown: can('fee_refunds:import'), children: <ImportPanel /> },
    { key: 'reconciliation', shown: can('fee_refunds:read'), children: <ReconciliationPanel /> },
    { key: 'runs', shown: can('fee_refunds:read'), children: <RunsPanel /> },
    { key: 'lines', shown: can('fee_refunds:read'), children: <LinesPanel /> },
    { key: 'stats', shown: can('fee_refunds:read'), children: <StatsPanel /> },
    { key: 'accounts', shown: can('fee_refunds:read'), children: <AccountsPanel /> },
    { key: 'policies', shown: can('fee_refunds:read'), children: <PoliciesPanel /> },
  ];
  const shown = tabs.filter((x) => x.shown);
  const tab = shown.find((x) => x.key === params.get('tab'))?.key ?? 'registry';
  return (
    <>
      <PageTitle title={t('feeRefunds.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => change('tab', key === 'registry' ? null : key)}
        items={shown.map((x) => ({
          key: x.key,
          label: <span data-testid={`fee-tab-${x.key}`}>{t(`feeRefunds.tabs.${x.key}`)}</span>,
          children: x.children,
        }))}
      />
      <EnterpriseDrawer uscc={uscc} onClose={() => change('uscc', null)} />
    </>
  );
}
