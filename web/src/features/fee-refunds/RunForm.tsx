import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RUN_SKIP_LABELS, type RunSkipReason } from '../../../../contracts/fee-refunds/run-codes';
import { useMe } from '../../app/auth';
import { useErrorText } from '../../app/errors';
import { formatFen, punctuationOf } from '../../app/format';
import { labelIn } from './labels';
import type { FeeRun } from './types';
import type { FeeRuns } from './useFeeRuns';

interface RunValues {
  regionCode: string;
  month: Dayjs;
}

const isSkipReason = (r: string): r is RunSkipReason => r in RUN_SKIP_LABELS;

/** "Compute a month": the region (the user's own unless changed) and the month; then what the run did. */
export function RunForm({ state }: { state: FeeRuns }) {
  const { t } = useTranslation();
  const me = useMe();
  const errorText = useErrorText();
  const run = state.run;
  return (
    <Card size="small" title={t('feeRefunds.runs.computeTitle')} style={{ marginBottom: 16 }}>
      <Form<RunValues>
        layout="inline"
        name="fee-run"
        initialValues={{ regionCode: me.regionCode ?? '' }}
        onFinish={(v) => run.mutate({ regionCode: v.regionCode.trim(), month: v.month.format('YYYY-MM') })}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="regionCode"
          label={t('feeRefunds.runs.regionCode')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('feeRefunds.runs.regionCodeRule') }]}
        >
          <Input style={{ width: 120 }} data-testid="fee-run-region" />
        </Form.Item>
        <Form.Item
          name="month"
          label={t('feeRefunds.runs.month')}
          rules={[{ required: true, message: t('feeRefunds.runs.monthRule') }]}
        >
          <DatePicker picker="month" format="YYYY-MM" data-testid="fee-run-month" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="fee-run-compute">
            {t('feeRefunds.runs.compute')}
          </Button>
        </Form.Item>
      </Form>
      {run.error && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={errorText(run.error)}
          data-testid="fee-run-error"
        />
      )}
      {run.data && !run.isPending && <RunResult run={run.data} />}
    </Card>
  );
}

function RunResult({ run }: { run: FeeRun }) {
  const { t, i18n } = useTranslation();
  const skipped = Object.entries(run.skipped).filter(([, n]) => n > 0);
  const none = t('feeRefunds.none');
  return (
    <Descriptions
      style={{ marginTop: 12 }}
      size="small"
      bordered
      column={1}
      data-testid="fee-run-result"
      title={t('feeRefunds.runs.resultTitle', { region: run.regionCode, month: run.month })}
    >
      <Descriptions.Item label={t('feeRefunds.runs.collections')}>
        <span data-testid="fee-run-collections" data-value={run.collections}>
          {run.collections}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('feeRefunds.runs.skipped')}>
        {skipped.length === 0
          ? none
          : skipped.map(([reason, n]) => (
              <div key={reason}>
                {isSkipReason(reason) ? labelIn(RUN_SKIP_LABELS[reason], i18n.language) : reason}
                {punctuationOf(i18n.language).colon}
                {n}
              </div>
            ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('feeRefunds.runs.held')}>
        {t('feeRefunds.runs.linesAndTotal', { lines: run.held.lines, total: formatFen(run.held.totalFen) })}
      </Descriptions.Item>
      <Descriptions.Item label={t('feeRefunds.runs.noAccount')}>
        <Typography.Text type={run.noAccount.lines > 0 ? 'danger' : undefined}>
          {t('feeRefunds.runs.linesAndTotal', { lines: run.noAccount.lines, total: formatFen(run.noAccount.totalFen) })}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('feeRefunds.runs.batchesMade')}>
        {run.batches.length === 0
          ? none
          : run.batches.map((b) => (
              <div key={b.id}>
                {t('feeRefunds.runs.linesAndTotal', { lines: b.lines, total: formatFen(b.totalFen) })}
              </div>
            ))}
      </Descriptions.Item>
    </Descriptions>
  );
}
