import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Popconfirm,
  Progress,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/errors';
import { textOf } from '../../app/i18n';
import { FEE_IMPORTS_API } from './queryKeys';
import { IMPORT_KINDS, type FeeImport } from './types';
import { useFeeImport } from './useFeeImport';

type RowError = FeeImport['errors'][number];

const STATUS_COLORS: Record<FeeImport['status'], string> = {
  running: 'processing',
  committed: 'green',
  failed: 'red',
  rolled_back: 'default',
};

/**
 * The upload of a registry, tax or bank-credit file: the kind, its template, the file, then its
 * progress, counts, rejected rows and rollback (the API answers the same shape for every kind).
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const state = useFeeImport();
  const showError = useShowError();
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const detail = state.detail;
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }} title={t('feeRefunds.importTitle')}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('feeRefunds.importHint')}</Typography.Text>
          <Flex gap={8} align="center" wrap>
            <span>{t('feeRefunds.importKind')}</span>
            <Select
              value={state.kind}
              onChange={state.setKind}
              style={{ width: 220 }}
              data-testid="fee-import-kind"
              options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`feeRefunds.importKinds.${k}`) }))}
            />
          </Flex>
          {state.kind === 'enterprises' && (
            <Checkbox
              checked={acceptWarnings}
              onChange={(e) => setAcceptWarnings(e.target.checked)}
              data-testid="fee-import-accept-warnings"
            >
              {t('feeRefunds.acceptWarnings')}
            </Checkbox>
          )}
          <Flex gap={8} wrap>
            <Upload
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              disabled={state.upload.isPending}
              customRequest={({ file }) => {
                if (!(file instanceof File)) return;
                void state.upload.mutateAsync({ acceptWarnings, file }).then((r) => state.open(r.id), showError);
              }}
            >
              <Button type="primary" loading={state.upload.isPending} data-testid="fee-import-upload">
                {t('feeRefunds.upload')}
              </Button>
            </Upload>
            <Button href={`${FEE_IMPORTS_API}/template.xlsx?kind=${state.kind}`} data-testid="fee-import-template">
              {t('feeRefunds.template')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      {detail && (
        <>
          <ImportResult
            detail={detail}
            busy={state.rollback.isPending}
            onRollback={() => void state.rollback.mutateAsync(detail.id).then(state.show, showError)}
          />
          <RejectedRows detail={detail} />
        </>
      )}
    </>
  );
}

function ImportResult(props: { detail: FeeImport; busy: boolean; onRollback: () => void }) {
  const { t } = useTranslation();
  const d = props.detail;
  const counts: [string, string, number][] = [
    ['total', t('feeRefunds.total'), d.rowsTotal],
    ['accepted', t('feeRefunds.accepted'), d.rowsAccepted],
    ['rejected', t('feeRefunds.rejected'), d.rowsRejected],
    ['duplicate', t('feeRefunds.duplicate'), d.rowsDuplicate],
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Tag color={STATUS_COLORS[d.status]} data-testid="fee-import-status" data-status={d.status}>
          {t(`feeRefunds.statuses.${d.status}`)}
        </Tag>
      }
      extra={
        d.status === 'committed' && (
          <Popconfirm title={t('feeRefunds.rollbackConfirm')} onConfirm={props.onRollback}>
            <Button danger loading={props.busy} data-testid="fee-import-rollback">
              {t('feeRefunds.rollback')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Flex vertical gap={12}>
        <Progress
          percent={Math.round(d.progress * 100)}
          status={d.status === 'running' ? 'active' : d.status === 'failed' ? 'exception' : 'normal'}
          data-testid="fee-import-progress"
        />
        {d.status === 'rolled_back' && <Alert type="info" showIcon title={t('feeRefunds.rolledBack')} />}
        <Flex gap={32} wrap data-testid="fee-import-counts">
          {counts.map(([key, title, value]) => (
            <div key={key} data-testid={`fee-import-count-${key}`} data-value={value}>
              <Statistic title={title} value={value} />
            </div>
          ))}
        </Flex>
      </Flex>
    </Card>
  );
}

function RejectedRows({ detail }: { detail: FeeImport }) {
  const { t, i18n } = useTranslation();
  if (detail.errors.length === 0) return null;
  const en = i18n.language === 'en';
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('feeRefunds.rejectedTitle')}
      extra={
        <Button href={`${FEE_IMPORTS_API}/${detail.id}/errors.xlsx`} data-testid="fee-import-errors-download">
          {t('feeRefunds.downloadErrors')}
        </Button>
      }
    >
      <Table<RowError>
        size="small"
        data-testid="fee-import-rejected"
        rowKey={(e) => `${e.row ?? ''}:${e.field ?? ''}:${e.message}`}
        dataSource={detail.errors}
        pagination={false}
        columns={[
          { title: t('feeRefunds.row'), dataIndex: 'row', width: 80, render: (v: number | null) => v ?? '' },
          {
            title: t('feeRefunds.field'),
            dataIndex: 'field',
            width: 200,
            render: (v: string | null) => (v ? textOf(`feeRefunds.fields.${v}`, v) : t('feeRefunds.wholeFile')),
          },
          { title: t('feeRefunds.reason'), key: 'reason', render: (_: unknown, e) => (en ? e.messageEn : e.message) },
        ]}
      />
      {detail.rowsRejected > detail.errors.length && (
        <Typography.Text type="secondary">
          {t('feeRefunds.firstRejected', { count: detail.errors.length })}
        </Typography.Text>
      )}
    </Card>
  );
}
