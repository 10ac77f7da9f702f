import { Alert, Button, Form, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../app/api';
import { FormModal } from '../../app/components/FormModal';
import { PageTitle } from '../../app/components/PageTitle';
import { RegionPicker } from '../../app/components/RegionPicker';
import { usePaged } from '../../app/usePaged';
import './i18n';
import { fenToYuanInput, formatFen, isCalendarDate, parseYuanToFen } from './money';
import { RegionCodeSelect } from './RegionCodeSelect';

export const PARAM_KINDS = ['minimum_wage_monthly', 'average_wage_monthly'] as const;
export type ParamKind = (typeof PARAM_KINDS)[number];

export interface LaborParam {
  id: string;
  regionCode: string;
  regionName?: string | null;
  kind: ParamKind;
  effectiveFrom: string;
  amountFen: number;
  source: string;
}

interface ParamValues {
  regionCode: string;
  kind: ParamKind;
  effectiveFrom: string;
  /** yuan, as typed */
  amount: string;
  source: string;
}

type Filter = { regionCode?: string };

function ParamForm({
  target,
  onClose,
  onSaved,
}: {
  target: LaborParam | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const editing = target && target !== 'new' ? target : null;
  const initialValues = useMemo<Partial<ParamValues>>(
    () =>
      editing
        ? {
            regionCode: editing.regionCode,
            kind: editing.kind,
            effectiveFrom: editing.effectiveFrom,
            amount: fenToYuanInput(editing.amountFen),
            source: editing.source,
          }
        : { kind: 'minimum_wage_monthly' },
    [editing],
  );
  const required = { required: true, message: t('laborParams.required') };

  const save = async (v: ParamValues) => {
    const body = {
      regionCode: v.regionCode,
      kind: v.kind,
      effectiveFrom: v.effectiveFrom,
      amountFen: parseYuanToFen(v.amount),
      source: v.source.trim(),
    };
    if (editing) await api.put(`/api/labor-law/params/${editing.id}`, body);
    else await api.post('/api/labor-law/params', body);
    onSaved();
  };

  return (
    <FormModal<ParamValues>
      open={target !== null}
      title={t(editing ? 'laborParams.edit' : 'laborParams.create')}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={save}
      testId="labor-param-form"
    >
      <Form.Item name="regionCode" label={t('laborParams.region')} rules={[required]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="kind" label={t('laborParams.kind')} rules={[required]}>
        <Select options={PARAM_KINDS.map((k) => ({ value: k, label: t(`laborParams.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="effectiveFrom"
        label={t('laborParams.effectiveFrom')}
        rules={[
          {
            validator: (_, v: string | undefined) =>
              isCalendarDate(v) ? Promise.resolve() : Promise.reject(new Error(t('laborParams.dateInvalid'))),
          },
        ]}
      >
        <Input type="date" data-testid="labor-param-date" />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('laborParams.amount')}
        rules={[
          {
            validator: (_, v: string | undefined) => {
              const fen = parseYuanToFen(v);
              return fen !== null && fen > 0
                ? Promise.resolve()
                : Promise.reject(new Error(t('laborParams.amountInvalid')));
            },
          },
        ]}
      >
        <Input inputMode="decimal" suffix={t('laborParams.yuan')} data-testid="labor-param-amount" />
      </Form.Item>
      <Form.Item
        name="source"
        label={t('laborParams.source')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('laborParams.sourceTooShort') }]}
      >
        <Input.TextArea maxLength={256} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="labor-param-source" />
      </Form.Item>
    </FormModal>
  );
}

/** Local minimum and average wages by region and date; union staff maintain them. */
export default function LaborParamsPage() {
  const { t } = useTranslation();
  const list = usePaged<LaborParam, Filter, Page<LaborParam> & { canEdit: boolean }>('/api/labor-law/params', {});
  const canEdit = list.data?.canEdit ?? false;
  const [target, setTarget] = useState<LaborParam | 'new' | null>(null);

  const columns: TableColumnsType<LaborParam> = [
    {
      title: t('laborParams.region'),
      dataIndex: 'regionName',
      width: 170,
      render: (v: string | null | undefined, r) => (
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
      render: (k: ParamKind) => t(`laborParams.kinds.${k}`),
    },
    { title: t('laborParams.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
    {
      title: t('laborParams.amount'),
      dataIndex: 'amountFen',
      width: 140,
      align: 'right',
      render: (fen: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(fen)}</span>,
    },
    { title: t('laborParams.source'), dataIndex: 'source' },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setTarget(row)} data-testid="labor-param-edit">
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageTitle
        title={t('laborParams.title')}
        extra={
          canEdit && (
            <Button type="primary" onClick={() => setTarget('new')} data-testid="labor-param-create">
              {t('laborParams.create')}
            </Button>
          )
        }
      />
      <Alert type="info" showIcon title={t('laborParams.hint')} style={{ marginBottom: 12 }} />
      {list.data && !canEdit && (
        <Typography.Paragraph type="secondary" data-testid="labor-params-readonly">
          {t('laborParams.readOnly')}
        </Typography.Paragraph>
      )}
      <Form<Filter>
        layout="inline"
        onValuesChange={(_, all) => list.search({ regionCode: all.regionCode || undefined })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="regionCode" style={{ width: 'min(320px, 100%)', marginInlineEnd: 0 }}>
          <RegionCodeSelect
            placeholder={t('laborParams.filterRegion')}
            style={{ width: '100%' }}
            testId="labor-params-region"
          />
        </Form.Item>
      </Form>
      <Table<LaborParam>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 900 }}
        data-testid="labor-params-table"
      />
      <ParamForm
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          list.reload();
        }}
      />
    </>
  );
}
