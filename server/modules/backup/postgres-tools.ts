import { spawn, spawnSync } from 'node:child_process';
import { BackupError } from './errors.js';

// pg_dump and pg_restore, run as child processes. The password travels in PGPASSWORD, never on
// the command line (another user's `ps` sees the arguments).

function connection(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { args: [`--dbname=${u.toString()}`], env };
}

/** The major version of a PostgreSQL client tool, or a refusal saying it is missing. */
export function toolMajor(tool: 'pg_dump' | 'pg_restore'): number {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  const match = /(\d+)(?:\.\d+)?/.exec(r.stdout ?? '');
  if (r.error || r.status !== 0 || !match) {
    throw new BackupError(
      `找不到 ${tool}：请安装与数据库服务器同一主版本（或更新）的 PostgreSQL 客户端工具（如 apt install postgresql-client）`,
      `${tool} was not found: install the PostgreSQL client tools of the server's major version or newer (e.g. apt install postgresql-client)`,
    );
  }
  return Number(match[1]);
}

/** pg_dump refuses a server newer than itself; say so before it does, in both languages. */
export function checkToolVersion(tool: 'pg_dump' | 'pg_restore', serverMajor: number): void {
  const major = toolMajor(tool);
  if (major < serverMajor) {
    throw new BackupError(
      `${tool} 的版本（${major}）低于数据库服务器（${serverMajor}）：请安装 ${serverMajor} 版或更新的客户端工具`,
      `${tool} ${major} is older than the database server (${serverMajor}): install client tools of version ${serverMajor} or newer`,
    );
  }
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8000) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BackupError(
            `${tool} 失败（退出码 ${code}）：${stderr.trim()}`,
            `${tool} failed (exit code ${code}): ${stderr.trim()}`,
          ),
        );
    });
  });
}

/** A consistent snapshot (pg_dump runs in one repeatable-read transaction), custom format, compressed. */
export function pgDump(url: string, outFile: string): Promise<void> {
  const c = connection(url);
  return run(
    'pg_dump',
    [...c.args, '--format=custom', '--compress=6', '--no-owner', '--no-acl', `--file=${outFile}`],
    c.env,
  );
}

/** Loads a custom-format dump, all or nothing (one transaction, stop at the first error). */
export function pgRestore(url: string, dumpFile: string): Promise<void> {
  const c = connection(url);
  return run(
    'pg_restore',
    [...c.args, '--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', dumpFile],
    c.env,
  );
}
