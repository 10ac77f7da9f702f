import { Button, Checkbox, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { DESTINATION_KIND_LABELS } from '../../../../contracts/fee-refunds/codes';
import {
  LINE_STATE_LABELS,
  LINE_STATES,
  lineStateLabel,
  PAYMENT_STATUS_LABELS,
  type LineState,
  type PaymentStatus,
} from '../../../../contracts/fee-refunds/run-codes';
import { formatFen } from '../../app/format';
import { codeText, labelIn, maskedAccount } from './labels';
import type { FeeLine } from './types';
import { useFeeLines, type LineFilterForm } from './useFeeLines';

type Payment = FeeLine['payments'][number];

const STATE_COLORS: Record<LineState, string> = {
  held: 'default',
  no_account: 'orange',
  in_batch: 'blue',
  paid: 'green',
  returned: 'red',
};
const PAYMENT_COLORS: Record<PaymentStatus, string> = { out: 'blue', paid: 'green', returned: 'red' };

/** 返还明细: each enterprise's refund of a month, where it goes, its state and the bank's payments of it. */
export function LinesPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useFeeLines();
  const none = t('feeRefunds.none');

  const columns: TableColumnsType<FeeLine> = [
    {
      title: t('feeRefunds.lines.enterprise'),
      dataIndex: 'enterpriseName',
      width: 260,
      render: (v: string, l) => (
        <span>
          <span translate="no">{v}</span>
          <br />
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
            {l.uscc}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('feeRefunds.lines.month'), dataIndex: 'month', width: 90 },
    {
      title: t('feeRefunds.lines.destination'),
      dataIndex: 'destination',
      render: (v: FeeLine['destination']) => codeText(DESTINATION_KIND_LABELS, v, lang),
    },
    {
      title: t('feeRefunds.lines.amount'),
      dataIndex: 'amountFen',
      width: 130,
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    {
      title: t('feeRefunds.lines.creditor'),
      dataIndex: 'creditor',
      render: (c: FeeLine['creditor']) =>
        c ? (
          <span>
            <span translate="no">{c.accountName}</span>{' '}
            <span style={{ fontFamily: 'monospace' }}>{maskedAccount(c.accountNo)}</span>
          </span>
        ) : (
          none
        ),
    },
    {
      title: t('feeRefunds.lines.state'),
      dataIndex: 'state',
      width: 150,
      render: (v: LineState, l) => (
        <Tag color={STATE_COLORS[v]} data-testid="fee-line-state" data-state={v}>
          {labelIn(lineStateLabel(v, l.destination), lang)}
        </Tag>
      ),
    },
    {
      title: t('feeRefunds.lines.dueOn'),
      dataIndex: 'dueOn',
      width: 130,
      render: (v: string, l) =>
        l.overdue ? (
          <Typography.Text type="danger" strong data-testid="fee-line-overdue">
            {v} {t('feeRefunds.lines.overdueMark')}
          </Typography.Text>
        ) : (
          v
        ),
    },
  ];

  return (
    <>
      <Form<LineFilterForm>
        layout="inline"
        name="fee-line-search"
        onFinish={list.search}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="uscc">
          <Input allowClear placeholder={t('feeRefunds.uscc')} style={{ width: 220 }} data-testid="fee-line-uscc" />
        </Form.Item>
        <Form.Item name="state">
          <Select
            allowClear
            placeholder={t('feeRefunds.lines.state')}
            style={{ width: 180 }}
            options={LINE_STATES.map((s) => ({ value: s, label: codeText(LINE_STATE_LABELS, s, lang) }))}
          />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox data-testid="fee-line-overdue-only">{t('feeRefunds.lines.overdueOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="atRisk" valuePropName="checked">
          <Checkbox data-testid="fee-line-at-risk-only">{t('feeRefunds.lines.atRiskOnly')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="fee-line-search">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<FeeLine>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1200 }}
        expandable={{
          rowExpandable: (l) => l.payments.length > 0,
          expandedRowRender: (l) => <Payments payments={l.payments} />,
        }}
        data-testid="fee-lines"
      />
    </>
  );
}

function Payments({ payments }: { payments: Payment[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table<Payment>
      size="small"
      rowKey="endToEndId"
      pagination={false}
      dataSource={payments}
      data-testid="fee-line-payments"
      columns={[
        {
          title: t('feeRefunds.lines.endToEndId'),
          dataIndex: 'endToEndId',
          render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
        },
        { title: t('feeRefunds.lines.batchNo'), dataIndex: 'batchNo' },
        {
          title: t('feeRefunds.lines.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (v: number) => formatFen(v),
        },
        {
          title: t('feeRefunds.lines.paymentStatus'),
          dataIndex: 'status',
          render: (v: PaymentStatus) => <Tag color={PAYMENT_COLORS[v]}>{codeText(PAYMENT_STATUS_LABELS, v, lang)}</Tag>,
        },
        {
          title: t('feeRefunds.lines.reason'),
          key: 'reason',
          render: (_: unknown, p) =>
            p.reasonCode ? `${p.reasonCode}${p.reasonText ? ` · ${p.reasonText}` : ''}` : t('feeRefunds.none'),
        },
      ]}
    />
  );
}
