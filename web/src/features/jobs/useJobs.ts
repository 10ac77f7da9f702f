import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useShowError } from '../../app/errors';
import { useApiMutation, useApiQuery } from '../../app/query';
import { JOB_QUEUES_API, JOBS_API, jobKeys } from './queryKeys';
import type { Job, JobQueues } from './types';

/** The queues summary (refreshed every few seconds while shown) and the retry of a failed job. */
export function useJobs() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queues = useApiQuery(jobKeys.queues, () => api.get<JobQueues>(JOB_QUEUES_API), { refetchInterval: 5000 });
  const retry = useApiMutation(
    (id: string) => api.post<Job>(`${JOBS_API}/${encodeURIComponent(id)}/retry`),
    [jobKeys.all, jobKeys.queues],
  );
  return {
    queues: queues.data ?? null,
    loadingQueues: queues.isFetching,
    retrying: retry.isPending ? retry.variables : null,
    retry: (id: string) =>
      retry.mutate(id, { onSuccess: () => void message.success(t('jobs.retried')), onError: showError }),
  };
}
