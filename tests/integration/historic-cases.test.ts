import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDetailSchema } from '../../contracts/disputes/responses.js';
import { disputeCases } from '../../server/modules/disputes/tables.js';
import { generateDemo } from '../../server/seed/demo-data.js';
import { historyRefs } from '../../server/seed/demo.js';
import { writeHistory } from '../../server/seed/disputes-history.js';
import { createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';

// Historic (imported) cases keep only a narrative and claim types, and no live state: the case file
// reads them through the same response schema, and what needs the intake's facts refuses them.

let t: TestApp;
let mediator: Agent;
let historicId: string;
beforeAll(async () => {
  t = await createTestApp({ demoScale: 0.05 });
  await writeHistory(t.deps, historyRefs(generateDemo(0.05), t.ids!), {
    count: 5,
    from: '2020-01-01',
    to: '2020-12-31',
    settledTotalFen: 1_000_000,
  });
  mediator = await loginAs(t.app, 'zs_mediator');
  const [row] = await t.deps.db.select({ id: disputeCases.id }).from(disputeCases).limit(1);
  historicId = row!.id;
}, 120_000);
afterAll(() => t.close());

describe('historic cases', () => {
  it('read as a case file that fits its response schema', async () => {
    const res = await mediator.get(`/api/disputes/${historicId}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = caseDetailSchema.parse(res.json());
    expect(detail.record.historic).toBe(true);
    expect(detail.record.state).toBeUndefined();
    expect(detail.facts.worker).toBeUndefined();
    expect(detail.facts.claims.length).toBeGreaterThan(0);
  });

  it('refuse what needs the intake’s facts with 409, not 500', async () => {
    for (const path of ['filing-package', 'documents/mediation-application?format=pdf']) {
      const res = await mediator.get(`/api/disputes/${historicId}/${path}`);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(409);
    }
    expect((await mediator.post(`/api/disputes/${historicId}/analysis`, {})).statusCode).toBe(409);
  });
});
