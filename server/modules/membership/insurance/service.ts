import type { z } from 'zod';
import { addDays, daysBetween, todayInChina } from '../../../../contracts/dates.js';
import { maskMobile } from '../../../../contracts/identifiers.js';
import type {
  Coverage,
  coverageQuerySchema,
  expiringQuerySchema,
  ExpiringPage,
  InsuranceRecord,
  insuranceInputSchema,
} from '../../../../contracts/membership/insurance.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { maskResidentIdParts, validateResidentId } from '../../../core/identifiers/resident-id.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import { orderedId } from '../../../db/ordered-id.js';
import { findPersonByResidentId } from '../../people/service.js';
import { insuranceRepo } from './repository.js';

// The members' work-injury cover: one recorded by hand, the coverage of the region's members on a
// day, and the cover about to end. The bulk upload is the import kind (import-kind.ts).

type RecordRow = NonNullable<Awaited<ReturnType<typeof insuranceRepo.recordById>>>;

function toRecord(row: RecordRow): InsuranceRecord {
  return {
    id: row.id,
    personId: row.personId,
    name: row.name,
    residentIdMasked: maskResidentIdParts(row.residentIdHead, row.residentIdTail),
    phoneMasked: row.phone ? maskMobile(row.phone) : null,
    regionCode: row.regionCode,
    regionName: row.regionName,
    scheme: row.scheme,
    insurer: row.insurer,
    policyNo: row.policyNo,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    source: row.source,
    importId: row.importId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The person a cover is for, by resident ID or record id, when the staff member may see them. */
async function personFor(deps: Deps, actor: Actor, input: z.infer<typeof insuranceInputSchema>) {
  let person: { id: string; name: string; regionCode: string } | null;
  if (input.residentId) {
    const check = validateResidentId(input.residentId, deps.now());
    if (!check.ok) throw errors.validation('residentId', check.message, check.messageEn);
    person = await findPersonByResidentId(deps.db, deps, input.residentId);
    if (!person)
      throw errors.validation(
        'residentId',
        '该身份证号尚未登记人员信息，请先登记人员或通过批量导入录入',
        'No person is registered with this resident ID; register them first, or use the bulk import',
      );
  } else {
    person = await insuranceRepo.personById(deps.db, input.personId!);
    if (!person) throw errors.notFound('人员', 'Person');
  }
  // A worker registered elsewhere is in scope once they are a member here.
  const memberRegion = (await insuranceRepo.memberRegions(deps.db, [person.id])).get(person.id);
  if (!regionWithin(person.regionCode, actor.regionCode) && !regionWithin(memberRegion, actor.regionCode))
    assertInScope(actor, person.regionCode);
  return { ...person, memberRegion };
}

/** POST /api/membership/insurance: one cover, recorded by hand. */
export async function recordInsurance(
  deps: Deps,
  ctx: Ctx,
  input: z.infer<typeof insuranceInputSchema>,
): Promise<InsuranceRecord> {
  const actor = requirePermission(ctx, 'membership:manage');
  const person = await personFor(deps, actor, input);
  if (input.regionCode) {
    if (!(await insuranceRepo.knownRegions(deps.db, [input.regionCode])).has(input.regionCode))
      throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
    assertInScope(actor, input.regionCode);
  }
  const regionCode = input.regionCode ?? actor.regionCode ?? person.memberRegion ?? person.regionCode;
  const id = await deps.db.transaction(async (tx) => {
    const row = await insuranceRepo.insertOne(tx, {
      id: orderedId(),
      personId: person.id,
      regionCode,
      scheme: input.scheme,
      insurer: input.insurer,
      policyNo: input.policyNo || null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      source: 'manual',
      createdAt: deps.now(),
    });
    if (!row)
      throw errors.conflict(
        `该人员此险种自 ${input.startsOn} 起保的记录已存在`,
        `This person already has this scheme starting on ${input.startsOn}`,
        'startsOn',
      );
    await writeAudit(tx, ctx, {
      action: 'membership_insurance.recorded',
      entityType: 'membership_insurance',
      entityId: row.id,
      regionCode,
      after: row,
    });
    return row.id;
  });
  const row = await insuranceRepo.recordById(deps.db, id);
  if (!row) throw new AppError('INTERNAL', '保存失败', 'Saving failed');
  return toRecord(row);
}

const rateOf = (covered: number, members: number) => (members ? Math.round((covered / members) * 10_000) / 10_000 : 0);

/**
 * GET /api/membership/insurance/coverage: of the active members of the staff's region (or a part
 * of it), how many have cover on the day (today unless asked), by organization and by region.
 */
export async function coverage(deps: Deps, ctx: Ctx, query: z.infer<typeof coverageQuerySchema>): Promise<Coverage> {
  const actor = requirePermission(ctx, 'membership:read');
  if (query.regionCode) assertInScope(actor, query.regionCode);
  const day = query.day ?? todayInChina(deps.now());
  const lines = await insuranceRepo.coverage(deps.db, { scope: actor.regionCode, regionCode: query.regionCode, day });
  const organizations = new Map<string, Coverage['byOrganization'][number]>();
  const regions = new Map<string, Coverage['byRegion'][number]>();
  const total = { members: 0, covered: 0, rate: 0 };
  for (const l of lines) {
    const org = organizations.get(l.organizationId) ?? {
      organizationId: l.organizationId,
      organizationName: l.organizationName,
      regionCode: l.regionCode,
      members: 0,
      covered: 0,
      rate: 0,
    };
    const region = regions.get(l.regionCode) ?? {
      regionCode: l.regionCode,
      regionName: l.regionName,
      members: 0,
      covered: 0,
      rate: 0,
    };
    for (const sum of [org, region, total]) {
      sum.members += l.members;
      sum.covered += l.covered;
    }
    organizations.set(l.organizationId, org);
    regions.set(l.regionCode, region);
  }
  for (const sum of [total, ...organizations.values(), ...regions.values()])
    sum.rate = rateOf(sum.covered, sum.members);
  return {
    day,
    regionCode: query.regionCode ?? actor.regionCode,
    total,
    byOrganization: [...organizations.values()],
    byRegion: [...regions.values()],
  };
}

/** GET /api/membership/insurance/expiring: cover ending within `days` and not renewed, soonest first. */
export async function expiring(
  deps: Deps,
  ctx: Ctx,
  query: z.infer<typeof expiringQuerySchema>,
): Promise<ExpiringPage> {
  const actor = requirePermission(ctx, 'membership:read');
  const { page, filter } = splitPage(query);
  if (filter.regionCode) assertInScope(actor, filter.regionCode);
  const today = todayInChina(deps.now());
  const { items, total } = await insuranceRepo.expiring(
    deps.db,
    { scope: actor.regionCode, regionCode: filter.regionCode, from: today, to: addDays(today, filter.days) },
    page.pageSize,
    offsetOf(page),
  );
  return {
    items: items.map((row) => ({ ...toRecord(row), daysLeft: daysBetween(today, row.endsOn) })),
    total,
    ...page,
  };
}
