import type { Tx } from '../../../db/client.js';
import { notify } from '../../notifications/service.js';
import { studioById } from '../../organizations/service.js';
import type { CaseRow } from '../case-writer.js';
import { contactRepo } from '../repository.js';

// An online application arrives without a mediator: it waits in the studio's "to assign" queue
// (GET /api/disputes?unassigned=true), and the studio's mediators are told so by SMS.

/** What the studio's mediators are told (the template puts the case number in front). */
export const TO_ASSIGN_NOTICE = '新的在线调解申请，待分配调解员';

/** The case's region and the regions above it (442011 → 442011, 442000, 440000). */
function regionAndAbove(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
}

/**
 * Who hears of a new online application: the mediators of the studio's organization; a studio
 * without any of its own has its application go to the mediators of its region (or above), who
 * see it in their lists and may assign it.
 */
async function studioMediatorPhones(tx: Tx, row: CaseRow): Promise<string[]> {
  const studio = row.mediationBodyId ? await studioById(tx, row.mediationBodyId) : null;
  const organizationId = studio?.organizationId ?? null;
  const candidates = await contactRepo.mediatorsOf(tx, organizationId, regionAndAbove(row.regionCode));
  const own = organizationId ? candidates.filter((m) => m.organizationId === organizationId) : [];
  const chosen = own.length ? own : candidates;
  return [...new Set(chosen.map((m) => m.phone).filter((p): p is string => !!p))];
}

/** In the registering transaction: a staff notice to each of the studio's mediators. */
export async function alertStudioOfApplication(tx: Tx, row: CaseRow): Promise<void> {
  if (row.channel !== 'online' || row.mediatorAccountId) return;
  for (const phone of await studioMediatorPhones(tx, row))
    await notify(tx, {
      channel: 'sms',
      recipient: phone,
      template: 'dispute.staff_notice',
      variables: { caseNumber: row.caseNumber, message: TO_ASSIGN_NOTICE },
      topic: `dispute_case:${row.id}`,
      regionCode: row.regionCode,
    });
}
