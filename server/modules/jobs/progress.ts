import type { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { errorForLog } from '../../core/http.js';
import { progressRepo } from './repository.js';

/** What a job said last, as the events stream sends it. */
export interface ProgressUpdate {
  jobId: string;
  fraction: number;
  message: { zh: string; en: string } | null;
  /** When the handler said it: a stream sends only newer updates, so they arrive in order. */
  at: Date;
}

const MAX_MESSAGE = 300;

/**
 * ctx.progress of one run. Every call reaches the in-process listeners at once; the database
 * row is written at most once per `throttleMs` (a loop over a million rows may report each
 * one), and the last value always lands. A call never waits for the database: a handler may
 * report progress inside its own transaction on the embedded database's one connection.
 */
export class ProgressWriter {
  private pending: ProgressUpdate | null = null;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly jobName: string,
    private readonly throttleMs: number,
    private readonly events: EventEmitter,
    private readonly logger: Logger,
  ) {}

  report(jobId: string, fraction: number, message: { zh: string; en: string }): void {
    if (!Number.isFinite(fraction)) throw new RangeError('progress must be a number between 0 and 1');
    const update: ProgressUpdate = {
      jobId,
      fraction: Math.min(1, Math.max(0, fraction)),
      message: { zh: message.zh.slice(0, MAX_MESSAGE), en: message.en.slice(0, MAX_MESSAGE) },
      at: new Date(),
    };
    this.events.emit('progress', update);
    this.pending = update;
    if (this.timer) return;
    const wait = this.lastWrite + this.throttleMs - Date.now();
    if (wait <= 0) this.write();
    else this.timer = setTimeout(() => this.write(), wait);
  }

  /** Writes what is pending and waits for every write. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.write();
    await this.chain;
  }

  private write(): void {
    this.timer = null;
    const update = this.pending;
    if (!update) return;
    this.pending = null;
    this.lastWrite = Date.now();
    this.chain = this.chain.then(() =>
      progressRepo
        .save(this.db, {
          jobId: update.jobId,
          jobName: this.jobName,
          fraction: update.fraction,
          messageZh: update.message?.zh ?? null,
          messageEn: update.message?.en ?? null,
          updatedAt: update.at,
        })
        .catch((err: unknown) => this.logger.warn({ error: errorForLog(err) }, 'job progress not saved')),
    );
  }
}
