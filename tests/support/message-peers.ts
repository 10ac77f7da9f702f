import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// Local stand-ins for the gateways a message leaves through, for tests and the dispatch bench:
// an SMTP server, the Tencent Cloud SendSms API (checking the TC3 signature on its own, from
// Tencent's documentation, not with the app's signer) and an in-house webhook gateway.

/** What a peer does with the next request for a recipient: answer normally, or misbehave once. */
export type Behaviour = 'ok' | 'transient' | 'permanent' | 'timeout';

function scripted() {
  const plans = new Map<string, Behaviour[]>();
  return {
    /** The next answers for this recipient, in order; then 'ok'. */
    plan(recipient: string, ...steps: Behaviour[]) {
      plans.set(recipient, [...(plans.get(recipient) ?? []), ...steps]);
    },
    next(recipient: string): Behaviour {
      return plans.get(recipient)?.shift() ?? 'ok';
    },
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export async function startSmtpPeer(auth: { user: string; pass: string }) {
  const script = scripted();
  const received: ReceivedMail[] = [];
  let logins = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(a, _session, callback) {
      if (a.username === auth.user && a.password === auth.pass) {
        logins++;
        callback(null, { user: a.username });
      } else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const b = script.next(address.address);
      if (b === 'transient') callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 450 }));
      else if (b === 'permanent') callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@127.0.0.1:${port}`,
    received,
    plan: script.plan,
    logins: () => logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function listen(handler: http.RequestListener) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * TC3-HMAC-SHA256 as the server side checks it (Tencent "Signature v3"): rebuild the canonical
 * request from what arrived, the string to sign from the credential scope, the key from
 * "TC3"+SecretKey → date → service → "tc3_request", and compare.
 */
export function verifyTc3(
  headers: http.IncomingHttpHeaders,
  body: string,
  secrets: Record<string, string>,
  nowSeconds: number,
): string | null {
  const auth =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
      String(headers.authorization ?? ''),
    );
  if (!auth) return 'AuthFailure.InvalidAuthorization';
  const [, secretId, date, service, signedHeaders, signature] = auth;
  const secretKey = secrets[secretId!];
  if (!secretKey) return 'AuthFailure.SecretIdNotFound';
  const timestamp = Number(headers['x-tc-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return 'AuthFailure.SignatureExpire';
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'AuthFailure.SignatureFailure';
  const names = signedHeaders!.split(';');
  if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.SignatureFailure';
  const canonicalHeaders = names
    .map(
      (n) =>
        `${n}:${String(headers[n] ?? '')
          .trim()
          .toLowerCase()}\n`,
    )
    .join('');
  const hash = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
  const canonical = `POST\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${hash(body)}`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${hash(canonical)}`;
  let key: Buffer = Buffer.from(`TC3${secretKey}`);
  for (const part of [date, service!, 'tc3_request']) key = crypto.createHmac('sha256', key).update(part).digest();
  const expected = crypto.createHmac('sha256', key).update(toSign).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature!)) ? null : 'AuthFailure.SignatureFailure';
}

export interface TencentRequest {
  phone: string;
  templateId: string;
  params: string[];
  signName: string;
  sdkAppId: string;
  sessionContext: string;
}

export async function startTencentPeer(secrets: Record<string, string>, opts: { delayMs?: number } = {}) {
  const script = scripted();
  const received: TencentRequest[] = [];
  const refused: string[] = [];
  let serial = 0;
  const peer = await listen((req, res) => {
    void readBody(req).then(async (body) => {
      const requestId = crypto.randomUUID();
      const problem =
        req.method !== 'POST' ||
        req.headers['x-tc-action'] !== 'SendSms' ||
        req.headers['x-tc-version'] !== '2021-01-11'
          ? 'InvalidAction'
          : verifyTc3(req.headers, body, secrets, Math.floor(Date.now() / 1000));
      if (problem) {
        refused.push(problem);
        return json(res, 200, { Response: { Error: { Code: problem, Message: 'refused' }, RequestId: requestId } });
      }
      const p = JSON.parse(body) as {
        PhoneNumberSet: string[];
        TemplateId: string;
        TemplateParamSet: string[];
        SignName: string;
        SmsSdkAppId: string;
        SessionContext: string;
      };
      const phone = p.PhoneNumberSet[0]!;
      const b = script.next(phone);
      if (b === 'timeout') return neverAnswer(res);
      if (b === 'transient')
        return json(res, 200, {
          Response: {
            Error: { Code: 'LimitExceeded.PhoneNumberThirtySecondLimit', Message: 'too often' },
            RequestId: requestId,
          },
        });
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      received.push({
        phone,
        templateId: p.TemplateId,
        params: p.TemplateParamSet,
        signName: p.SignName,
        sdkAppId: p.SmsSdkAppId,
        sessionContext: p.SessionContext,
      });
      const code = b === 'permanent' ? 'InvalidParameterValue.IncorrectPhoneNumber' : 'Ok';
      json(res, 200, {
        Response: {
          SendStatusSet: [
            {
              SerialNo: `sn-${++serial}`,
              PhoneNumber: phone,
              Fee: 1,
              SessionContext: p.SessionContext,
              Code: code,
              Message: code,
            },
          ],
          RequestId: requestId,
        },
      });
    });
  });
  return { ...peer, received, refused, plan: script.plan };
}

export interface WebhookRequest {
  to: string;
  template: string | null;
  params: string[];
  text: string;
  messageId: string;
}

/** delayMs: the gateway takes that long to answer a message it accepted (it has it from the start). */
export async function startWebhookPeer(secret: string, opts: { delayMs?: number } = {}) {
  const script = scripted();
  const received: WebhookRequest[] = [];
  const refused: string[] = [];
  const peer = await listen((req, res) => {
    void readBody(req).then(async (body) => {
      const timestamp = String(req.headers['x-yizhan-timestamp'] ?? '');
      const expected = `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
      const given = String(req.headers['x-yizhan-signature'] ?? '');
      const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
      if (
        !fresh ||
        given.length !== expected.length ||
        !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
      ) {
        refused.push('signature');
        return json(res, 401, { error: 'bad signature' });
      }
      const m = JSON.parse(body) as WebhookRequest;
      const b = script.next(m.to);
      if (b === 'timeout') return neverAnswer(res);
      if (b === 'transient') return json(res, 503, { error: 'busy' });
      if (b === 'permanent') return json(res, 422, { error: 'unknown number' });
      received.push(m);
      const id = `wh-${received.length}`;
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (!res.destroyed) json(res, 200, { id });
    });
  });
  return { ...peer, received, refused, plan: script.plan };
}

/**
 * A gateway that does not answer: the request stays open until the sender gives up and closes
 * it (its send time-out), or 30 s have passed. Answering late instead raced the sender's time-out
 * on a loaded machine (an answer after 3 s was taken as sent when the sender's timer ran late).
 */
async function neverAnswer(res: http.ServerResponse): Promise<void> {
  await new Promise<void>((resolve) => {
    const cap = setTimeout(resolve, 30_000);
    res.on('close', () => {
      clearTimeout(cap);
      resolve();
    });
  });
  if (!res.destroyed) res.destroy();
}
