import { Alert, Button, Card, Flex, Popconfirm, Progress, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../app/components/JobProgress';
import { RUNNING_STATUSES, type ImportDetail } from './types';

const STATUS_COLORS: Record<string, string> = {
  validated: 'blue',
  committed: 'green',
  failed: 'red',
  rolled_back: 'default',
};

/** One import: its status and progress while a job runs, its counts, and Commit / Roll back. */
export function ImportSummary(props: {
  detail: ImportDetail;
  busy: boolean;
  onCommit: () => void;
  onRollback: () => void;
}) {
  const { t, i18n } = useTranslation();
  const d = props.detail;
  const running = RUNNING_STATUSES.includes(d.status);
  const text = (m: { zh: string; en: string } | null) => (m ? (i18n.language === 'en' ? m.en : m.zh) : '');
  const counts: [string, number][] = [
    [t('imports.total'), d.totalRows],
    [t('imports.accepted'), d.acceptedRows],
    [t('imports.rejected'), d.rejectedRows],
    ...(d.status === 'committed' || d.status === 'rolled_back'
      ? ([
          [t('imports.inserted'), d.inserted],
          [t('imports.updated'), d.updated],
          [t('imports.unchanged'), d.unchanged],
        ] as [string, number][])
      : []),
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={d.filename}
      extra={
        <Tag color={STATUS_COLORS[d.status] ?? 'processing'} data-testid="import-status" data-status={d.status}>
          {t(`imports.statuses.${d.status}`)}
        </Tag>
      }
    >
      <Flex vertical gap={12}>
        {running && (
          <div data-testid="import-progress">
            {d.jobId ? (
              // Live from the job's server-sent events; the import row's own figure is the fallback.
              <JobProgress key={d.jobId} jobId={d.jobId} />
            ) : (
              <>
                <Progress percent={Math.round(d.progress * 100)} status="active" />
                <span>{text(d.progressMessage)}</span>
              </>
            )}
          </div>
        )}
        {d.failure && <Alert type="error" showIcon message={text(d.failure)} data-testid="import-failure" />}
        {d.unknownHeaders.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('imports.unknownHeaders', { headers: d.unknownHeaders.join('、') })}
          />
        )}
        {d.status === 'committed' && (
          <Alert
            type="success"
            showIcon
            data-testid="import-done"
            message={t('imports.done', { inserted: d.inserted, updated: d.updated, unchanged: d.unchanged })}
          />
        )}
        {d.status === 'rolled_back' && <Alert type="info" showIcon message={t('imports.rolledBack')} />}
        <Flex gap={32} wrap data-testid="import-counts">
          {counts.map(([title, value]) => (
            <Statistic key={title} title={title} value={value} />
          ))}
        </Flex>
        <Flex gap={8} wrap>
          {d.status === 'validated' && d.acceptedRows > 0 && (
            <Popconfirm title={t('imports.commitConfirm', { count: d.acceptedRows })} onConfirm={props.onCommit}>
              <Button type="primary" loading={props.busy} data-testid="import-commit">
                {t('imports.commit')}
              </Button>
            </Popconfirm>
          )}
          {d.status === 'committed' && (
            <Popconfirm title={t('imports.rollbackConfirm')} onConfirm={props.onRollback}>
              <Button danger loading={props.busy} data-testid="import-rollback">
                {t('imports.rollback')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
