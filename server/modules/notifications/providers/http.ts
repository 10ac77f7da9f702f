export interface HttpAnswer {
  status: number;
  ok: boolean;
  text: string;
}

/**
 * POST and read the whole answer, given up after timeoutMs or when `signal` aborts.
 *
 * Why not `fetch(url, {signal: AbortSignal.any([signal, AbortSignal.timeout(ms)])})`: Node 20's
 * fetch follows the signal it is given through a weak reference, so after a garbage collection
 * the time-out could stop reaching the request (nodejs/node#55428) and a gateway that never
 * answered held the send for ever. Here the timer is held strongly and raced against the
 * request, so the deadline holds whatever the request's own signal does; the request is still
 * aborted so its socket is let go.
 */
export async function postWithin(
  url: string | URL,
  init: { headers: Record<string, string>; body: string },
  opts: { signal: AbortSignal; timeoutMs: number },
): Promise<HttpAnswer> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const stop = (reason: unknown) => {
      controller.abort(reason);
      reject(reason);
    };
    timer = setTimeout(() => stop(new DOMException('timed out', 'TimeoutError')), opts.timeoutMs);
    onAbort = () => stop(opts.signal.reason);
    if (opts.signal.aborted) onAbort();
    else opts.signal.addEventListener('abort', onAbort, { once: true });
  });
  const request = (async () => {
    const res = await fetch(url, { method: 'POST', ...init, signal: controller.signal });
    return { status: res.status, ok: res.ok, text: await res.text() };
  })();
  // Once the deadline has won, the request's own failure (its abort) is nobody's to handle.
  request.catch(() => undefined);
  try {
    return await Promise.race([request, deadline]);
  } finally {
    clearTimeout(timer);
    if (onAbort) opts.signal.removeEventListener('abort', onAbort);
  }
}
