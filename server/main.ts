import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { FieldCipher, resolveMasterKey } from './core/crypto.js';
import type { Deps } from './core/deps.js';
import { errorForLog } from './core/http.js';
import { openDatabase } from './db/client.js';
import { DataFolderInUseError } from './db/folder-lock.js';
import { accounts } from './modules/accounts/tables.js';
import { ensureReferenceData } from './seed/reference.js';
import { DEMO_LOGINS, seedDemoIfEmpty } from './seed/demo.js';
import { runReminders } from './modules/disputes/reminders.js';
import { inlineQueue } from './modules/jobs/inline-queue.js';

async function main() {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? null : `${config.dataDir}/pg`,
  });
  await database.migrate();
  const cipher = new FieldCipher(resolveMasterKey(config.encryptionKey, config.dataDir));
  const deps: Deps = { db: database.db, cipher, config, logger, now: () => new Date() };
  deps.jobs = inlineQueue(() => deps);
  await ensureReferenceData(deps);
  const seeded = config.demoData ? await seedDemoIfEmpty(deps) : false;
  const [{ n: accountCount } = { n: 0 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(accounts);
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `  一站 Yizhan is ready at ${url}  (API docs: ${url}/api/docs)`,
    `  database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}/pg` : 'PostgreSQL (DATABASE_URL)'}${seeded ? ' — demo data loaded' : ''}`,
    `  started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  if (config.demoData) {
    lines.push('  demo logins (password for all: ' + DEMO_LOGINS.password + '):');
    for (const l of DEMO_LOGINS.accounts) lines.push(`    ${l.username.padEnd(16)} ${l.label}`);
  } else if (accountCount === 0) {
    // Compiled (dist/server/main.js) or run from the sources through tsx.
    const command = import.meta.url.endsWith('.js')
      ? 'node dist/server/cli/admin-create.js --username <name>'
      : 'npm run admin:create -- --username <name>';
    lines.push(
      '  no accounts yet / 尚无任何账号. Create the first administrator / 创建第一个系统管理员:',
      `    YIZHAN_ADMIN_PASSWORD='…' ${command}`,
      database.kind === 'pglite'
        ? '  (stop this server first: the embedded database admits one process / 嵌入式数据库只允许一个进程，请先停止本服务)'
        : '',
    );
  }
  console.log(lines.filter(Boolean).join('\n') + '\n');

  // The clocks job: reminders before deadlines, and a recorded decision when a mediation period ends.
  let timer: NodeJS.Timeout | null = null;
  if (config.reminderIntervalMinutes > 0) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const r = await runReminders(deps);
        if (r.remindersSent || r.closedForDeadline || r.sessionReminders) logger.info(r, 'dispute clocks job');
      } catch (err) {
        logger.error({ error: errorForLog(err) }, 'dispute clocks job failed');
      } finally {
        running = false;
      }
    };
    timer = setInterval(() => void tick(), config.reminderIntervalMinutes * 60_000);
    setTimeout(() => void tick(), 5_000).unref();
  }

  const shutdown = async () => {
    if (timer) clearInterval(timer);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err) => {
  if (err instanceof DataFolderInUseError) {
    console.error(`Yizhan did not start / 未启动:\n${err.message}`);
    process.exit(1);
  }
  console.error('Yizhan failed to start / 启动失败:', err);
  process.exit(1);
});
