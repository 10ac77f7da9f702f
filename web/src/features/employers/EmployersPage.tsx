import { Form, Input, Select, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { ListPage } from '../../app/components/ListPage';
import { textOf } from '../../app/i18n';
import { EmployerForm } from './EmployerForm';
import './i18n';
import { EMPLOYERS_API } from './queryKeys';
import { INDUSTRY_CODES, type Employer, type EmployerFilter } from './types';

export default function EmployersPage() {
  const manage = useCan()('employers:manage');
  const { t } = useTranslation();
  const none = t('common.none');
  const industry = (code: string) => textOf(`employers.industries.${code}`, code);

  const columns: TableColumnsType<Employer> = [
    { title: t('employers.name'), dataIndex: 'name', fixed: 'left', width: 220 },
    {
      title: t('employers.uscc'),
      dataIndex: 'uscc',
      width: 250,
      render: (v: string, row) => (
        <Space size={4} wrap>
          <span style={{ fontFamily: 'monospace' }}>{v}</span>
          {row.usccCheckWarning && (
            <Tooltip title={t('employers.usccWarningHint')}>
              <Tag color="warning" data-testid="uscc-warning">
                {t('employers.usccWarning')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('employers.industry'), dataIndex: 'industryCode', width: 170, render: industry },
    { title: t('employers.region'), dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode },
    {
      title: t('employers.contactName'),
      dataIndex: 'contactName',
      width: 100,
      render: (v: string | null) => v ?? none,
    },
    {
      title: t('employers.contactPhone'),
      dataIndex: 'contactPhone',
      width: 140,
      render: (v: string | null) => v ?? none,
    },
  ];

  return (
    <ListPage<Employer, EmployerFilter>
      title={t('employers.title')}
      path={EMPLOYERS_API}
      columns={columns}
      filters={
        <>
          <Form.Item name="q">
            <Input allowClear placeholder={t('employers.searchPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="industryCode">
            <Select
              allowClear
              placeholder={t('employers.industry')}
              style={{ width: 200 }}
              options={INDUSTRY_CODES.map((c) => ({ value: c, label: industry(c) }))}
            />
          </Form.Item>
        </>
      }
      canEdit={manage}
      editor={{
        createLabel: t('employers.create'),
        createTestId: 'employer-create',
        render: (target, close) => <EmployerForm target={target} onClose={close} />,
      }}
      table={{ scrollX: 1100 }}
    />
  );
}
