import type { z } from 'zod';
import type { identityCheckSchema } from '../../../../contracts/disputes/responses.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { can, type Actor } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { maskMobile } from '../../../core/identifiers/phone.js';
import { personForComparison } from '../../people/applicants.js';
import type { CaseRow } from '../case-writer.js';
import { differencesFrom } from './parties.js';
import { openCasesOfPerson } from './repository.js';

type IdentityCheck = z.infer<typeof identityCheckSchema>;

/**
 * What the mediator compares on a held application: the applicant as typed, and the registered
 * person as the people register has them now (never copied into the case). Only for those who may
 * decide (disputes:work, on a case they may read); anyone else, and every case not held, gets null.
 * The registered phone in full within the caller's region, as the people pages show it, else masked.
 */
export async function identityCheckOf(deps: Deps, row: CaseRow, actor: Actor | null): Promise<IdentityCheck | null> {
  const match = row.facts.identityMatch;
  const worker = row.facts.worker;
  if (match?.status !== 'held' || !match.registeredPersonId || !worker) return null;
  if (!actor || !can(actor, 'disputes:work')) return null;
  const [registered, open] = await Promise.all([
    personForComparison(deps.db, match.registeredPersonId),
    openCasesOfPerson(deps.db, match.registeredPersonId, row.id),
  ]);
  if (!registered) return null;
  const inScope = regionWithin(registered.regionCode, actor.regionCode);
  const masked = !inScope && !!registered.phone;
  return {
    differs: differencesFrom(registered, worker),
    applicant: {
      personId: row.workerPersonId,
      name: worker.name,
      phone: worker.phone,
      residentIdMasked: worker.residentIdMasked ?? null,
    },
    registered: {
      personId: registered.id,
      name: registered.name,
      phone: masked ? maskMobile(registered.phone!) : registered.phone,
      phoneMasked: masked,
      residentIdMasked: registered.residentIdMasked,
      regionCode: registered.regionCode,
      regionName: registered.regionName,
      openCases: open.map((c) => ({
        id: c.id,
        caseNumber: c.caseNumber,
        stage: c.stage,
        employerName: c.employerName,
        readable: regionWithin(c.regionCode, actor.regionCode),
      })),
    },
  };
}
