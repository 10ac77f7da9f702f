import { z } from 'zod';
import { CHAIN_ROLES } from './chain-roles.js';

/**
 * The parties of a case (当事人), one list: the worker(s); the one who hired them (用工方, in a
 * construction case the crew boss, who may be unreachable); the party liable to pay found by the
 * construction rules (保障农民工工资支付条例第二十九条、第三十条、第三十六条; otherwise the employer
 * itself); other parties of the hiring chain to contact. One party may hold several roles (an
 * ordinary employer both hired the worker and owes the money).
 *
 * Every page, message and document reads the parties from here, so the liable contractor's phone
 * is never the crew boss's and the crew boss never signs for the contractor.
 */

export {
  PARTY_KINDS,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  WORKER_PROVIDER,
  type PartyKind,
  type PartyRole,
} from './party-roles.js';
import { PARTY_KINDS, PARTY_ROLES, type PartyRole } from './party-roles.js';

const representativeSchema = z.object({ name: z.string(), title: z.string().optional() });
const agentSchema = z.object({ name: z.string(), relation: z.string().optional(), phone: z.string().optional() });

/** A party as kept with the case (the case file's facts) and shown on the case page. */
export const casePartySchema = z.object({
  /** Stable within the case: 'worker', 'employer', or the hiring chain's party id. */
  id: z.string(),
  roles: z.array(z.enum(PARTY_ROLES)),
  kind: z.enum(PARTY_KINDS),
  name: z.string(),
  /** 统一社会信用代码 (organisations). */
  uscc: z.string().optional(),
  /** Masked resident ID (people); the full ID lives encrypted on the person record only. */
  residentIdMasked: z.string().nullable().optional(),
  /** The employer register's record (organisations with a USCC). */
  employerId: z.string().optional(),
  /** The person record (the worker). */
  personId: z.string().optional(),
  /** Its place in a construction hiring chain. */
  chainRole: z.enum(CHAIN_ROLES).optional(),
  /** False: the party cannot be reached (a crew boss who vanished). */
  reachable: z.boolean().optional(),
  /** 住所地 / 住址. */
  address: z.string().optional(),
  /** 送达地址: where documents are served. */
  serviceAddress: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  /** 法定代表人或主要负责人 (organisations). */
  representative: representativeSchema.optional(),
  /** 委托代理人. */
  agent: agentSchema.optional(),
  /** Why the party is liable: the provision, in Chinese (《保障农民工工资支付条例》第三十六条). */
  liabilityBasis: z.string().optional(),
});
export type CaseParty = z.infer<typeof casePartySchema>;

/** The roles of a case's parties, resolved: who hired, who pays and answers, who else is in it. */
export interface PartyRoster {
  workers: CaseParty[];
  hirer: CaseParty | null;
  liable: CaseParty | null;
  /** Who answers the request, receives the link and signs for the paying side: the liable party, else the hirer. */
  acting: CaseParty | null;
  others: CaseParty[];
}

export function rosterOf(parties: readonly CaseParty[]): PartyRoster {
  const withRole = (r: PartyRole) => parties.filter((p) => p.roles.includes(r));
  const hirer = withRole('hirer')[0] ?? null;
  const liable = withRole('liable')[0] ?? null;
  return {
    workers: withRole('worker'),
    hirer,
    liable,
    acting: liable ?? hirer,
    others: parties.filter((p) => !p.roles.includes('worker') && p !== hirer && p !== liable),
  };
}
