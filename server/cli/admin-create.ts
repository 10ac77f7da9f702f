import readline from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { commandLineCtx } from '../core/context.js';
import { FieldCipher, resolveMasterKey } from '../core/crypto.js';
import type { Deps } from '../core/deps.js';
import { AppError } from '../core/errors.js';
import { openDatabase } from '../db/client.js';
import { accountCreateSchema } from '../../contracts/accounts.js';
import { createAccount } from '../modules/accounts/service.js';

// Creates a system administrator, e.g. the first one of a production database (which gets no
// demo accounts):
//   npm run admin:create -- --username li_admin [--display-name 李管理员]
//   (compiled: node dist/server/cli/admin-create.js --username …)
// The password comes from YIZHAN_ADMIN_PASSWORD or stdin, never from the command line (shell
// history, process list).

const USAGE =
  'usage / 用法: npm run admin:create -- --username <name> [--display-name <name>]  (password from YIZHAN_ADMIN_PASSWORD or stdin / 密码取自环境变量或标准输入)';

async function readPassword(): Promise<string> {
  if (process.env.YIZHAN_ADMIN_PASSWORD) return process.env.YIZHAN_ADMIN_PASSWORD;
  const tty = process.stdin.isTTY;
  if (tty) process.stdout.write('Password / 密码: ');
  // On a terminal, what is typed is not echoed.
  const muted = new Writable({ write: (_c, _e, done) => done() });
  const rl = readline.createInterface({ input: process.stdin, output: tty ? muted : undefined, terminal: tty });
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (tty) process.stdout.write('\n');
  return line.replace(/\r$/, '');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' } } }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!args.username) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const password = await readPassword();
  const input = accountCreateSchema.safeParse({
    username: args.username,
    password,
    displayName: args['display-name'] ?? '系统管理员',
    roles: ['system_admin'],
    regionCode: null,
  });
  if (!input.success) {
    for (const issue of input.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? null : `${config.dataDir}/pg`,
  });
  try {
    await database.migrate();
    const deps: Deps = {
      db: database.db,
      cipher: new FieldCipher(resolveMasterKey(config.encryptionKey, config.dataDir)),
      config,
      logger: pino({ level: 'warn' }),
      now: () => new Date(),
    };
    const account = await createAccount(deps, commandLineCtx(), input.data);
    console.log(`已创建系统管理员 ${account.username} / Created the system administrator ${account.username}`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${err.message} / ${err.messageEn}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
