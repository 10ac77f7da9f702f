import { Button, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobFilterState } from '../../../../contracts/jobs/states';
import { JobProgress } from '../../app/components/JobProgress';
import { formatDateTime } from '../../app/format';
import { usePaged } from '../../app/usePaged';
import { JOBS_API } from './queryKeys';
import type { Job, JobFilter } from './types';

const STATE_COLORS: Record<Job['state'], string> = {
  created: 'default',
  retry: 'warning',
  active: 'processing',
  completed: 'success',
  cancelled: 'default',
  failed: 'error',
};

/** The jobs in one state, server-paged; a running job's row opens onto its live progress. */
export function JobsTable({
  state,
  onRetry,
  retrying,
}: {
  state: JobFilterState;
  onRetry: (id: string) => void;
  retrying: string | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const list = usePaged<Job, JobFilter>(JOBS_API, { state });
  const none = t('common.none');
  const columns: TableColumnsType<Job> = [
    { title: t('jobs.name'), dataIndex: 'name', width: 170, render: (v: string) => <code>{v}</code> },
    {
      title: t('jobs.state'),
      dataIndex: 'state',
      width: 100,
      render: (v: Job['state']) => <Tag color={STATE_COLORS[v]}>{t(`jobs.states.${v}`)}</Tag>,
    },
    {
      title: t('jobs.attempts'),
      key: 'attempts',
      width: 90,
      render: (j: Job) => `${j.attempts} / ${j.retryLimit + 1}`,
    },
    { title: t('jobs.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    state === 'queued'
      ? { title: t('jobs.startAfter'), dataIndex: 'startAfter', width: 150, render: (v: string) => formatDateTime(v) }
      : {
          title: t('jobs.startedAt'),
          dataIndex: 'startedAt',
          width: 150,
          render: (v: string | null) => formatDateTime(v),
        },
    {
      title: t('jobs.completedAt'),
      dataIndex: 'completedAt',
      width: 150,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('jobs.progress'),
      key: 'progress',
      width: 200,
      render: (j: Job) =>
        j.progress ? (
          <div title={j.progress.message ? j.progress.message[i18n.language === 'en' ? 'en' : 'zh'] : undefined}>
            <Progress size="small" percent={Math.round(j.progress.fraction * 100)} />
          </div>
        ) : (
          none
        ),
    },
    {
      title: t('jobs.error'),
      dataIndex: 'errorMessage',
      ellipsis: true,
      render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : none),
    },
    ...(state === 'failed'
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (j: Job) => (
              <Button size="small" onClick={() => onRetry(j.id)} loading={retrying === j.id} data-testid="job-retry">
                {t('jobs.retry')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<Job>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.items}
      loading={list.loading}
      pagination={list.pagination}
      scroll={{ x: 1200 }}
      expandable={
        // The row stays until the list is refreshed, so that the bar shows how the job ended.
        state === 'active' ? { expandedRowRender: (j) => <JobProgress jobId={j.id} /> } : undefined
      }
      data-testid={`jobs-${state}`}
    />
  );
}
