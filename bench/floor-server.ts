import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import pg from 'pg';

// The floor a case read and a list page are compared with: bare Fastify and pg on the same
// database, no auth, no validation, no response schema, one plain query per request.
// Started by bench/disputes.ts in its own process: DATABASE_URL=… tsx bench/floor-server.ts

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
// The same header the app sends (the app takes Fastify's reply.elapsedTime, which needs the
// logger on: here the clock is started in onRequest, which is where the app's starts too).
const started = new WeakMap<object, number>();
app.addHook('onRequest', async (request) => {
  started.set(request, performance.now());
});
app.addHook('onSend', async (request, reply) => {
  reply.header(
    'server-timing',
    `app;dur=${(performance.now() - (started.get(request) ?? performance.now())).toFixed(1)}`,
  );
});

app.get<{ Params: { id: string } }>('/case/:id', async (request, reply) => {
  const { rows } = await pool.query('select * from dispute_cases where id = $1', [request.params.id]);
  if (!rows[0]) return reply.code(404).send({ error: 'not found' });
  return rows[0];
});

// The same page as /api/disputes?stage=…&page=…&pageSize=20: the same columns and names, one query.
const LIST = `select c.id, c.case_number, c.stage, c.kind, c.sector, c.claim_types, c.claim_total_fen, c.settled_fen,
    c.worker_count, c.joint, c.applied_on, c.next_due_on, c.closed_reason, p.name as worker_name,
    coalesce(e.name, c.facts->'employer'->>'name') as employer_name, a.display_name as mediator_name, ct.name as court_name
  from dispute_cases c
  join people p on p.id = c.worker_person_id
  left join employers e on e.id = c.employer_id
  left join accounts a on a.id = c.mediator_account_id
  left join courts ct on ct.id = c.court_id
  where c.stage = $1
  order by c.applied_on desc, c.case_number desc
  limit $2 offset $3`;

app.get<{ Querystring: { stage?: string; page?: string; pageSize?: string } }>('/list', async (request) => {
  const pageSize = Number(request.query.pageSize ?? 20);
  const page = Number(request.query.page ?? 1);
  const { rows } = await pool.query(LIST, [request.query.stage ?? 'performed', pageSize, (page - 1) * pageSize]);
  return { items: rows };
});

const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`floor ready at ${address}`);
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
