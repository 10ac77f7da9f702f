import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { defineJob } from '../jobs/define.js';
import { dispatchDue, type DispatchResult } from './dispatcher.js';

/** How long one run keeps claiming batches before it lets the next tick take over. */
const RUN_BUDGET_MS = 45_000;

/** Dispatches until nothing is due (or the budget is spent, or the instance shuts down). */
export async function dispatchAll(deps: Deps, signal?: AbortSignal): Promise<DispatchResult> {
  const total: DispatchResult = { claimed: 0, sent: 0, delivered: 0, retrying: 0, failed: 0, expired: 0 };
  const started = Date.now();
  for (;;) {
    const r = await dispatchDue(deps, { signal });
    for (const k of Object.keys(total) as (keyof DispatchResult)[]) total[k] += r[k];
    if (r.claimed < deps.config.messages.batch || signal?.aborted || Date.now() - started > RUN_BUDGET_MS) break;
  }
  return total;
}

/**
 * The message dispatcher as a job: every minute as a catch-all (retries whose backoff has run
 * out, messages whose wake-up was lost), and kicked after every commit that wrote a message
 * (kicker.ts). Singleton: a kick while a run waits is dropped; the waiting run sends it.
 */
export const dispatchMessagesJob = defineJob({
  name: 'notifications.dispatch',
  payload: z.object({}),
  handler: (deps, _payload, ctx) => dispatchAll(deps, ctx.signal),
  schedule: { cron: '* * * * *', payload: {} },
  singleton: true,
  expireInSeconds: 120,
  // A failed run is not retried by the queue: the next tick or kick runs again anyway.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
});
