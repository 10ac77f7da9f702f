import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Deps } from '../../core/deps.js';
import { dispatchMessagesJob } from './job.js';
import { OUTBOX_CHANNEL } from './repository.js';

export interface Kicker {
  stop(): Promise<void>;
}

const RECONNECT_MS = 5_000;

/**
 * Makes messages leave within moments of the commit that wrote them: `notify()` issues a
 * NOTIFY in the writer's transaction (delivered only on commit), and each instance LISTENs and
 * queues the dispatcher job (singleton key, so a burst of commits queues one run). The
 * per-minute schedule still catches anything a lost connection missed.
 */
export async function startDispatchKicker(deps: Deps): Promise<Kicker> {
  const kick = () => {
    void deps.jobs
      ?.send(dispatchMessagesJob, {}, { singletonKey: 'kick' })
      .catch((err: unknown) => deps.logger.warn({ err }, 'could not queue the message dispatcher'));
  };
  // The driver behind Drizzle: PGlite has listen(); on PostgreSQL one pooled connection stays on LISTEN.
  const client = (deps.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if ('listen' in client) {
    const unlisten = await client.listen(OUTBOX_CHANNEL, kick);
    return { stop: () => unlisten() };
  }
  return listenOnPool(client, deps, kick);
}

async function listenOnPool(pool: pg.Pool, deps: Deps, kick: () => void): Promise<Kicker> {
  let stopped = false;
  // The listening connection and its one release: an 'error' may arrive after stop() released it (a
  // test dropping its database, a server restart), and pg throws on a second release.
  let conn: { client: pg.PoolClient; release: (err?: Error) => void } | null = null;
  let timer: NodeJS.Timeout | null = null;
  const connect = async () => {
    try {
      const c = await pool.connect();
      let released = false;
      const release = (err?: Error) => {
        if (released) return;
        released = true;
        c.release(err);
      };
      c.on('notification', (n) => {
        if (n.channel === OUTBOX_CHANNEL) kick();
      });
      c.on('error', (err) => {
        const current = conn?.client === c;
        release(err);
        if (current) conn = null;
        if (stopped || !current) return;
        deps.logger.warn({ err: err.message }, 'outbox LISTEN connection lost; reconnecting');
        timer = setTimeout(() => void connect(), RECONNECT_MS);
      });
      await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
      conn = { client: c, release };
      // Messages written while nobody listened are sent now rather than at the next tick.
      kick();
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, 'outbox LISTEN failed; retrying');
      if (!stopped) timer = setTimeout(() => void connect(), RECONNECT_MS);
    }
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = conn;
      conn = null;
      if (current) {
        await current.client.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => {});
        current.release();
      }
    },
  };
}
