import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/auth';
import { PageTitle } from '../../app/components/PageTitle';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import './i18n';
import { ImportPanel } from './ImportPanel';
import { RegistryList } from './RegistryList';

/**
 * Fee refunds (/fee-refunds): the enterprise registry of the user's region, one enterprise in a
 * drawer (`?uscc=`), and for those who may import, the registry's upload (`?tab=import`).
 */
export default function FeeRefundsPage() {
  const { t } = useTranslation();
  const mayImport = useCan()('fee_refunds:import');
  const [params, setParams] = useSearchParams();
  const tab = mayImport && params.get('tab') === 'import' ? 'import' : 'registry';
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
  return (
    <>
      <PageTitle title={t('feeRefunds.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => change('tab', key === 'import' ? key : null)}
        items={[
          {
            key: 'registry',
            label: <span data-testid="fee-tab-registry">{t('feeRefunds.tabs.registry')}</span>,
            children: <RegistryList onOpen={(next) => change('uscc', next)} />,
          },
          ...(mayImport
            ? [
                {
                  key: 'import',
                  label: <span data-testid="fee-tab-import">{t('feeRefunds.tabs.import')}</span>,
                  children: <ImportPanel />,
                },
              ]
            : []),
        ]}
      />
      <EnterpriseDrawer uscc={uscc} onClose={() => change('uscc', null)} />
    </>
  );
}
