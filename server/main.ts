import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { FieldCipher, resolveMasterKey } from './core/crypto.js';
import { setHeapGrowing } from './core/heap.js';
import type { Deps } from './core/deps.js';
import { openDatabase } from './db/client.js';
import { DataFolderInUseError } from './db/folder-lock.js';
import { accounts } from './modules/accounts/tables.js';
import { ensureReferenceData } from './seed/reference.js';
import { DEMO_LOGINS, seedDemoIfEmpty } from './seed/demo.js';
import { jobDefinitions } from './modules/jobs/registry.js';
import { JobRunner } from './modules/jobs/runner.js';
import { checkEncryptionKey } from './modules/backup/key-check.js';
import { configureLimitsStore } from './modules/limits/redis-store.js';
import { startDispatchKicker } from './modules/notifications/kicker.js';
import { BrokerPortTaken } from './modules/stations/telemetry/broker.js';
import { startTelemetry, type Telemetry } from './modules/stations/telemetry/start.js';
import { closeProviders } from './modules/notifications/providers/index.js';

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
  setHeapGrowing(config.heapGrowingPercent);
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? null : `${config.dataDir}/pg`,
  });
  await database.migrate();
  const cipher = new FieldCipher(resolveMasterKey(config.encryptionKey, config.dataDir));
  const deps: Deps = { db: database.db, cipher, config, logger, now: () => new Date() };
  // Instances on one database must share one key: a second key would write IDs the others cannot read.
  await checkEncryptionKey(deps);
  const closeLimitsStore = await configureLimitsStore(config, logger);
  // Every instance runs the jobs and keeps the schedules; pg-boss hands each job to one of them.
  const jobs = new JobRunner(deps, database, jobDefinitions(config), {
    pollingIntervalMs: config.jobsPollSeconds * 1000,
    schedule: true,
    stopTimeoutMs: config.jobsStopTimeoutSeconds * 1000,
  });
  deps.jobs = jobs;
  await jobs.start();
  // Messages leave within moments of the commit that wrote them (NOTIFY → dispatcher job).
  const messageKicker = await startDispatchKicker(deps);
  await ensureReferenceData(deps);
  const seeded = config.demoData ? await seedDemoIfEmpty(deps) : false;
  const [{ n: accountCount } = { n: 0 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(accounts);
  const app = await buildApp(deps);
  let telemetry: Telemetry | null;
  try {
    telemetry = await startTelemetry(deps);
  } catch (err) {
    if (err instanceof BrokerPortTaken) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `  一站 Yizhan is ready at ${url}  (API docs: ${url}/api/docs)`,
    `  database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}/pg` : 'PostgreSQL (DATABASE_URL)'}${seeded ? ' — demo data loaded' : ''}`,
    `  station sensors: ${
      !telemetry
        ? 'off'
        : telemetry.brokerPort === null
          ? `subscribed to ${new URL(config.mqtt.url ?? 'mqtt://-').host} (MQTT_URL)`
          : `MQTT broker on port ${telemetry.brokerPort}`
    }`,
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

  // SIGTERM (orchestrators) or Ctrl-C: stop taking requests and close the open ones, let running
  // jobs finish within JOBS_STOP_TIMEOUT_SECONDS or hand them back to the queue, close the pool.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.close();
      await telemetry?.stop();
      await messageKicker.stop();
      await jobs.stop();
      await closeProviders(config);
      await closeLimitsStore();
      await database.close();
    } catch (err) {
      console.error('Shutdown incomplete / 关闭未完成:', err);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof DataFolderInUseError) {
    console.error(`Yizhan did not start / 未启动:\n${err.message}`);
    process.exit(1);
  }
  console.error('Yizhan failed to start / 启动失败:', err);
  process.exit(1);
});
