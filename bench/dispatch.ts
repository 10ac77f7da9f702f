import crypto from 'node:crypto';
import pino from 'pino';
import type { Deps } from '../server/core/deps.js';
import { FieldCipher } from '../server/core/crypto.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { dispatchAll } from '../server/modules/notifications/job.js';
import { closeProviders, providersFor } from '../server/modules/notifications/providers/index.js';
import type { MessageProvider, OutgoingMessage } from '../server/modules/notifications/providers/types.js';
import { notify, type Message } from '../server/modules/notifications/service.js';
import { startSmtpPeer, startTencentPeer } from '../tests/support/message-peers.js';
import { freshEnv } from './harness.js';

// The message dispatcher's throughput to the local SMTP and SMS peers, next to the floor: the
// same provider code (nodemailer, fetch + TC3 signing) sending the same number of messages
// straight to the peer with the same concurrency, without the outbox (no claim, no attempt rows).

const SECRET_ID = 'AKIDbenchdispatch0001';
const SECRET_KEY = 'bench-secret-key';

async function floor(provider: MessageProvider, messages: OutgoingMessage[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages.length) await provider.send(messages[next++]!, new AbortController().signal);
    }),
  );
}

/** `count` messages as the provider is given them, numbered from `from`. */
function outgoingOf(message: (i: number) => Message, from: number, count: number): OutgoingMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const m = message(from + i);
    return {
      id: crypto.randomUUID(),
      kind: 'notice' as const,
      subject: 'subject' in m ? (m.subject ?? null) : null,
      body: 'body' in m ? m.body : '',
      template: m.template ?? null,
      variables: m.template ? m.variables : null,
      channel: m.channel,
      recipient: m.recipient,
    };
  });
}

export async function dispatchScenario(opts: { smoke: boolean; pgUrl: string | undefined }) {
  const n = opts.smoke ? 200 : 5000;
  const smtp = await startSmtpPeer({ user: 'bench', pass: 'bench-pass' });
  const sms = await startTencentPeer({ [SECRET_ID]: SECRET_KEY });
  const { env, cleanup } = await freshEnv(opts.pgUrl);
  const config = loadConfig({
    ...env,
    LOG_LEVEL: 'warn',
    EMAIL_PROVIDER: 'smtp',
    SMTP_URL: smtp.url,
    SMTP_FROM: 'bench@yizhan.example.org',
    SMS_PROVIDER: 'tencent',
    TENCENTCLOUD_SECRET_ID: SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
    TENCENT_SMS_SDK_APP_ID: '1400000001',
    TENCENT_SMS_SIGN_NAME: '一站',
    TENCENT_SMS_ENDPOINT: sms.url,
    TENCENT_SMS_TEMPLATES: 'dispute.case_notice=100001',
  });
  // The smoke run keeps PGlite in memory (quick); a full run uses a data folder, as the app does.
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl || opts.smoke ? null : `${config.dataDir}/pg`,
  });
  await database.migrate();
  const deps: Deps = {
    db: database.db,
    config,
    cipher: new FieldCipher(crypto.randomBytes(32)),
    logger: pino({ level: 'warn' }),
    now: () => new Date(),
  };
  const where = config.databaseUrl ? 'PostgreSQL' : 'PGlite';
  const concurrency = config.messages.concurrency;
  try {
    const cases: { name: string; channel: 'email' | 'sms'; message: (i: number) => Message }[] = [
      {
        name: 'SMTP',
        channel: 'email',
        message: (i) => ({
          channel: 'email',
          recipient: `w${i}@bench.example.org`,
          subject: '通知',
          body: `第 ${i} 封`,
        }),
      },
      {
        name: 'Tencent SMS',
        channel: 'sms',
        message: (i) => ({
          channel: 'sms',
          recipient: `139${String(i).padStart(8, '0')}`,
          template: 'dispute.case_notice',
          variables: { caseNumber: `B-${i}`, message: '调解员已受理' },
        }),
      },
    ];
    for (const c of cases) {
      const provider = providersFor(config, deps.logger)[c.channel];
      // Both runs find the connections open (SMTP pool, HTTP keep-alive): a few messages first.
      await floor(provider, outgoingOf(c.message, 10 * n, concurrency), concurrency);
      // Alternating rounds, so that a change in the machine's load falls on both alike.
      const rounds = opts.smoke ? 1 : 5;
      const perRound = Math.ceil(n / rounds);
      let outboxMs = 0;
      let floorMs = 0;
      let sent = 0;
      for (let round = 0; round < rounds; round++) {
        const first = round * perRound;
        for (let i = first; i < first + perRound; i += 100)
          await deps.db.transaction(async (tx) => {
            for (let j = i; j < Math.min(first + perRound, i + 100); j++) await notify(tx, c.message(j));
          });
        let started = performance.now();
        // One run stops after its time budget (the next tick goes on): run until all are sent.
        for (let run = 0; sent < first + perRound && run < 20; run++) sent += (await dispatchAll(deps)).sent;
        outboxMs += performance.now() - started;
        const direct = outgoingOf(c.message, n + first, perRound);
        started = performance.now();
        await floor(provider, direct, concurrency);
        floorMs += performance.now() - started;
      }
      if (sent !== rounds * perRound) throw new Error(`${c.name}: ${sent} of ${rounds * perRound} sent`);
      const viaOutbox = sent / (outboxMs / 1000);
      const raw = sent / (floorMs / 1000);
      console.log(
        `dispatch ${c.name} on ${where}: ${viaOutbox.toFixed(0)} msg/s through the outbox, ` +
          `${raw.toFixed(0)} msg/s sent directly (floor), ratio ${(viaOutbox / raw).toFixed(2)} ` +
          `(${n} messages, concurrency ${concurrency}, batch ${config.messages.batch})`,
      );
    }
  } finally {
    await closeProviders(config);
    await database.close();
    await cleanup();
    await smtp.close();
    await sms.close();
  }
}
