import { Button, Flex, Form, Input, Select, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/auth';
import { ListPage } from '../../app/components/ListPage';
import { textOf } from '../../app/i18n';
import { EmployerForm } from './EmployerForm';
import './i18n';
import ImportPage from '../imports/ImportPage';
import { EMPLOYERS_API, employerKeys } from './queryKeys';
import { INDUSTRY_CODES, type Employer, type EmployerFilter } from './types';

/** What an employers import changes: every list, picker and record of employers. */
const IMPORT_CHANGES = [employerKeys.all];

/** The register (/employers) and its bulk import (/employers/import). */
export default function EmployersPage() {
  return (
    <Routes>
      <Route path="import" element={<ImportPage kind="employers" invalidates={IMPORT_CHANGES} backTo="/employers" />} />
      <Route path="*" element={<EmployerList />} />
    </Routes>
  );
}

function EmployerList() {
  const manage = useCan()('employers:manage');
  const navigate = useNavigate();
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
      notice={(_data, canEdit) =>
        canEdit && (
          <Flex justify="end" style={{ marginBottom: 12 }}>
            <Button data-testid="employers-import" onClick={() => void navigate('/employers/import')}>
              {t('imports.button')}
            </Button>
          </Flex>
        )
      }
      editor={{
        createLabel: t('employers.create'),
        createTestId: 'employer-create',
        render: (target, close) => <EmployerForm target={target} onClose={close} />,
      }}
      table={{ scrollX: 1100 }}
    />
  );
}
