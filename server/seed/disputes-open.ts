import { eq } from 'drizzle-orm';
import type { Intake } from '../../contracts/disputes.js';
import type { Ctx } from '../core/context.js';
import type { Deps } from '../core/deps.js';
import { accounts } from '../modules/accounts/tables.js';
import { actorOf } from '../modules/auth/service.js';
import { employers } from '../modules/employers/tables.js';
import { buildResidentId } from '../core/identifiers/resident-id.js';
import { registerCase } from '../modules/disputes/intake/service.js';
import { applyAction } from '../modules/disputes/service.js';
import { actorWithNote } from '../../contracts/disputes/actor-labels.js';

type Step = [action: string, payload: Record<string, unknown>, as?: 'employer_agent' | 'worker'];

const TO_CONSENT: Step[] = [
  ['start_consultation', {}],
  ['record_consent', { party: 'worker' }],
  ['contact_employer', { channel: 'phone', reached: true }],
  ['record_employer_answer', { answer: 'accept' }, 'employer_agent'],
];

/**
 * A handful of live cases at different stages, registered and moved through the same services
 * the studio uses, so that the demo's lists, clocks, outbox and links are real.
 */
export async function seedOpenCases(deps: Deps, courtIds: Map<string, string>) {
  const [mediator] = await deps.db.select().from(accounts).where(eq(accounts.username, 'zs_mediator'));
  const [contractor] = await deps.db
    .select()
    .from(employers)
    .innerJoin(accounts, eq(accounts.employerId, employers.id))
    .where(eq(accounts.username, 'employer'));
  if (!mediator || !contractor) return;
  const ctx: Ctx = { actor: actorOf(mediator), requestId: 'seed', ip: null };
  const today = new Date(deps.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const plans: { name: string; phone: string; claimFen: number; steps: Step[]; kind?: Intake['kind'] }[] = [
    { name: '宋建军', phone: '13925360001', claimFen: 8_400_000, steps: [] },
    { name: '罗志勇', phone: '13925360002', claimFen: 4_560_000, steps: [['start_consultation', {}]] },
    { name: '韦小宝', phone: '13925360003', claimFen: 2_100_000, steps: TO_CONSENT.slice(0, 3) },
    { name: '覃海燕', phone: '13925360004', claimFen: 6_300_000, steps: TO_CONSENT },
    {
      name: '黎文辉',
      phone: '13925360005',
      claimFen: 3_800_000,
      steps: [...TO_CONSENT, ['start_mediation', { mode: 'video' }]],
      kind: 'court_post_filing_simple',
    },
  ];
  let seq = 501;
  for (const plan of plans) {
    const intake: Intake = {
      channel: 'counter',
      acceptUsccWarning: false,
      kind: plan.kind ?? 'court_pre_filing',
      courtId: courtIds.get('粤2071'),
      oral: plan.steps.length === 0,
      appliedOn: today,
      worker: {
        name: plan.name,
        phone: plan.phone,
        residentId: buildResidentId({ regionCode: '361102', birthDate: '1984-05-12', sequence: seq++ }),
      },
      workerCount: 1,
      representatives: [],
      employment: {
        hireDate: '2024-09-01',
        endDate: today,
        wageStructure: 'monthly',
        monthlyWageFen: 720_000,
        workingHours: 'standard',
        contractSigned: false,
        contractSignedDate: null,
      },
      sector: 'construction',
      claims: [{ type: 'wage_arrears', amountFen: plan.claimFen, description: '拖欠劳务费' }],
      construction: {
        parties: [
          { id: 'dev', name: '中山市翠亨置业有限公司', role: 'developer' },
          {
            id: 'gc',
            name: contractor.employers.name,
            role: 'general_contractor',
            contractedBy: 'dev',
            uscc: contractor.employers.uscc,
            contactPhone: contractor.employers.contactPhone ?? '13800002222',
          },
          {
            id: 'boss',
            name: `${plan.name.slice(0, 1)}某（包工头）`,
            role: 'crew_boss',
            contractedBy: 'gc',
            contractType: 'contract',
            isIndividualOrUnqualified: true,
          },
        ],
        hiredWorker: 'boss',
        developerPaidProjectFunds: 'unknown',
        crewBossReachable: false,
      },
      narrative: `申请人${plan.name}在中山某住宅项目务工，包工头拖欠劳务费后失联。`,
      mediatorRequestsJudge: false,
    };
    const row = await registerCase(deps, ctx, intake);
    for (const [action, payload, as] of plan.steps) {
      await applyAction(
        deps,
        ctx,
        row.id,
        action,
        payload,
        as ? { role: as, actorLabel: actorWithNote(contractor.employers.name, 'demo') } : {},
      );
    }
  }
}
