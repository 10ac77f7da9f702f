import { joiningPath } from '../../../../contracts/membership/grid-limits.js';
import type { Deps } from '../../../core/deps.js';

/** The organiser's joining link (what their QR carries); none while the organization has no code. */
export function joinUrlOf(deps: Pick<Deps, 'config'>, organizationCode: string | null, organiserCode: string) {
  return organizationCode ? `${deps.config.publicUrl}${joiningPath(organizationCode, organiserCode)}` : null;
}
