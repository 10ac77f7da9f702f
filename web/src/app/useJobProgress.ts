import { useEffect, useEffectEvent, useState } from 'react';
import type { JobEndEvent, JobProgressEvent } from '../../../contracts/jobs';
import { JOB_EVENT, jobEventsPath, type JobState } from '../../../contracts/jobs/states';

export interface JobProgressView {
  /** 0..1 */
  fraction: number;
  message: { zh: string; en: string } | null;
  /** The final state once the job ended; null while it waits or runs. */
  ended: JobState | null;
  errorMessage: string | null;
  /** The stream was refused or dropped for good (no access, unknown job). */
  lost: boolean;
  /** At least one event arrived. */
  connected: boolean;
}

const START: JobProgressView = {
  fraction: 0,
  message: null,
  ended: null,
  errorMessage: null,
  lost: false,
  connected: false,
};

/**
 * A job's progress from GET /api/jobs/:id/events (server-sent events), until it ends. The
 * browser's EventSource reconnects by itself after a dropped connection; it is closed at the end
 * event (or when the job id changes or the component goes), so it never reconnects to a finished job.
 */
export function useJobProgress(jobId: string | null, onEnd?: (end: JobEndEvent) => void): JobProgressView {
  const [view, setView] = useState<{ jobId: string | null; value: JobProgressView }>({ jobId, value: START });
  const ended = useEffectEvent((end: JobEndEvent) => onEnd?.(end));
  useEffect(() => {
    if (!jobId) return;
    const source = new EventSource(jobEventsPath(jobId));
    const update = (change: Partial<JobProgressView>) =>
      setView((v) => ({ jobId, value: { ...(v.jobId === jobId ? v.value : START), connected: true, ...change } }));
    source.addEventListener(JOB_EVENT.progress, (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as JobProgressEvent;
      update({ fraction: data.fraction, message: data.message });
    });
    source.addEventListener(JOB_EVENT.end, (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as JobEndEvent;
      source.close();
      update({
        ended: data.state,
        errorMessage: data.errorMessage,
        ...(data.state === 'completed' ? { fraction: 1 } : {}),
      });
      ended(data);
    });
    source.onerror = () => {
      // CLOSED: the server refused the stream (an error status); otherwise the browser retries.
      if (source.readyState === EventSource.CLOSED) update({ lost: true, connected: false });
    };
    return () => source.close();
  }, [jobId]);
  return view.jobId === jobId ? view.value : START;
}
