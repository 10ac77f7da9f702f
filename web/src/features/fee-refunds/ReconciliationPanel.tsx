import { Button, Card, DatePicker, Flex, Form, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../app/format';
import type { FeeReconciliationGroup, ReconciliationStatus } from './types';
import { useReconciliation } from './useReconciliation';

const STATUS_COLORS: Record<ReconciliationStatus, string> = {
  reconciled: 'green',
  difference: 'red',
  no_credit: 'orange',
  no_collection: 'purple',
};
const STATUSES = Object.keys(STATUS_COLORS) as ReconciliationStatus[];

/** A difference (or a side missing) is shown in red, an even group plainly. */
const Money = ({ fen, alert }: { fen: number; alert?: boolean }) => (
  <Typography.Text type={alert && fen !== 0 ? 'danger' : undefined} strong={alert && fen !== 0}>
    {formatFen(fen)}
  </Typography.Text>
);

/** 对账: what the tax data says was collected against what the bank credited, per tax office and date. */
export function ReconciliationPanel() {
  const { t } = useTranslation();
  const list = useReconciliation();
  const totals = list.totals;
  const initial: [Dayjs, Dayjs] = [dayjs(list.filter.from), dayjs(list.filter.to)];

  const columns: TableColumnsType<FeeReconciliationGroup> = [
    {
      title: t('feeRefunds.recon.office'),
      dataIndex: 'taxOfficeName',
      render: (v: string) => <span translate="no">{v}</span>,
    },
    { title: t('feeRefunds.recon.date'), dataIndex: 'date', width: 120 },
    {
      title: t('feeRefunds.recon.collected'),
      dataIndex: 'collectedFen',
      align: 'right',
      render: (v: number, r) => (
        <span>
          <Money fen={v} /> <Typography.Text type="secondary">({r.collections})</Typography.Text>
        </span>
      ),
    },
    {
      title: t('feeRefunds.recon.credited'),
      dataIndex: 'creditedFen',
      align: 'right',
      render: (v: number, r) => (
        <span>
          <Money fen={v} /> <Typography.Text type="secondary">({r.credits})</Typography.Text>
        </span>
      ),
    },
    {
      title: t('feeRefunds.recon.difference'),
      dataIndex: 'differenceFen',
      align: 'right',
      render: (v: number) => <Money fen={v} alert />,
    },
    {
      title: t('feeRefunds.recon.status'),
      dataIndex: 'status',
      width: 130,
      render: (v: ReconciliationStatus) => (
        <Tag color={STATUS_COLORS[v]} data-testid="fee-recon-status" data-status={v}>
          {t(`feeRefunds.recon.statuses.${v}`)}
        </Tag>
      ),
    },
  ];

  return (
    <>
      <Form<{ window: [Dayjs, Dayjs] }>
        layout="inline"
        name="fee-reconciliation-window"
        initialValues={{ window: initial }}
        onFinish={({ window: [from, to] }) =>
          list.search({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') })
        }
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="window" label={t('feeRefunds.recon.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker allowClear={false} data-testid="fee-recon-window" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="fee-recon-search">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {totals && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="fee-recon-totals">
          <Flex gap={32} wrap>
            <Statistic title={t('feeRefunds.recon.collected')} value={formatFen(totals.collectedFen)} />
            <Statistic title={t('feeRefunds.recon.credited')} value={formatFen(totals.creditedFen)} />
            <Statistic
              title={t('feeRefunds.recon.difference')}
              value={formatFen(totals.differenceFen)}
              styles={{ content: { color: totals.differenceFen !== 0 ? '#cf1322' : undefined } }}
            />
            {STATUSES.map((s) => (
              <div key={s} data-testid={`fee-recon-groups-${s}`} data-value={totals.groups[s]}>
                <Statistic title={t(`feeRefunds.recon.statuses.${s}`)} value={totals.groups[s]} />
              </div>
            ))}
          </Flex>
        </Card>
      )}
      <Table<FeeReconciliationGroup>
        rowKey={(g) => `${g.taxOfficeName}:${g.date}`}
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        rowClassName={(g) => (g.status === 'reconciled' ? '' : 'fee-recon-uneven')}
        data-testid="fee-recon-groups"
      />
    </>
  );
}
