// The court paths after an agreement, through the case actions over HTTP:
// - a post-filing case (委托调解) ends with the court's mediation document or a withdrawal, not
//   judicial confirmation (特邀调解规定第二十条; 民事诉讼法第一百条第三款), and is enforced on the document;
// - after a refused confirmation (民事诉讼法第二百零六条) a labor dispute goes to arbitration first
//   (劳动争议调解仲裁法第五条、第十五条), a suit only on 劳动争议司法解释一第十五条 or 第五十一条第二款;
//   the agreement may be amended and confirmed anew; the worker's phone page says what to do and by when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../server/modules/disputes/documents/test-support.js';
import { createTestApp, loginAs, type TestApp } from '../support/app.js';
import { actOn, termsHashOf, workerTrackView } from '../support/disputes.js';
import { newCase, newJudge, type LoggedIn, type NewCase } from '../support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
});
afterAll(() => t.close());

/** Time passes: the clock moves to `day` (China date), and the case's people sign in again. */
async function at(day: string, ...who: LoggedIn[]): Promise<void> {
  t.clock.now = new Date(`${day}T02:00:00Z`);
  for (const a of who) Object.assign(a, await loginAs(t.app, a.username, a.password));
}

/** A case referred by the court after filing, with its agreement signed on 2025-06-02 (paid by 2025-07-02). */
function postFiling(kind: 'court_post_filing_ordinary' | 'court_post_filing_simple' = 'court_post_filing_ordinary') {
  return newCase(t, { stage: 'agreement_signed', day: '2025-06-02', intake: (base) => ({ ...base, kind }) });
}

async function judgeOf(c: NewCase) {
  return c.judge ?? newJudge(t, { court: c.mediator.studio.court });
}

const DOC = {
  documentNo: '（2025）粤2071民初88号',
  issuedOn: '2025-06-04',
  servedOn: { worker: '2025-06-04', employer: '2025-06-05' },
};

