import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

// A backup is one plain tar file (manifest.json, then the dump), so `tar tf` can look inside
// without this program. Only what that needs is written and read: regular files in ustar form.

const BLOCK = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write(
    Math.floor(mtime.getTime() / 1000)
      .toString(8)
      .padStart(11, '0') + '\0',
    136,
    'ascii',
  );
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

export interface TarEntry {
  name: string;
  /** Bytes in memory, or a file streamed from disk (a pg_dump may not fit in memory). */
  content: Buffer | { file: string };
}

/** Writes the entries as a tar file at `target` (via a temporary name, so a crash leaves no half file). */
export async function writeTar(target: string, entries: TarEntry[], mtime = new Date()): Promise<void> {
  const partial = `${target}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  try {
    for (const entry of entries) {
      const size = Buffer.isBuffer(entry.content) ? entry.content.length : fs.statSync(entry.content.file).size;
      await write(out, header(entry.name, size, mtime));
      if (Buffer.isBuffer(entry.content)) await write(out, entry.content);
      else await pipeline(fs.createReadStream(entry.content.file), out, { end: false });
      await write(out, padding(size));
    }
    await write(out, Buffer.alloc(BLOCK * 2));
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (err) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
  fs.renameSync(partial, target);
}

function write(out: fs.WriteStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => out.write(chunk, (err) => (err ? reject(err) : resolve())));
}

export interface TarMember {
  name: string;
  offset: number;
  size: number;
}

/** The files in a tar, with where their bytes are; throws on anything that is not a tar. */
export function listTar(file: string): TarMember[] {
  const fd = fs.openSync(file, 'r');
  try {
    const total = fs.fstatSync(fd).size;
    const members: TarMember[] = [];
    const h = Buffer.alloc(BLOCK);
    let at = 0;
    while (at + BLOCK <= total) {
      fs.readSync(fd, h, 0, BLOCK, at);
      if (h.every((b) => b === 0)) break;
      if (h.toString('ascii', 257, 262) !== 'ustar') throw new Error('not a tar file');
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
      if (!Number.isFinite(size) || at + BLOCK + size > total) throw new Error('truncated tar file');
      members.push({ name, offset: at + BLOCK, size });
      at += BLOCK + size + padding(size).length;
    }
    return members;
  } finally {
    fs.closeSync(fd);
  }
}

export function readMember(file: string, member: TarMember): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const out = Buffer.alloc(member.size);
    fs.readSync(fd, out, 0, member.size, member.offset);
    return out;
  } finally {
    fs.closeSync(fd);
  }
}

/** A member as a stream (large dumps). */
export function memberStream(file: string, member: TarMember): fs.ReadStream {
  return fs.createReadStream(file, { start: member.offset, end: member.offset + member.size - 1 });
}
