import { Alert, Button, Card, Descriptions, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { formatFen } from '../../app/format';
import type { FeeRuns } from './useFeeRuns';

/**
 * The bank's side after approval: its result file (paid and returned payments) and the re-batching
 * of returned lines whose account has since been fixed in the registry.
 */
export function BankResults({ state }: { state: FeeRuns }) {
  const { t } = useTranslation();
  const me = useMe();
  const showError = useShowError();
  const { bankReturn, rebatch } = state;
  const result = bankReturn.data;
  const again = rebatch.data;
  const counts: [keyof NonNullable<typeof result>, string][] = [
    ['matched', t('feeRefunds.bank.matched')],
    ['paid', t('feeRefunds.bank.paid')],
    ['pooled', t('feeRefunds.bank.pooled')],
    ['returned', t('feeRefunds.bank.returned')],
    ['unchanged', t('feeRefunds.bank.unchanged')],
    ['unknown', t('feeRefunds.bank.unknown')],
  ];
  return (
    <Card size="small" title={t('feeRefunds.bank.title')} style={{ marginBottom: 16 }}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('feeRefunds.bank.hint')}</Typography.Text>
        <Flex gap={8} wrap>
          <Upload
            accept=".xml,.csv,text/csv,application/xml,text/xml"
            showUploadList={false}
            disabled={bankReturn.isPending}
            customRequest={({ file }) => {
              if (file instanceof File) void bankReturn.mutateAsync(file).catch(showError);
            }}
          >
            <Button loading={bankReturn.isPending} data-testid="fee-bank-return-upload">
              {t('feeRefunds.bank.upload')}
            </Button>
          </Upload>
          <Button
            loading={rebatch.isPending}
            disabled={!me.regionCode}
            onClick={() => void rebatch.mutateAsync(me.regionCode ?? '').catch(showError)}
            data-testid="fee-rebatch"
          >
            {t('feeRefunds.bank.rebatch')}
          </Button>
        </Flex>
        {result && (
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} data-testid="fee-bank-return-result">
            <Descriptions.Item label={t('feeRefunds.bank.format')}>{result.format}</Descriptions.Item>
            {counts
              .filter(([key]) => key !== 'pooled' || result.pooled > 0)
              .map(([key, label]) => (
                <Descriptions.Item key={key} label={label}>
                  <span data-testid={`fee-bank-return-${key}`}>{result[key]}</span>
                </Descriptions.Item>
              ))}
          </Descriptions>
        )}
        {again && (
          <Alert
            type={again.waiting > 0 ? 'warning' : 'success'}
            showIcon
            data-testid="fee-rebatch-result"
            title={t('feeRefunds.bank.rebatched', {
              lines: again.batches.reduce((n, b) => n + b.lines, 0),
              batches: again.batches.length,
              total: formatFen(again.batches.reduce((n, b) => n + b.totalFen, 0)),
              waiting: again.waiting,
            })}
          />
        )}
      </Flex>
    </Card>
  );
}
