import { regionWithin } from '../../../contracts/regions.js';
import type { Actor } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { courtRepo } from '../courts/repository.js';
import { employerRepo } from '../employers/repository.js';
import { organizationRepo } from '../organizations/repository.js';
import { personRepo } from '../people/repository.js';

/**
 * An account's links decide what it sees beyond its region: a judge its court's cases, an
 * employer agent its employer's, a worker their own. So an administrator may link only records
 * inside their own region, and the account's region must lie within each linked record's
 * region (a judge of a Zhongshan court is a Zhongshan account; a link never widens it).
 */
export interface AccountLinks {
  regionCode: string | null;
  organizationId: string | null;
  courtId: string | null;
  employerId: string | null;
  personId: string | null;
}

type LinkField = Exclude<keyof AccountLinks, 'regionCode'>;

/** Each link's record, read through its own module's repository (only its region is used). */
const LINKS: Record<
  LinkField,
  { zh: string; en: string; find: (db: DbOrTx, id: string) => Promise<{ regionCode: string | null } | null> }
> = {
  organizationId: { zh: '工会组织', en: 'union organization', find: organizationRepo.raw },
  courtId: { zh: '法院', en: 'court', find: courtRepo.byId },
  employerId: { zh: '用人单位', en: 'employer', find: employerRepo.raw },
  personId: { zh: '人员', en: 'person', find: personRepo.raw },
};

/**
 * Refuses a link that does not exist (400), lies outside the editor's region (403) or is narrower
 * than the account's region (400).
 */
export async function assertLinksAllowed(db: DbOrTx, actor: Actor, links: AccountLinks): Promise<void> {
  for (const field of Object.keys(LINKS) as LinkField[]) {
    const id = links[field];
    if (!id) continue;
    const link = LINKS[field];
    const row = await link.find(db, id);
    if (!row)
      throw new AppError('VALIDATION', `所关联的${link.zh}不存在`, `The linked ${link.en} does not exist`, field);
    if (!regionWithin(row.regionCode, actor.regionCode)) {
      throw new AppError(
        'FORBIDDEN',
        `所关联的${link.zh}不在您的管辖区域内`,
        `The linked ${link.en} is outside your region`,
        field,
      );
    }
    if (!regionWithin(links.regionCode, row.regionCode)) {
      throw new AppError(
        'VALIDATION',
        `账号的管辖区域须在所关联${link.zh}的区域之内`,
        `The account's region must lie within the region of its ${link.en}`,
        'regionCode',
      );
    }
  }
}
