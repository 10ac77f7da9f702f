import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobQueueSummary } from './types';

/** Each queue with its jobs counted by state; `scheduledOnly` lists the scheduled ones with their cron. */
export function QueuesTable({
  queues,
  loading,
  scheduledOnly = false,
}: {
  queues: JobQueueSummary[];
  loading: boolean;
  scheduledOnly?: boolean;
}) {
  const { t } = useTranslation();
  const count = (n: number, color: string) => (n ? <Tag color={color}>{n}</Tag> : <span>0</span>);
  const columns: TableColumnsType<JobQueueSummary> = [
    { title: t('jobs.queue'), dataIndex: 'name', render: (v: string) => <code>{v}</code> },
    ...(scheduledOnly
      ? []
      : [
          {
            title: t('jobs.running'),
            key: 'active',
            render: (q: JobQueueSummary) => count(q.counts.active, 'processing'),
          },
          {
            title: t('jobs.queued'),
            key: 'created',
            render: (q: JobQueueSummary) => count(q.counts.created, 'default'),
          },
          { title: t('jobs.retrying'), key: 'retry', render: (q: JobQueueSummary) => count(q.counts.retry, 'warning') },
          { title: t('jobs.failed'), key: 'failed', render: (q: JobQueueSummary) => count(q.counts.failed, 'error') },
          { title: t('jobs.completed'), key: 'completed', render: (q: JobQueueSummary) => q.counts.completed },
        ]),
    {
      title: t('jobs.schedule'),
      key: 'schedule',
      render: (q: JobQueueSummary) => (q.schedule ? <code>{q.schedule.cron}</code> : t('jobs.noSchedule')),
    },
    ...(scheduledOnly
      ? [{ title: t('jobs.timeZone'), key: 'tz', render: (q: JobQueueSummary) => q.schedule?.timeZone }]
      : []),
  ];
  return (
    <Table<JobQueueSummary>
      rowKey="name"
      size="small"
      columns={columns}
      dataSource={scheduledOnly ? queues.filter((q) => q.schedule) : queues}
      loading={loading}
      pagination={false}
      data-testid={scheduledOnly ? 'job-schedules' : 'job-queues'}
    />
  );
}
