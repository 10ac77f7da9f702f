import { eq } from 'drizzle-orm';
import { regionWithin } from '../../../contracts/regions.js';
import type { Actor } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { courts } from '../courts/tables.js';
import { employers } from '../employers/tables.js';
import { organizations } from '../organizations/tables.js';
import { people } from '../people/tables.js';

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

const LINKS: Record<
  LinkField,
  { zh: string; en: string; find: (db: DbOrTx, id: string) => Promise<{ regionCode: string | null } | undefined> }
> = {
  organizationId: {
    zh: '工会组织',
    en: 'union organization',
    find: async (db, id) =>
      (
        await db.select({ regionCode: organizations.regionCode }).from(organizations).where(eq(organizations.id, id))
      )[0],
  },
  courtId: {
    zh: '法院',
    en: 'court',
    find: async (db, id) =>
      (await db.select({ regionCode: courts.regionCode }).from(courts).where(eq(courts.id, id)))[0],
  },
  employerId: {
    zh: '用人单位',
    en: 'employer',
    find: async (db, id) =>
      (await db.select({ regionCode: employers.regionCode }).from(employers).where(eq(employers.id, id)))[0],
  },
  personId: {
    zh: '人员',
    en: 'person',
    find: async (db, id) =>
      (await db.select({ regionCode: people.regionCode }).from(people).where(eq(people.id, id)))[0],
  },
};

/** Refuses a link that does not exist (400), lies outside the editor's region (403) or is narrower than the account's region (400). */
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