describe('post-filing cases: the court’s mediation document or a withdrawal (特邀调解规定第二十条)', () => {
  it.each([['court_post_filing_ordinary'], ['court_post_filing_simple']] as const)(
    '%s: judicial confirmation is refused with a zh/en message naming why',
    async (kind) => {
      const c = await postFiling(kind);
      const res = await actOn(c.mediator, c.id, 'apply_confirmation', {
        applicants: ['worker', 'employer'],
        materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
        court: 'inviting_court',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('《最高人民法院关于人民法院特邀调解的规定》第二十条');
      expect(res.json().messageEn).toContain('Submit the agreement to the court');
    },
  );

  it('pre-filing and union cases still apply for confirmation', async () => {
    const pre = await newCase(t, { stage: 'confirmation_applied', day: '2025-06-02' });
    expect(pre.stage).toBe('confirmation_applied');
    const union = await newCase(t, {
      stage: 'agreement_signed',
      day: '2025-06-02',
      intake: (base) => ({ ...base, kind: 'union_mediation' }),
    });
    const res = await actOn(union.mediator, union.id, 'apply_confirmation', {
      applicants: ['worker', 'employer'],
      materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
      court: 'mediation_body_basic_court',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stage).toBe('confirmation_applied');
    expect(
      (
        await actOn(union.mediator, union.id, 'submit_agreement_to_court', {
          requested: 'mediation_document',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('submitted, the judge records the document served on both: in effect on the later service, then enforced on it', async () => {
    const c = await postFiling();
    const judge = await judgeOf(c);
    await at('2025-06-03', c.mediator, judge);
    const submitted = await actOn(c.mediator, c.id, 'submit_agreement_to_court', {
      requested: 'mediation_document',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().stage).toBe('agreement_submitted');

    // The submission letter (DOCX/PDF), in Chinese.
    const letter = await c.mediator.get(`/api/disputes/${c.id}/documents/agreement-submission?format=pdf`);
    expect(letter.statusCode).toBe(200);
    const text = (await pdfText(letter.rawPayload)).flat;
    expect(text).toContain('调解协议提交函');
    expect(text).toContain('请依法审查并制作调解书');
    expect((await c.mediator.get(`/api/disputes/${c.id}/documents/agreement-submission?format=docx`)).statusCode).toBe(
      200,
    );

    // The court sees the case it referred; only the judge records its documents.
    expect((await judge.get(`/api/disputes/${c.id}`)).statusCode).toBe(200);
    await at('2025-06-05', c.mediator, judge);
    expect((await actOn(c.mediator, c.id, 'record_mediation_document', DOC)).statusCode).toBe(403);
    const early = await actOn(judge, c.id, 'record_mediation_document', {
      ...DOC,
      servedOn: { worker: '2025-06-03', employer: '2025-06-05' },
    });
    expect(early.statusCode).toBe(409);
    const recorded = await actOn(judge, c.id, 'record_mediation_document', DOC);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().stage).toBe('mediation_document_issued');
    expect(recorded.json().record.state.mediationDocument.effectiveOn).toBe('2025-06-05');
    const enforcementClock = recorded.json().clocks.find((k: { code: string }) => k.code === 'enforcement');
    expect(enforcementClock).toMatchObject({ startsOn: '2025-07-02', dueOn: '2027-07-02' });

    // 2025-07-02 is the last day to pay: enforcement only from the day after.
    await at('2025-07-02', c.mediator);
    expect((await actOn(c.mediator, c.id, 'apply_enforcement')).statusCode).toBe(409);
    await at('2025-07-03', c.mediator);
    const enforced = await actOn(c.mediator, c.id, 'apply_enforcement');
    expect(enforced.statusCode, enforced.body).toBe(200);
    expect(enforced.json().stage).toBe('enforcement_applied');
    const application = await c.mediator.get(`/api/disputes/${c.id}/documents/enforcement-application?format=pdf`);
    expect(application.statusCode, application.body).toBe(200);
    expect((await pdfText(application.rawPayload)).flat).toContain('（2025）粤2071民初88号民事调解书');
  });

  it('a withdrawal ruling ends the case; nothing more is accepted', async () => {
    const c = await postFiling('court_post_filing_simple');
    const judge = await judgeOf(c);
    await at('2025-06-03', c.mediator, judge);
    const sub = await actOn(c.mediator, c.id, 'submit_agreement_to_court', {
      requested: 'withdrawal',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    const withdrawn = await actOn(judge, c.id, 'record_withdrawal', {
      rulingNo: '（2025）粤2071民初89号',
      ruledOn: '2025-06-03',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().stage).toBe('suit_withdrawn');
    expect((await actOn(c.mediator, c.id, 'record_payment', { amountFen: 100, paidOn: '2025-06-03' })).statusCode).toBe(
      409,
    );
  });

  it('a party backing out before service leaves the case to the court’s judgment (民事诉讼法第一百零二条)', async () => {
    const c = await postFiling();
    await actOn(c.mediator, c.id, 'submit_agreement_to_court', {
      requested: 'mediation_document',
    });
    const toArbitration = await actOn(c.mediator, c.id, 'close_failed', {
      reason: 'document_refused',
      referral: 'arbitration',
    });
    expect(toArbitration.statusCode).toBe(409);
    const closed = await actOn(c.mediator, c.id, 'close_failed', { reason: 'document_refused' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ stage: 'closed_failed', referral: 'lawsuit' });
  });
});

/** A refused confirmation of a wages-only agreement registered (and refused) on 2025-06-02, due 2025-07-02. */
const refused = () => newCase(t, { stage: 'confirmation_refused', day: '2025-06-02' });

describe('after a refused confirmation: arbitration first, a direct suit only on its ground', () => {
  it('closing without a referral goes to arbitration, with the file', async () => {
    const c = await refused();
    const res = await actOn(c.mediator, c.id, 'close_failed', { reason: 'confirmation_refused' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'closed_failed', referral: 'arbitration' });
  });

  it.each([
    ['no ground named', {}, '2025-06-02', 409],
    [
      'wage IOU, wages only (第十五条)',
      { directSuit: { basis: 'wage_iou', writtenIouFromEmployer: true, suitClaims: ['wage_arrears'] } },
      '2025-06-02',
      200,
    ],
    [
      'wage IOU plus severance',
      {
        directSuit: {
          basis: 'wage_iou',
          writtenIouFromEmployer: true,
          suitClaims: ['wage_arrears', 'economic_compensation'],
        },
      },
      '2025-06-02',
      409,
    ],
    [
      'wages-only agreement, on its last day to pay (第五十一条第二款)',
      { directSuit: { basis: 'wage_agreement_not_performed' } },
      '2025-07-02',
      409,
    ],
    [
      'wages-only agreement, the day after',
      { directSuit: { basis: 'wage_agreement_not_performed' } },
      '2025-07-03',
      200,
    ],
  ])('a lawsuit: %s → %s', async (_name, extra, day, status) => {
    const c = await refused();
    await at(day, c.mediator);
    const res = await actOn(c.mediator, c.id, 'close_failed', {
      reason: 'confirmation_refused',
      referral: 'lawsuit',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(status);
    if (status === 200) expect(res.json()).toMatchObject({ referral: 'lawsuit' });
    else expect(res.json().message).toMatch(/仲裁|直接起诉/);
  });

  it('the agreement is amended, signed again and a new confirmation applied for', async () => {
    const c = await refused();
    await at('2025-06-03', c.mediator);
    const terms = {
      installments: [{ dueOn: '2025-06-20', amountFen: 8_400_000 }],
      claimTypes: ['wage_arrears'],
      summary: '一次性支付',
    };
    const same = await actOn(c.mediator, c.id, 'amend_agreement', {
      terms,
      workerConsents: true,
      employerConsents: false,
    });
    expect(same.statusCode).toBe(409);
    const amended = await actOn(c.mediator, c.id, 'amend_agreement', {
      terms,
      workerConsents: true,
      employerConsents: true,
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json().stage).toBe('mediating');
    // The instalments on the case are the amended ones, not the refused agreement's.
    expect(amended.json().payments.map((p: { dueOn: string; amountFen: number }) => [p.dueOn, p.amountFen])).toEqual([
      ['2025-06-20', 8_400_000],
    ]);
    const termsHash = await termsHashOf(c.mediator, c.id);
    for (const signer of ['worker', 'employer'] as const)
      expect(
        (await actOn(c.mediator, c.id, 'record_party_signature', { signer, termsHash, method: 'paper' })).statusCode,
      ).toBe(200);
    const sealed = await actOn(c.mediator, c.id, 'sign_agreement', {
      signer: 'mediator',
      termsHash,
      sealApplied: true,
    });
    expect(sealed.json().stage).toBe('agreement_signed');
    const again = await actOn(c.mediator, c.id, 'apply_confirmation', {
      applicants: ['worker', 'employer'],
      materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
      court: 'inviting_court',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().stage).toBe('confirmation_applied');
  });

  it('the worker’s phone page lists the ways forward and the last day to apply for arbitration', async () => {
    const c = await refused();
    const view = await workerTrackView(t, c.caseNumber, c.worker.phone);
    expect(view.statusCode, view.body).toBe(200);
    const steps = view.json<{ nextSteps: { code: string; byOn: string | null; text: string }[] }>().nextSteps;
    expect(steps.map((s) => s.code)).toEqual(['amend', 'remediate', 'arbitration', 'direct_suit']);
    // The job ended 2025-03-31 (unpaid wages: 劳动争议调解仲裁法第二十七条第四款); 2026-03-31 is a Tuesday.
    expect(steps.find((s) => s.code === 'arbitration')).toMatchObject({ byOn: '2026-03-31' });
    expect(steps.find((s) => s.code === 'arbitration')!.text).toContain('2026-03-31');
  });
});
