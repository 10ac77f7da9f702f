import { z } from 'zod';
import type { AppConfig } from '../../config.js';
import type { Deps } from '../../core/deps.js';
import { defineJob, type JobDefinition } from '../jobs/define.js';
import { connectionStringOf, kindOf } from './embedded.js';
import { createBackup, pruneBackups } from './service.js';

const payload = z.object({});

/**
 * One backup into BACKUP_DIR, then the oldest beyond BACKUP_KEEP removed. On the embedded
 * database this is the only way to back up while the server runs (the data folder admits one
 * process: the server dumps it itself); on PostgreSQL it runs pg_dump, once across instances.
 * Running it again (a retry) only writes another file, which the retention then counts.
 */
export async function runScheduledBackup(deps: Deps, progress?: (fraction: number) => Promise<void>) {
  const { config } = deps;
  const kind = kindOf(deps.db);
  await progress?.(0.05);
  const result = await createBackup({
    database: { db: deps.db, kind },
    url: config.databaseUrl ?? connectionStringOf(deps.db),
    cipher: deps.cipher,
    dir: config.backupDir,
    now: deps.now(),
  });
  await progress?.(0.9);
  const removed = pruneBackups(config.backupDir, config.backupKeep);
  deps.logger.info({ file: result.file, bytes: result.manifest.payload.bytes, removed }, 'scheduled backup written');
  return { file: result.file, removed };
}

/** The scheduled backup, or null when BACKUP_CRON is off. Register it with the other jobs. */
export function backupJobFor(config: AppConfig): JobDefinition<z.infer<typeof payload>> | null {
  if (!config.backupCron) return null;
  return defineJob({
    name: 'backup.scheduled',
    payload,
    schedule: { cron: config.backupCron, payload: {} },
    singleton: true,
    retry: { limit: 2, delaySeconds: 600, backoff: true },
    expireInSeconds: 3600,
    handler: (deps, _payload, ctx) =>
      runScheduledBackup(deps, (fraction) =>
        ctx.progress(fraction, {
          zh: fraction < 0.9 ? '正在备份数据库' : '正在清理旧备份',
          en: fraction < 0.9 ? 'Backing up the database' : 'Removing old backups',
        }),
      ),
  });
}
