import { sha256Hex } from '../../../core/crypto.js';
import type { Deps } from '../../../core/deps.js';
import type { Tx } from '../../../db/client.js';
import { notify } from '../../notifications/service.js';
import { studioById } from '../../organizations/service.js';
import { caseRoster } from '../case-parties.js';
import type { CaseRow } from '../case-writer.js';
import { tokenRepo } from './repository.js';
import { newLinkToken } from './tokens.js';

/**
 * The employer's one-time link: it answers the mediation request (accept, decline, counter)
 * and later signs the agreement, without an account. Sent once, on the first contact
 * (contact_employer, from applyAction in the caller's transaction).
 */
export async function issueEmployerLink(tx: Tx, deps: Deps, row: CaseRow) {
  if (await tokenRepo.latestOpen(tx, row.id, 'employer_link', deps.now())) return;
  const token = newLinkToken();
  await tokenRepo.store(
    tx,
    row.id,
    'employer_link',
    sha256Hex(token),
    new Date(deps.now().getTime() + 60 * 86_400_000),
  );
  // The party that answers and pays (the liable contractor, not the crew boss who hired the worker).
  const contact = caseRoster(row.facts, row.record).acting;
  const link = `${deps.config.publicUrl}/e/${token}`;
  const studio = row.mediationBodyId ? await studioById(tx, row.mediationBodyId) : null;
  const message = {
    template: 'dispute.employer_link' as const,
    variables: {
      employerName: contact?.name ?? '贵单位',
      studioName: studio?.name ?? '劳动争议调解组织',
      caseNumber: row.caseNumber,
      link,
    },
    topic: `dispute_case:${row.id}`,
    regionCode: row.regionCode,
  };
  if (contact?.phone) await notify(tx, { ...message, channel: 'sms', recipient: contact.phone });
  if (contact?.email) await notify(tx, { ...message, channel: 'email', recipient: contact.email });
  if (!contact?.phone && !contact?.email) await notify(tx, { ...message, channel: 'sms', recipient: '（无联系方式）' });
}
