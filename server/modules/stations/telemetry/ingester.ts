import type { Deps } from '../../../core/deps.js';
import { processBatch, StationCache, type Incoming } from './ingest.js';

export type { Incoming };

export interface IngesterOptions {
  flushMs: number;
  maxBatch: number;
  maxBuffered: number;
  /** Told of each batch once it is committed (the benchmark measures lag with it). */
  onCommitted?: (batch: readonly Incoming[], at: Date) => void;
}

/**
 * Buffers the sensor messages a source hands over and writes them a batch at a time (every
 * `flushMs`, or at once when `maxBatch` are waiting), one batch after another. A batch that fails
 * (the database is away) goes back to the front and is tried again after a pause; beyond
 * `maxBuffered` waiting messages the oldest are let go and counted, so memory stays bounded.
 */
export class TelemetryIngester {
  private buffer: Incoming[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly cache = new StationCache();
  private readonly months = new Set<number>();
  readonly stats = { received: 0, written: 0, refused: 0, raised: 0, dropped: 0, batches: 0, failedBatches: 0 };

  constructor(
    private readonly deps: Deps,
    private readonly opts: IngesterOptions = { flushMs: 100, maxBatch: 5000, maxBuffered: 200_000 },
  ) {}

  receive(topic: string, payload: Buffer): void {
    if (this.stopped) return;
    this.stats.received++;
    this.buffer.push({ topic, payload, receivedAt: this.deps.now() });
    if (this.buffer.length > this.opts.maxBuffered) {
      const excess = this.buffer.length - this.opts.maxBuffered;
      this.buffer.splice(0, excess);
      this.stats.dropped += excess;
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

  /** Writes everything waiting; resolves when the buffer is empty (or the ingester stopped). */
  flush(): Promise<void> {
    this.running ??= this.writeAll().finally(() => {
      this.running = null;
      if (this.buffer.length && !this.stopped) this.kick(this.opts.flushMs);
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
        this.opts.onCommitted?.(batch, new Date());
      } catch (err) {
        this.stats.failedBatches++;
        this.deps.logger.error({ err, messages: batch.length }, 'station telemetry batch failed; retrying');
        this.buffer.unshift(...batch);
        if (this.stopped) return;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.flush();
    this.stopped = true;
  }
}
