import { Alert, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../app/format';
import { labelIn } from '../labels';
import type { FeeEnterpriseLine, FeeEnterpriseRefunds } from './publicApi';

/** Tag colours by state: done, on its way, waiting on the enterprise or the union. */
const STATE_COLOURS: Record<FeeEnterpriseLine['state'], string> = {
  paid: 'green',
  in_batch: 'blue',
  held: 'gold',
  no_account: 'orange',
  returned: 'red',
};

function RefundCard({ line }: { line: FeeEnterpriseLine }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const row = (label: string, value: string, testId?: string) => (
    <Flex justify="space-between" gap={12} style={{ fontSize: 15, lineHeight: '28px' }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text style={{ textAlign: 'right' }} data-testid={testId}>
        {value}
      </Typography.Text>
    </Flex>
  );
  return (
    <Card size="small" styles={{ body: { padding: 14 } }} data-testid="refund-card">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="refund-month">
          {line.month}
        </Typography.Text>
        <Tag color={STATE_COLOURS[line.state]} style={{ marginInlineEnd: 0 }} data-testid="refund-state">
          {labelIn(line.stateText, lang)}
        </Tag>
      </Flex>
      <Typography.Text strong style={{ fontSize: 22, display: 'block', margin: '6px 0' }} data-testid="refund-amount">
        {t('feeRefunds.public.yuan', { amount: formatFen(line.amountFen) })}
      </Typography.Text>
      {row(t('feeRefunds.public.destination'), labelIn(line.destinationText, lang))}
      {line.account &&
        row(
          t('feeRefunds.public.account'),
          t('feeRefunds.public.accountText', { name: line.account.name, last4: line.account.last4 }),
          'refund-account',
        )}
      {line.paidOn ? row(t('feeRefunds.public.paidOn'), line.paidOn) : row(t('feeRefunds.public.dueOn'), line.dueOn)}
      {line.advice && (
        <Alert
          type={line.state === 'returned' || line.state === 'no_account' ? 'warning' : 'info'}
          title={labelIn(line.advice, lang)}
          style={{ marginTop: 8 }}
          data-testid="refund-advice"
        />
      )}
    </Card>
  );
}

/** The enterprise's refunds as cards, newest month first, ten to a page. */
export function RefundCards({
  view,
  page,
  onPage,
}: {
  view: FeeEnterpriseRefunds;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="refunds-enterprise">
          {view.enterpriseName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {view.uscc} · {t('feeRefunds.public.total', { total: view.total })}
        </Typography.Text>
      </div>
      {view.items.length === 0 ? (
        <Empty description={t('feeRefunds.public.empty')} />
      ) : (
        view.items.map((line) => <RefundCard key={line.id} line={line} />)
      )}
      {pages > 1 && (
        <Flex justify="space-between">
          <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('feeRefunds.public.previous')}
          </Button>
          <Typography.Text type="secondary">
            {page} / {pages}
          </Typography.Text>
          <Button disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('feeRefunds.public.next')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
