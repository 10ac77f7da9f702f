import { Alert, Button, Card, Tabs } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';
import './i18n';
import { JobsTable } from './JobsTable';
import { QueuesTable } from './QueuesTable';
import { jobKeys } from './queryKeys';
import { useJobs } from './useJobs';

/**
 * The background jobs: each queue's counts, then the jobs by state (running, queued, failed,
 * completed) and the schedules.
 */
export default function JobsPage() {
  const { t } = useTranslation();
  const jobs = useJobs();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: jobKeys.all });
  };
  const queues = jobs.queues?.items ?? [];
  const table = (state: 'active' | 'queued' | 'failed' | 'completed') => (
    <JobsTable state={state} onRetry={jobs.retry} retrying={jobs.retrying} />
  );
  return (
    <>
      <PageTitle
        title={t('jobs.title')}
        extra={
          <Button onClick={refresh} data-testid="jobs-refresh">
            {t('jobs.refresh')}
          </Button>
        }
      />
      {jobs.queues && !jobs.queues.running && (
        <Alert type="warning" showIcon title={t('jobs.runnerStopped')} style={{ marginBottom: 16 }} />
      )}
      <Card title={t('jobs.queues')} size="small" style={{ marginBottom: 16 }}>
        <QueuesTable queues={queues} loading={jobs.loadingQueues} />
      </Card>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'active', label: t('jobs.running'), children: table('active') },
          { key: 'queued', label: t('jobs.queued'), children: table('queued') },
          { key: 'failed', label: t('jobs.failed'), children: table('failed') },
          { key: 'completed', label: t('jobs.completed'), children: table('completed') },
          {
            key: 'scheduled',
            label: t('jobs.scheduled'),
            children: <QueuesTable queues={queues} loading={jobs.loadingQueues} scheduledOnly />,
          },
        ]}
      />
    </>
  );
}
