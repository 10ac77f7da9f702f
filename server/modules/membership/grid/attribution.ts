import { regionWithin } from '../../../../contracts/regions.js';
import type { AreaKind } from '../../../../contracts/membership/codes.js';
import type { DbOrTx } from '../../../db/client.js';
import { gridRepo } from './repository.js';

/** What an arriving application says about where it came from. */
export interface JoinOrigin {
  organiserId: string | null;
  visitId: string | null;
  regionCode: string;
  employer: string | null;
}

interface AreaCover {
  kind: AreaKind;
  items: readonly string[];
}

/**
 * Does the area cover this join? Regions by code prefix (an item of a city covers its counties);
 * platforms by their name appearing in the employer the worker wrote, ignoring case and spaces at
 * the ends; streets never, since a worker's street is not asked on the joining page.
 */
export function areaCoversJoin(area: AreaCover, join: Pick<JoinOrigin, 'regionCode' | 'employer'>): boolean {
  switch (area.kind) {
    case 'regions':
      return area.items.some((item) => item.trim() !== '' && regionWithin(join.regionCode, item.trim()));
    case 'platforms': {
      const employer = join.employer?.trim().toLowerCase();
      if (!employer) return false;
      return area.items.some((item) => item.trim() !== '' && employer.includes(item.trim().toLowerCase()));
    }
    case 'streets':
      return false;
  }
}

/**
 * The grid area a join is credited to: the visit's area when it names one; else the first of the
 * organiser's areas (oldest first) that covers the join; else the organiser's only area; else none.
 * A join through a visit without an organiser code is the visit organiser's join.
 */
export async function areaForJoin(db: DbOrTx, join: JoinOrigin): Promise<string | null> {
  let organiserId = join.organiserId;
  if (join.visitId) {
    const visit = await gridRepo.visitForCredit(db, join.visitId);
    if (visit?.areaId) return visit.areaId;
    organiserId ??= visit?.organiserId ?? null;
  }
  if (!organiserId) return null;
  const areas = await gridRepo.organiserAreas(db, organiserId);
  const covering = areas.find((area) => areaCoversJoin(area, join));
  if (covering) return covering.id;
  return areas.length === 1 ? areas[0]!.id : null;
}
