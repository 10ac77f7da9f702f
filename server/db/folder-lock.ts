import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// PGlite is one PostgreSQL in this process, not a server: two processes opening the same data
// folder each keep their own copy of the pages and overwrite each other's writes. A lock file
// beside the folder keeps a second process out.

interface LockContent {
  pid: number;
  /** When the holding process started (for people reading the message). */
  startedAt: string;
  /** Linux: the process start time in clock ticks since boot, to tell a reused pid apart. */
  startTicks: string | null;
  host: string;
  token: string;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number | null,
    startedAt: string | null,
    lockFile: string,
  ) {
    const who = pid === null ? '' : `（进程号 ${pid}${startedAt ? `，${startedAt} 启动` : ''}）`;
    const whoEn = pid === null ? '' : ` (pid ${pid}${startedAt ? `, started ${startedAt}` : ''})`;
    super(
      `数据文件夹 ${folder} 正被另一个一站进程使用${who}。请先停止该进程；要运行多个实例，请改用 PostgreSQL（DATABASE_URL）。\n` +
        `The data folder ${folder} is in use by another Yizhan process${whoEn}. Stop that process first; to run several instances, use PostgreSQL (DATABASE_URL).\n` +
        `(lock file / 锁文件: ${lockFile})`,
    );
    this.name = 'DataFolderInUseError';
  }
}

function startTicksOf(pid: number | 'self'): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name in field 2 may hold spaces, so count after its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

const ownStartedAt = new Date(Date.now() - process.uptime() * 1000).toISOString();
const ownStartTicks = startTicksOf('self');

function holderIsAlive(lock: LockContent): boolean {
  if (lock.pid === process.pid) {
    // This very process (opening the folder a second time), or an earlier run that had the same
    // pid (in a container the server is often pid 1 at every start).
    return lock.startTicks && ownStartTicks ? lock.startTicks === ownStartTicks : lock.startedAt === ownStartedAt;
  }
  try {
    process.kill(lock.pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid exists, but since a crash it may belong to some other process.
  const ticks = lock.startTicks ? startTicksOf(lock.pid) : null;
  return ticks === null || ticks === lock.startTicks;
}

function readLock(file: string): LockContent | 'unreadable' | 'missing' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as LockContent;
    return Number.isInteger(parsed.pid) ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

export interface FolderLock {
  file: string;
  release(): void;
}

/**
 * Takes the lock of `folder` (a file `<folder>.lock` created with O_EXCL, holding pid and start
 * time), or throws DataFolderInUseError naming the holder. A lock left by a process that is gone
 * is taken over. Released by `release()` and, failing that, when the process exits.
 */
export function lockDataFolder(folder: string): FolderLock {
  const file = `${folder.replace(/[\\/]+$/, '')}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockContent = {
    pid: process.pid,
    startedAt: ownStartedAt,
    startTicks: ownStartTicks,
    host: os.hostname(),
    token: crypto.randomUUID(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o644);
      try {
        fs.writeSync(fd, JSON.stringify(mine));
      } finally {
        fs.closeSync(fd);
      }
      return held(file, mine.token);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const current = readLock(file);
    if (current === 'missing') continue;
    if (current === 'unreadable') {
      // Empty or torn: being written this very moment, or left by a crash mid-write long ago.
      const age = Date.now() - fs.statSync(file).mtimeMs;
      if (age < 10_000) throw new DataFolderInUseError(folder, null, null, file);
    } else if (holderIsAlive(current)) {
      throw new DataFolderInUseError(folder, current.pid, current.startedAt, file);
    }
    // Stale: its process is gone. Remove it and try to create ours again.
    fs.rmSync(file, { force: true });
  }
  throw new DataFolderInUseError(folder, null, null, file);
}

function held(file: string, token: string): FolderLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const current = readLock(file);
    if (typeof current === 'object' && current.token === token) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}
