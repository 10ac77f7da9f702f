import { once } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.js';

/**
 * Rows into a table by `COPY … FROM STDIN` (text format: one line a row, tab between the fields,
 * `\N` for null; `copyField` escapes a value). On PostgreSQL one COPY runs on its own pooled
 * connection for as long as the writer is open, so the server stores a piece while Node prepares
 * the next (only the socket's buffer is waited for). On the embedded PGlite, which has no socket,
 * each `write` is one `COPY … FROM '/dev/blob'` of its pieces.
 * Not for a transaction: on PostgreSQL the rows are in when `end` answers.
 *
 * A write takes its lines as pieces of some tens of kilobytes (`CopyPieces`), never one string of
 * a whole batch: a string past 128 KB is born in V8's old generation, where it waits for a full
 * collection, and a few MB of them per batch is what made the import's memory grow.
 */
export interface CopyWriter {
  write(pieces: readonly string[]): Promise<void>;
  /** Waits until every row is stored. */
  end(): Promise<void>;
  /** Stops: PostgreSQL stores nothing of this COPY; PGlite keeps the pieces written (the caller deletes them). */
  abort(): Promise<void>;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A value as COPY's text format reads it: backslash, tab, line feed and carriage return escaped. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}

/** Lines gathered into pieces of about `PIECE_CHARS` characters each, for `CopyWriter.write`. */
export class CopyPieces {
  static readonly PIECE_CHARS = 32 * 1024;
  readonly pieces: string[] = [];
  private current = '';

  add(line: string): void {
    this.current += line;
    if (this.current.length >= CopyPieces.PIECE_CHARS) {
      this.pieces.push(this.current);
      this.current = '';
    }
  }

  /** Every line added, as pieces (the last one shorter). */
  done(): string[] {
    if (this.current) this.pieces.push(this.current);
    this.current = '';
    return this.pieces;
  }
}

export async function openCopy(db: Db, table: string, columns: readonly string[]): Promise<CopyWriter> {
  const target = `${quoted(table)} (${columns.map(quoted).join(', ')})`;
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (!('totalCount' in client)) {
    const lite = client;
    return {
      // The Blob copies the pieces into one native buffer: no JS string of the whole batch.
      write: async (pieces) => {
        if (pieces.some((p) => p.length > 0))
          await lite.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob(pieces as string[]) });
      },
      end: async () => {},
      abort: async () => {},
    };
  }
  const conn = await client.connect();
  let failed: Error | null = null;
  let stream: ReturnType<typeof copyFrom>;
  try {
    stream = conn.query(copyFrom(`copy ${target} from stdin`));
  } catch (err) {
    conn.release(true);
    throw err;
  }
  stream.on('error', (err: Error) => (failed ??= err));
  let released = false;
  const release = (broken: boolean) => {
    if (released) return;
    released = true;
    conn.release(broken || undefined);
  };
  return {
    async write(pieces) {
      for (const piece of pieces) {
        if (failed) throw failed;
        if (!stream.write(piece)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
      }
      if (failed) throw failed;
    },
    async end() {
      try {
        if (failed) throw failed;
        const done = Promise.race([once(stream, 'finish'), once(stream, 'error')]);
        stream.end();
        await done;
        if (failed) throw failed;
        release(false);
      } catch (err) {
        release(true);
        throw err;
      }
    },
    async abort() {
      if (released) return;
      // Destroying the stream sends CopyFail: the server stores none of this COPY.
      const closed = once(stream, 'close').catch(() => {});
      stream.destroy(new Error('copy aborted'));
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000))]);
      release(true);
    },
  };
}
