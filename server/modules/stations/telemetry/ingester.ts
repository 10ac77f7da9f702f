import type { Deps } from '../../../core/deps.js';
import { processBatch, StationCache, type Incoming } from './ingest.js';

export type { Incoming };

/**
 * Told once what became of a message: `true` when the batch holding it has been committed (the
 * source may acknowledge it now), `false` when it was let go unwritten (the ingester is stopping,
 * or too much is waiting): the source leaves it unacknowledged, so the sender has it sent again.
 */
export type Settle = (committed: boolean) => void;

/** Where a broker hands its messages: the ingester, or a test's stand-in. */
export interface MessageSink {
  receive(topic: string, payload: Buffer, settle?: Settle): void;
}

export interface IngesterOptions {
  flushMs: number;
  maxBatch: number;
  maxBuffered: number;
  /** Told of each batch once it is committed (the benchmark measures lag with it). */
  onCommitted?: (batch: readonly Incoming[], at: Date) => void;
}

interface Waiting extends Incoming {
  settle?: Settle;
}

/**
 * Buffers the sensor messages a source hands over and writes them a batch at a time (every
 * `flushMs`, or at once when `maxBatch` are waiting), one batch after another. A message is settled
 * only when its batch is committed, so its source acknowledges it only then (a crash before the
 * commit leaves it with the broker, which sends it again). A batch that fails (the database is
 * away) goes back to the front and is tried again after a pause; beyond `maxBuffered` waiting
 * messages the oldest are let go unacknowledged and counted, so memory stays bounded.
 */
export class TelemetryIngester implements MessageSink {
  private buffer: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Stopping: new messages are refused (left with their senders), what is waiting is written. */
  private closing = false;
  private readonly cache = new StationCache();
  private readonly months = new Set<number>();
  readonly stats = { received: 0, written: 0, refused: 0, raised: 0, dropped: 0, batches: 0, failedBatches: 0 };

  constructor(
    private readonly deps: Deps,
    private readonly opts: IngesterOptions = { flushMs: 100, maxBatch: 5000, maxBuffered: 200_000 },
  ) {}

  receive(topic: string, payload: Buffer, settle?: Settle): void {
    if (this.closing) {
      settle?.(false);
      return;
    }
    this.stats.received++;
    this.buffer.push({ topic, payload, receivedAt: this.deps.now(), settle });
    if (this.buffer.length > this.opts.maxBuffered) {
      const excess = this.buffer.splice(0, this.buffer.length - this.opts.maxBuffered);
      this.stats.dropped += excess.length;
      for (const m of excess) m.settle?.(false);
    }
    if (this.buffer.length >= this.opts.maxBatch) this.kick(0);
    else if (!this.timer && !this.running) this.kick(this.opts.flushMs);
  }

  private kick(delayMs: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  /** Writes everything waiting; resolves when the buffer is empty (or the ingester is stopping). */
  flush(): Promise<void> {
    this.running ??= this.writeAll().finally(() => {
      this.running = null;
      if (this.buffer.length && !this.closing) this.kick(this.opts.flushMs);
    });
    return this.running;
  }

  private async writeAll() {
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, this.opts.maxBatch);
      try {
        const result = await processBatch(this.deps, this.cache, batch, this.months);
        this.stats.batches++;
        this.stats.written += result.written;
        this.stats.refused += result.problems;
        this.stats.raised += result.raised;
        for (const m of batch) m.settle?.(true);
        this.opts.onCommitted?.(batch, new Date());
      } catch (err) {
        this.stats.failedBatches++;
        this.deps.logger.error({ err, messages: batch.length }, 'station telemetry batch failed; retrying');
        this.buffer.unshift(...batch);
        if (this.closing) return;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /**
   * Refuses new messages, writes what is waiting, and lets go of what could not be written (the
   * database is away): unacknowledged, it is sent again to whichever instance runs next.
   */
  async stop(): Promise<void> {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    await this.flush();
    for (const m of this.buffer.splice(0)) m.settle?.(false);
  }
}
