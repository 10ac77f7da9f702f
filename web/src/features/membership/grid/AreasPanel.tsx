import { Form, Input, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { AREA_KINDS, AREA_KIND_LABELS } from '../../../../../contracts/membership/codes';
import { useCan } from '../../../app/auth';
import { ListPage } from '../../../app/components/ListPage';
import { AreaForm } from './AreaForm';
import { GridTabs } from './GridTabs';
import { codeText } from './labels';
import { AREAS_API } from './queryKeys';
import type { Area } from './types';

type Filter = { q?: string; kind?: Area['kind'] };

/** The region's grid: each area, what it covers and its organiser. */
export function AreasPanel() {
  const { t, i18n } = useTranslation();
  const manage = useCan()('membership:manage');
  const columns: TableColumnsType<Area> = [
    { title: t('membershipGrid.areas.name'), dataIndex: 'name', width: 160 },
    {
      title: t('membershipGrid.areas.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: Area['kind']) => codeText(AREA_KIND_LABELS, kind, i18n.language),
    },
    {
      title: t('membershipGrid.areas.items'),
      dataIndex: 'items',
      width: 260,
      render: (items: string[]) => items.join(t('common.listSeparator')),
    },
    {
      title: t('membershipGrid.areas.organiser'),
      dataIndex: 'organiserName',
      width: 120,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('membershipGrid.figures.noOrganiser')}</Typography.Text>,
    },
    { title: t('membershipGrid.areas.organization'), dataIndex: 'organizationName', width: 200 },
    { title: t('membershipGrid.areas.region'), dataIndex: 'regionName', width: 180 },
  ];
  return (
    <ListPage<Area, Filter>
      title={t('membershipGrid.areas.title')}
      path={AREAS_API}
      columns={columns}
      notice={() => <GridTabs />}
      filters={
        <>
          <Form.Item name="q">
            <Input allowClear placeholder={t('membershipGrid.areas.search')} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              allowClear
              placeholder={t('membershipGrid.areas.kind')}
              style={{ width: 160 }}
              options={AREA_KINDS.map((k) => ({ value: k, label: codeText(AREA_KIND_LABELS, k, i18n.language) }))}
            />
          </Form.Item>
        </>
      }
      canEdit={manage}
      editor={{
        createLabel: t('membershipGrid.areas.create'),
        createTestId: 'area-create',
        editTestId: 'area-edit',
        render: (target, close) => <AreaForm target={target} onClose={close} />,
      }}
      table={{ testId: 'areas-table', scrollX: 1100 }}
    />
  );
}
