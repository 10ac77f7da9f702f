import { Alert, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobEndEvent } from '../../../../contracts/jobs';
import { useJobProgress } from '../useJobProgress';

/**
 * A background job's progress bar with its message in the current language, followed live
 * (server-sent events) until the job ends. For a long job a page started: an import, a report.
 */
export function JobProgress({ jobId, onEnd }: { jobId: string; onEnd?: (end: JobEndEvent) => void }) {
  const { t, i18n } = useTranslation();
  const p = useJobProgress(jobId, onEnd);
  const status =
    p.ended === 'failed' || p.ended === 'cancelled' || p.lost
      ? 'exception'
      : p.ended === 'completed'
        ? 'success'
        : 'active';
  const said = p.message ? (i18n.language === 'en' ? p.message.en : p.message.zh) : null;
  const text =
    p.ended === 'completed'
      ? (said ?? t('jobProgress.done'))
      : p.ended
        ? t('jobProgress.failed')
        : p.lost
          ? t('jobProgress.lost')
          : (said ?? t(p.connected ? 'jobProgress.waiting' : 'jobProgress.connecting'));
  const percent = Math.round(p.fraction * 100);
  return (
    <Flex
      vertical
      gap={4}
      data-testid="job-progress"
      data-state={p.ended ?? (p.lost ? 'lost' : 'running')}
      data-percent={percent}
    >
      <Progress percent={percent} status={status} />
      <Typography.Text type="secondary" data-testid="job-progress-message">
        {text}
      </Typography.Text>
      {p.errorMessage && <Alert type="error" showIcon title={p.errorMessage} />}
    </Flex>
  );
}
