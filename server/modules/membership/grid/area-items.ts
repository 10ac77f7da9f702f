import type { AreaKind } from '../../../../contracts/membership/codes.js';
import { regionWithin } from '../../../../contracts/regions.js';
import type { DbOrTx } from '../../../db/client.js';
import { regionRepo } from '../../regions/repository.js';

/**
 * An area's items as a person would be told what is wrong with them: region items are existing
 * codes inside the area's region (they credit joins by code, see attribution.ts); names are free.
 */
export async function areaItemsProblem(
  db: DbOrTx,
  kind: AreaKind,
  items: readonly string[],
  regionCode: string,
): Promise<{ field: string; zh: string; en: string } | null> {
  if (kind !== 'regions') return null;
  for (const [i, item] of items.entries()) {
    const field = `items.${i}`;
    if (!/^\d{6}$/.test(item))
      return { field, zh: `「${item}」不是 6 位行政区划代码`, en: `"${item}" is not a 6-digit region code` };
    if (!(await regionRepo.byCode(db, item)))
      return { field, zh: `行政区划代码 ${item} 不存在`, en: `Unknown region code ${item}` };
    if (!regionWithin(item, regionCode))
      return {
        field,
        zh: `行政区划 ${item} 不在本网格的地区之内`,
        en: `Region ${item} is outside the area’s region`,
      };
  }
  return null;
}
