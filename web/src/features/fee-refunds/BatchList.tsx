import { App, Button, Form, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { BATCH_STATUS_LABELS, BATCH_STATUSES, type BatchStatus } from '../../../../contracts/fee-refunds/run-codes';
import { useShowError } from '../../app/errors';
import { formatFen } from '../../app/format';
import { codeText, maskedAccount } from './labels';
import type { FeeBatch } from './types';
import { paymentFileHref, type FeeRuns } from './useFeeRuns';

const STATUS_COLORS: Record<BatchStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'blue',
  closed: 'green',
};

/** The payment batches with their maker–checker actions and, once approved, the files for the bank. */
export function BatchList({ state, canRun, canApprove }: { state: FeeRuns; canRun: boolean; canApprove: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { modal } = App.useApp();
  const showError = useShowError();
  const { batches, submit, approve } = state;

  const confirmApproval = (b: FeeBatch) =>
    void modal.confirm({
      title: t('feeRefunds.batches.approveTitle', { batchNo: b.batchNo }),
      content: t('feeRefunds.batches.approveConfirm', { lines: b.lines, total: formatFen(b.totalFen) }),
      okText: t('feeRefunds.batches.approve'),
      cancelText: t('common.cancel'),
      onOk: () => approve.mutateAsync(b).catch(showError),
    });

  const columns: TableColumnsType<FeeBatch> = [
    {
      title: t('feeRefunds.batches.batchNo'),
      dataIndex: 'batchNo',
      width: 200,
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
    { title: t('feeRefunds.batches.month'), dataIndex: 'month', width: 90 },
    {
      title: t('feeRefunds.batches.debtor'),
      dataIndex: 'debtor',
      render: (d: FeeBatch['debtor']) => (
        <span>
          <span translate="no">{d.accountName}</span>{' '}
          <span style={{ fontFamily: 'monospace' }}>{maskedAccount(d.accountNo)}</span>
        </span>
      ),
    },
    { title: t('feeRefunds.batches.lines'), dataIndex: 'lines', width: 80, align: 'right' },
    {
      title: t('feeRefunds.batches.total'),
      dataIndex: 'totalFen',
      width: 140,
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    {
      title: t('feeRefunds.batches.status'),
      dataIndex: 'status',
      width: 170,
      render: (v: BatchStatus, b) => (
        <Tag color={STATUS_COLORS[v]} data-testid={`fee-batch-status-${b.batchNo}`} data-status={v}>
          {codeText(BATCH_STATUS_LABELS, v, lang)}
        </Tag>
      ),
    },
    {
      title: t('feeRefunds.batches.settled'),
      dataIndex: 'settled',
      width: 200,
      render: (s: FeeBatch['settled']) => (
        <Typography.Text type={s.returned > 0 ? 'danger' : undefined}>
          {t('feeRefunds.batches.settledCounts', s)}
        </Typography.Text>
      ),
    },
    {
      title: t('feeRefunds.batches.actions'),
      key: 'actions',
      width: 240,
      fixed: 'right',
      render: (_: unknown, b) => (
        <Space size={4} wrap>
          {canRun && b.canSubmit && (
            <Button
              size="small"
              type="primary"
              loading={submit.isPending && submit.variables.id === b.id}
              onClick={() => void submit.mutateAsync(b).catch(showError)}
              data-testid={`fee-batch-submit-${b.batchNo}`}
            >
              {t('feeRefunds.batches.submit')}
            </Button>
          )}
          {canApprove && b.canApprove && (
            <Button
              size="small"
              type="primary"
              onClick={() => confirmApproval(b)}
              data-testid={`fee-batch-approve-${b.batchNo}`}
            >
              {t('feeRefunds.batches.approve')}
            </Button>
          )}
          {(b.status === 'approved' || b.status === 'closed') && (
            <>
              <Button size="small" href={paymentFileHref(b, 'pain.001')} data-testid={`fee-batch-file-${b.batchNo}`}>
                {t('feeRefunds.batches.pain001')}
              </Button>
              <Button size="small" href={paymentFileHref(b, 'csv')} data-testid={`fee-batch-csv-${b.batchNo}`}>
                {t('feeRefunds.batches.csv')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Form
        layout="inline"
        name="fee-batch-search"
        onFinish={state.filterBatches}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('feeRefunds.batches.status')}
            style={{ width: 200 }}
            options={BATCH_STATUSES.map((s) => ({ value: s, label: codeText(BATCH_STATUS_LABELS, s, lang) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="fee-batch-search">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<FeeBatch>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={batches.items}
        loading={batches.loading}
        pagination={batches.pagination}
        scroll={{ x: 1300 }}
        data-testid="fee-batches"
      />
    </>
  );
}
