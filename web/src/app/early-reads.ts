import { api } from './api';

/**
 * Reads started while the app is still starting: the page at the address will ask for them, but
 * only once the sign-in check has answered and its code has loaded. Started at once, they travel
 * beside that check and the page's chunks. Each is taken once, by the page's first query, and only
 * while fresh; later reads go to the server as usual. The session is the browser's own cookie, the
 * same the sign-in check uses, so the answer is what that session may read (a 401 simply fails the
 * read and the sign-in page follows).
 */
const FRESH_MS = 10_000;
interface EarlyRead {
  at: number;
  answer: Promise<unknown>;
  /** Set once the answer is here, so a page can render with it at once (no loading pass). */
  value?: { data: unknown };
}
const started = new Map<string, EarlyRead>();

export function startEarlyRead(path: string): void {
  if (started.has(path)) return;
  const answer = api.get<unknown>(path);
  const read: EarlyRead = { at: Date.now(), answer };
  // Nobody may take it; an unhandled failure would be reported as an error of the page.
  answer.then(
    (data) => (read.value = { data }),
    () => undefined,
  );
  started.set(path, read);
}

/** The early read of `path` if one was started and is fresh, else null (ask the server). */
export function takeEarlyRead<T>(path: string): Promise<T> | null {
  const early = started.get(path);
  if (!early) return null;
  started.delete(path);
  return Date.now() - early.at < FRESH_MS ? (early.answer as Promise<T>) : null;
}

/**
 * The answer of the early read of `path` if it is already here and fresh (taken: later reads go to
 * the server), else undefined. For a query's initialData, so the page's first render has its data.
 */
export function takeEarlyAnswer<T>(path: string): T | undefined {
  const early = started.get(path);
  if (!early?.value) return undefined;
  started.delete(path);
  return Date.now() - early.at < FRESH_MS ? (early.value.data as T) : undefined;
}
