import type {
  MembershipFigures,
  MembershipReport,
  MembershipReportQuery,
} from '../../../../contracts/membership/reports.js';
import { addDays, addMonths, dayStartInChina, todayInChina } from '../../../../contracts/dates.js';
import { regionPrefix, regionWithin } from '../../../../contracts/regions.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { regionRepo } from '../../regions/repository.js';
import { reportRepo } from './repository.js';

/*
 * The program's dashboard (the seed's Haixi figures: unions built, members, workers insured,
 * people recommended), counted from the rows as of a day, by area and month by month.
 */

const ZERO: MembershipFigures = { organizations: 0, members: 0, insured: 0, coveredNow: 0, recommended: 0 };

/** GET /api/membership/reports */
export async function membershipReport(deps: Deps, ctx: Ctx, query: MembershipReportQuery): Promise<MembershipReport> {
  const actor = requirePermission(ctx, 'membership:read');
  const regionCode = query.regionCode ?? actor.regionCode;
  if (regionCode) assertInScope(actor, regionCode);
  const region = regionCode ? await regionRepo.byCode(deps.db, regionCode) : null;
  if (regionCode && !region) throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  const today = todayInChina(deps.now());
  const asOf = query.asOf ?? today;
  if (asOf > today) throw errors.validation('asOf', '统计日期不能晚于今天', 'The day cannot be in the future');
  const from = query.from ?? `${addMonths(asOf, -11).slice(0, 7)}-01`;
  if (from > asOf)
    throw errors.validation('from', '起始月份不能晚于统计日期', 'The first month cannot be after the day');
  const before = dayStartInChina(addDays(asOf, 1));
  // One level down: a province's cities, a prefecture's counties; a county is its own area.
  const keyLength = regionCode ? Math.min(6, regionPrefix(regionCode).length + 2) : 2;
  const [orgs, members, insured, covered, recommended, monthly] = await Promise.all([
    reportRepo.organizations(deps.db, regionCode, keyLength, before),
    reportRepo.members(deps.db, regionCode, keyLength, asOf),
    reportRepo.insured(deps.db, regionCode, keyLength, asOf, false),
    reportRepo.insured(deps.db, regionCode, keyLength, asOf, true),
    reportRepo.recommended(deps.db, regionCode, keyLength, before),
    reportRepo.monthly(deps.db, regionCode, from, asOf, dayStartInChina(from), before),
  ]);
  const areas = new Map<string, MembershipFigures>();
  const add = (rows: { area: string; n: number }[], key: keyof MembershipFigures) => {
    for (const r of rows) {
      const f = areas.get(r.area) ?? { ...ZERO };
      f[key] += r.n;
      areas.set(r.area, f);
    }
  };
  add(orgs, 'organizations');
  add(members, 'members');
  add(insured, 'insured');
  add(covered, 'coveredNow');
  add(recommended, 'recommended');
  const names = new Map((await regionRepo.fullNames(deps.db, [...areas.keys()])).map((r) => [r.code, r.fullName]));
  const byArea = [...areas.entries()]
    .filter(([code]) => regionWithin(code, regionCode))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, f]) => ({ regionCode: code, regionName: names.get(code) ?? code, ...f }));
  const totals = byArea.reduce<MembershipFigures>(
    (t, a) => ({
      organizations: t.organizations + a.organizations,
      members: t.members + a.members,
      insured: t.insured + a.insured,
      coveredNow: t.coveredNow + a.coveredNow,
      recommended: t.recommended + a.recommended,
    }),
    { ...ZERO },
  );
  return {
    regionCode,
    regionName: region?.fullName ?? '全国',
    asOf,
    totals,
    byArea,
    monthly: monthsBetween(from, asOf).map((month) => {
      const n = (rows: { month: string; n: number }[]) => rows.find((r) => r.month === month)?.n ?? 0;
      return {
        month,
        joined: n(monthly.joined),
        left: n(monthly.left),
        insured: n(monthly.insured),
        recommended: n(monthly.recommended),
      };
    }),
  };
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m.slice(0, 7) <= to.slice(0, 7); m = addMonths(m, 1)) out.push(m.slice(0, 7));
  return out;
}
