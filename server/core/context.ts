import { permissionsOf, type Permission, type Role } from '../../contracts/roles.js';
import { regionWithin } from '../../contracts/regions.js';
import { AppError, errors } from './errors.js';

export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Set<Permission>;
  /** null: the whole country. */
  regionCode: string | null;
  organizationId: string | null;
  courtId: string | null;
  employerId: string | null;
  personId: string | null;
}

/** What a use case knows about the request that called it. */
export interface Ctx {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw errors.unauthenticated();
  return ctx.actor;
}

export function requirePermission(ctx: Ctx, permission: Permission): Actor {
  const actor = requireActor(ctx);
  if (!actor.permissions.has(permission)) throw errors.forbidden();
  return actor;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return !!actor && actor.permissions.has(permission);
}

/** Region scope: a record outside the actor's region is refused, even when fetched by id. */
export function assertInScope(actor: Actor, regionCode: string | null | undefined): void {
  if (!regionWithin(regionCode, actor.regionCode)) {
    throw new AppError('FORBIDDEN', '该记录不在您的管辖区域内', 'This record is outside your region');
  }
}

/** A context for jobs and seeding, acting as the system itself. */
export function systemCtx(requestId = 'system'): Ctx {
  return { actor: null, requestId, ip: null };
}

/**
 * The command line (`admin:create`) acts as a country-wide administrator; the audit trail names it
 * 'command-line'. Test factories use the same actor to create their first administrator.
 */
export function commandLineCtx(requestId = 'admin-create'): Ctx {
  return {
    actor: {
      accountId: '00000000-0000-0000-0000-000000000000',
      username: 'command-line',
      displayName: '命令行 command line',
      roles: ['system_admin'],
      permissions: permissionsOf(['system_admin']),
      regionCode: null,
      organizationId: null,
      courtId: null,
      employerId: null,
      personId: null,
    },
    requestId,
    ip: null,
  };
}
