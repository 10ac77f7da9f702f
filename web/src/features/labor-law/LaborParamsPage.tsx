import { Alert, Form, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../app/components/ListPage';
import './i18n';
import { LaborParamForm } from './LaborParamForm';
import { formatFen } from './money';
import { LABOR_PARAMS_API } from './queryKeys';
import { RegionCodeSelect } from './RegionCodeSelect';
import type { LaborParam, LaborParamFilter, LaborParamKind, LaborParamPage } from './types';

/** Local minimum and average wages by region and date; union staff maintain them. */
export default function LaborParamsPage() {
  const { t } = useTranslation();

  const columns: TableColumnsType<LaborParam> = [
    {
      title: t('laborParams.region'),
      dataIndex: 'regionName',
      width: 170,
      render: (v: string | null, r) => (
        <>
          {v ?? r.regionCode}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.regionCode}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('laborParams.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (k: LaborParamKind) => t(`laborParams.kinds.${k}`),
    },
    { title: t('laborParams.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
    {
      title: t('laborParams.amount'),
      dataIndex: 'amountFen',
      width: 140,
      align: 'right',
      render: (fen: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(fen)}</span>,
    },
    // A source cites a whole notice: cut with an ellipsis (full text on hover), so the other columns keep their width.
    { title: t('laborParams.source'), dataIndex: 'source', ellipsis: { showTitle: true } },
  ];

  return (
    <ListPage<LaborParam, LaborParamFilter, LaborParamFilter, LaborParamPage>
      title={t('laborParams.title')}
      path={LABOR_PARAMS_API}
      columns={columns}
      notice={(data, canEdit) => (
        <>
          <Alert type="info" showIcon title={t('laborParams.hint')} style={{ marginBottom: 12 }} />
          {data && !canEdit && (
            <Typography.Paragraph type="secondary" data-testid="labor-params-readonly">
              {t('laborParams.readOnly')}
            </Typography.Paragraph>
          )}
        </>
      )}
      filters={
        <Form.Item name="regionCode" style={{ width: 'min(320px, 100%)', marginInlineEnd: 0 }}>
          <RegionCodeSelect
            placeholder={t('laborParams.filterRegion')}
            style={{ width: '100%' }}
            testId="labor-params-region"
          />
        </Form.Item>
      }
      searchOnChange
      canEdit={(data) => data?.canEdit ?? false}
      editor={{
        createLabel: t('laborParams.create'),
        createTestId: 'labor-param-create',
        editTestId: 'labor-param-edit',
        render: (target, close) => <LaborParamForm target={target} onClose={close} />,
      }}
      table={{ testId: 'labor-params-table', scrollX: 900 }}
    />
  );
}
