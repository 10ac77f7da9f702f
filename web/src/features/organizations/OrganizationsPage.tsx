import { Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { ListPage } from '../../app/components/ListPage';
import './i18n';
import { OrganizationForm } from './OrganizationForm';
import { ORGANIZATIONS_API } from './queryKeys';
import { ORGANIZATION_KINDS, type Organization, type OrganizationFilter, type OrganizationKind } from './types';

export default function OrganizationsPage() {
  const manage = useCan()('organizations:manage');
  const { t } = useTranslation();
  const none = t('common.none');
  const kindOptions = ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizations.kinds.${k}`) }));

  const columns: TableColumnsType<Organization> = [
    { title: t('organizations.name'), dataIndex: 'name', fixed: 'left', width: 220 },
    {
      title: t('organizations.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: OrganizationKind) => <Tag>{t(`organizations.kinds.${k}`)}</Tag>,
    },
    { title: t('organizations.parent'), dataIndex: 'parentName', render: (v: string | null) => v ?? none },
    { title: t('organizations.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? none },
    {
      title: t('organizations.code'),
      dataIndex: 'code',
      width: 170,
      render: (code: string | null) =>
        code ? (
          <a
            href={`/join/${encodeURIComponent(code)}`}
            target="_blank"
            rel="noreferrer"
            title={t('organizations.joinLink')}
          >
            <span style={{ fontFamily: 'monospace' }}>{code}</span>
          </a>
        ) : (
          none
        ),
    },
    {
      title: t('organizations.contactPhone'),
      dataIndex: 'contactPhone',
      width: 140,
      render: (v: string | null) => v ?? none,
    },
  ];

  return (
    <ListPage<Organization, OrganizationFilter>
      title={t('organizations.title')}
      path={ORGANIZATIONS_API}
      columns={columns}
      filters={
        <>
          <Form.Item name="q">
            <Input allowClear placeholder={t('organizations.searchPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="kind">
            <Select allowClear placeholder={t('organizations.kind')} style={{ width: 160 }} options={kindOptions} />
          </Form.Item>
        </>
      }
      canEdit={manage}
      editor={{
        createLabel: t('organizations.create'),
        createTestId: 'organization-create',
        render: (target, close) => <OrganizationForm target={target} onClose={close} />,
      }}
      table={{ scrollX: 1070 }}
    />
  );
}
