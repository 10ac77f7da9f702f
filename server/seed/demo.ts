import { sql } from 'drizzle-orm';
import { writeAudit } from '../core/audit.js';
import { systemCtx } from '../core/context.js';
import type { Deps } from '../core/deps.js';
import { sexOfResidentId } from '../core/identifiers/resident-id.js';
import { accounts } from '../modules/accounts/tables.js';
import { hashPassword } from '../modules/auth/password.js';
import { courts } from '../modules/courts/tables.js';
import { employers } from '../modules/employers/tables.js';
import { mediationBodies, organizations } from '../modules/organizations/tables.js';
import { people } from '../modules/people/tables.js';
import { SEED_HISTORY, writeHistory, type HistoryRefs } from './disputes-history.js';
import { seedOpenCases } from './disputes-open.js';
import { DEMO_COURTS, DEMO_PASSWORD, generateDemo, type DemoData } from './demo-data.js';
import { writeFeeRefundCycleDemo } from './fee-refund-cycle.js';
import { generateFeeDemo, writeFeeDemo } from './fee-refunds.js';
import { writeMembershipDemo } from './membership.js';
import { writeStationsDemo } from './stations.js';

export const DEMO_LOGINS = {
  password: DEMO_PASSWORD,
  accounts: generateDemo(0.01)
    .accounts.filter((a) => a.listed !== false)
    .map((a) => ({ username: a.username, label: a.label })),
};

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Writes a generated data set; returns the ids by demo key so callers can refer to rows. */
export async function writeDemo(deps: Deps, data: DemoData, onProgress?: (step: string) => void) {
  const { db, cipher } = deps;
  const orgIds = new Map<string, string>();
  const employerIds = new Map<string, string>();
  const personIds = new Map<string, string>();
  const courtIds = new Map<string, string>();
  const accountIds = new Map<string, string>();
  const studioIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const o of data.organizations) {
      const [row] = await tx
        .insert(organizations)
        .values({
          name: o.name,
          kind: o.kind,
          regionCode: o.regionCode,
          parentId: o.parentKey ? (orgIds.get(o.parentKey) ?? null) : null,
        })
        .returning({ id: organizations.id });
      orgIds.set(o.key, row!.id);
    }
    for (const c of data.courts) {
      const [row] = await tx.insert(courts).values(c).returning({ id: courts.id });
      courtIds.set(c.code, row!.id);
    }
    for (const s of data.studios) {
      const { key, organizationKey, defaultCourtCode, ...values } = s;
      const [row] = await tx
        .insert(mediationBodies)
        .values({
          ...values,
          kind: 'union_studio',
          organizationId: orgIds.get(organizationKey)!,
          defaultCourtId: courtIds.get(defaultCourtCode)!,
        })
        .returning({ id: mediationBodies.id });
      studioIds.set(key, row!.id);
    }
    onProgress?.(`organizations ${data.organizations.length}, courts ${data.courts.length}`);
    await insertChunked(data.employers, async (chunk) => {
      const rows = await tx
        .insert(employers)
        .values(chunk.map(({ key: _key, ...e }) => e))
        .returning({ id: employers.id, uscc: employers.uscc });
      const byUscc = new Map(rows.map((r) => [r.uscc, r.id]));
      for (const e of chunk) employerIds.set(e.key, byUscc.get(e.uscc)!);
    });
    onProgress?.(`employers ${data.employers.length}`);
    await insertChunked(data.people, async (chunk) => {
      const rows = await tx
        .insert(people)
        .values(
          chunk.map((p) => ({
            name: p.name,
            phone: p.phone,
            regionCode: p.regionCode,
            occupation: p.occupation,
            residentIdEnc: cipher.encrypt(p.residentId),
            residentIdHash: cipher.searchHash(p.residentId),
            residentIdHead: p.residentId.slice(0, 4),
            residentIdTail: p.residentId.slice(-4),
            sex: sexOfResidentId(p.residentId),
            birthDate: `${p.residentId.slice(6, 10)}-${p.residentId.slice(10, 12)}-${p.residentId.slice(12, 14)}`,
          })),
        )
        .returning({ id: people.id, hash: people.residentIdHash });
      const byHash = new Map(rows.map((r) => [r.hash, r.id]));
      for (const p of chunk) personIds.set(p.key, byHash.get(cipher.searchHash(p.residentId))!);
    });
    onProgress?.(`people ${data.people.length}`);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of data.accounts) {
      const [created] = await tx
        .insert(accounts)
        .values({
          username: a.username,
          displayName: a.displayName,
          passwordHash,
          roles: a.roles,
          regionCode: a.regionCode,
          organizationId: a.organizationKey ? (orgIds.get(a.organizationKey) ?? null) : null,
          courtId: a.courtCode ? (courtIds.get(a.courtCode) ?? null) : null,
          employerId: a.employerKey ? (employerIds.get(a.employerKey) ?? null) : null,
          personId: a.personKey ? (personIds.get(a.personKey) ?? null) : null,
        })
        .returning({ id: accounts.id });
      accountIds.set(a.username, created!.id);
    }
    await writeAudit(tx, systemCtx('seed'), {
      action: 'demo.seeded',
      entityType: 'system',
      after: {
        organizations: data.organizations.length,
        employers: data.employers.length,
        people: data.people.length,
        accounts: data.accounts.length,
      },
    });
  });
  return { orgIds, employerIds, personIds, courtIds, accountIds, studioIds, studioId: studioIds.get('zs')! };
}

/** First start only: an installation that has any account keeps its data untouched. */
export async function seedDemoIfEmpty(deps: Deps, scale = 1): Promise<boolean> {
  const [row] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(accounts);
  if ((row?.n ?? 0) > 0) return false;
  const data = generateDemo(scale);
  const ids = await writeDemo(deps, data);
  await writeHistory(deps, historyRefs(data, ids), SEED_HISTORY);
  await seedOpenCases(deps, ids.courtIds);
  const fees = generateFeeDemo();
  await writeFeeDemo(deps, fees);
  await writeFeeRefundCycleDemo(deps, fees);
  await writeStationsDemo(deps);
  await writeMembershipDemo(deps);
  return true;
}

/** Where the Zhongshan studio's historic cases point: its courts, mediators and local employers. */
export function historyRefs(data: DemoData, ids: Awaited<ReturnType<typeof writeDemo>>): HistoryRefs {
  return {
    courtIds: DEMO_COURTS.map((c) => ids.courtIds.get(c.code)!),
    courtWeights: [45, 40, 15],
    mediatorIds: data.accounts
      .filter((a) => a.roles.includes('mediator') && a.organizationKey === 'zs-studio')
      .map((a) => ids.accountIds.get(a.username)!),
    employerIds: data.employers.filter((e) => e.regionCode === '442000').map((e) => ids.employerIds.get(e.key)!),
    mediationBodyId: ids.studioId,
  };
}
