import { jointConfigSchema } from '../../../contracts/disputes/responses.js';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { requireActor, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError } from '../../core/errors.js';
import { DEFAULT_JOINT_MEDIATION_CONFIG, type JointMediationConfig } from './rules/joint-mediation.js';
import { forgetCalendar } from './calendar.js';
import type { CalendarOverrideInput } from './schemas.js';
import { settingsRepo } from './repository.js';

const KEY = 'disputes.joint_mediation';

export async function jointConfig(deps: Deps): Promise<JointMediationConfig> {
  // Read through its schema: a document written by an older release may lack a field.
  const parsed = jointConfigSchema.safeParse(await settingsRepo.get(deps.db, KEY));
  return parsed.success ? parsed.data : { ...DEFAULT_JOINT_MEDIATION_CONFIG };
}

/**
 * The triggers and the working-day calendar drive the statutory clocks of every case in the
 * country, so only a nationwide administrator (no region) changes them.
 */
function requireNationwideAdmin(ctx: Ctx, what: { zh: string; en: string }) {
  const actor = requirePermission(ctx, 'accounts:manage');
  if (actor.regionCode !== null) {
    throw new AppError(
      'FORBIDDEN',
      `${what.zh}全国通用，只有全国系统管理员可以修改`,
      `The ${what.en} apply nationwide; only a nationwide administrator may change them`,
    );
  }
  return actor;
}

/** Read by anyone signed in (the settings page shows them read-only). */
export async function readJointConfig(deps: Deps, ctx: Ctx): Promise<JointMediationConfig> {
  requireActor(ctx);
  return jointConfig(deps);
}

/** The joint-mediation triggers are configuration, changed by a nationwide administrator, audited. */
export async function setJointConfig(deps: Deps, ctx: Ctx, value: JointMediationConfig): Promise<JointMediationConfig> {
  requireNationwideAdmin(ctx, { zh: '联合调解触发条件', en: 'joint-mediation triggers' });
  const before = await jointConfig(deps);
  await deps.db.transaction(async (tx) => {
    await settingsRepo.put(tx, KEY, value, deps.now());
    await writeAudit(tx, ctx, {
      action: 'settings.joint_mediation_changed',
      entityType: 'settings',
      entityId: KEY,
      before,
      after: value,
    });
  });
  return value;
}

export async function listCalendarOverrides(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'disputes:read');
  return { items: await settingsRepo.calendarOverrides(deps.db) };
}

/**
 * Holiday notices (放假调休安排) are published each winter, and local ones (a typhoon day) at any
 * time: the working-day calendar takes them from this table, without a new release.
 */
export async function setCalendarOverride(deps: Deps, ctx: Ctx, input: CalendarOverrideInput) {
  requireNationwideAdmin(ctx, { zh: '工作日历调整', en: 'working-day calendar corrections' });
  await deps.db.transaction(async (tx) => {
    await settingsRepo.putCalendarOverride(tx, { date: input.date, kind: input.kind, note: input.note ?? null });
    await writeAudit(tx, ctx, {
      action: 'calendar.override_set',
      entityType: 'calendar',
      entityId: input.date,
      after: input,
    });
  });
  forgetCalendar(deps.db);
  return { ok: true as const };
}
