/**
 * Correcting a case's facts after registration: which fields may still change, and the facts as
 * corrected, every copy of a party kept in step (the party list, the worker and employer facts,
 * the hiring chain), with the list of what changed for the event and the audit record.
 *
 * When: a party's contact details (phone, e-mail, address, address for service, representative,
 * agent) until the case ends, since documents must reach the right place. Who a party is (name,
 * USCC), the employment facts and the claims only until somebody signs the agreement: a signature
 * attests to the text it was given, so after it a wrong name is corrected with the parties (new
 * terms, new signatures), not behind their backs.
 */
import type { CaseFacts } from '../../../../contracts/disputes/case-json.js';
import {
  CONTACT_FIELDS,
  IDENTITY_FIELDS,
  type CorrectionBody,
  type FieldChange,
  type PartyCorrection,
  type PartyField,
} from '../../../../contracts/disputes/corrections.js';
import type { CaseParty } from '../../../../contracts/disputes/parties.js';
import type { CaseState } from './state-machine.js';
import { isTerminal } from './stages.js';

export interface Refusal {
  kind: 'closed' | 'signed' | 'invalid';
  field: string;
  message: string;
  messageEn: string;
}

export interface Corrected {
  facts: CaseFacts;
  changes: FieldChange[];
  /** Organisations whose USCC changed: the register's link is looked up again (party id → new code). */
  usccChanged: Map<string, string | null>;
  employmentChanged: boolean;
  claimsChanged: boolean;
}

/** Values compared as data: key order, and absent against null, make no difference. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined && x !== null)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, canonical(x)]),
    );
  return v ?? null;
}
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const CLOSED: Refusal = {
  kind: 'closed',
  field: 'version',
  message: '案件已结束，不能再更正案件信息',
  messageEn: 'The case has ended; its facts can no longer be corrected',
};

/** After a signature only contact details change: `field` is the first field that would change the signed text. */
function signedRefusal(field: string): Refusal {
  return {
    kind: 'signed',
    field,
    message:
      '调解协议已有当事人签署：当事人名称、证照号码、劳动关系要素和请求事项须与签署的文本一致，不能再单方更正（可更正电话、邮箱、地址、送达地址、代表人和代理人）。如确有错误，请与双方重新拟定协议并重新签署。',
    messageEn:
      'A party has signed the agreement: the names, licence numbers, employment facts and claims must stay as signed (phone, e-mail, addresses, representative and agent can still be corrected). If they are wrong, draw up the terms again with both parties and have them signed again.',
  };
}

function invalid(field: string, message: string, messageEn: string): { refusal: Refusal } {
  return { refusal: { kind: 'invalid', field, message, messageEn } };
}

/** One party's corrected fields, checked against its kind. */
function correctParty(
  party: CaseParty,
  c: PartyCorrection,
  index: number,
): { party: CaseParty; changes: FieldChange[] } | { refusal: Refusal } {
  const at = (f: string) => `parties.${index}.${f}`;
  if (party.kind === 'person' && c.uscc)
    return invalid(at('uscc'), '个人当事人没有统一社会信用代码', 'A person has no USCC');
  if (party.kind === 'person' && c.representative)
    return invalid(at('representative'), '个人当事人没有法定代表人', 'A person has no legal representative');
  if (party.roles.includes('worker') && c.phone === null)
    return invalid(at('phone'), '职工的手机号不能删除：短信和查询都用它', "The worker's phone cannot be removed");
  const next: Record<string, unknown> = { ...party };
  const changes: FieldChange[] = [];
  for (const f of [...IDENTITY_FIELDS, ...CONTACT_FIELDS] as PartyField[]) {
    const value = c[f];
    if (value === undefined || same(value, party[f])) continue;
    changes.push({ field: `parties.${party.id}.${f}`, before: party[f] ?? null, after: value });
    if (value === null) delete next[f];
    else next[f] = value;
  }
  return { party: next as CaseParty, changes };
}

/** The copies of a party elsewhere in the facts follow the party list. */
function mirror(facts: CaseFacts, parties: CaseParty[]): CaseFacts {
  const byId = new Map(parties.map((p) => [p.id, p]));
  const worker = parties.find((p) => p.roles.includes('worker'));
  const hirer = parties.find((p) => p.roles.includes('hirer'));
  const out: CaseFacts = { ...facts, parties };
  if (facts.worker && worker) {
    const {
      address: _a,
      serviceAddress: _s,
      ...kept
    } = facts.worker as typeof facts.worker & {
      address?: string;
      serviceAddress?: string;
    };
    out.worker = {
      ...kept,
      name: worker.name,
      phone: worker.phone ?? facts.worker.phone,
      ...(worker.address ? { address: worker.address } : {}),
      ...(worker.serviceAddress ? { serviceAddress: worker.serviceAddress } : {}),
    };
  }
  if (facts.employer && hirer) {
    const { uscc: _u, contactPhone: _p, contactEmail: _e, employerId: _i, ...kept } = facts.employer;
    out.employer = {
      ...kept,
      name: hirer.name,
      ...(hirer.uscc ? { uscc: hirer.uscc } : {}),
      ...(hirer.employerId ? { employerId: hirer.employerId } : {}),
      ...(hirer.phone ? { contactPhone: hirer.phone } : {}),
      ...(hirer.email ? { contactEmail: hirer.email } : {}),
    };
  }
  if (facts.construction)
    out.construction = {
      ...facts.construction,
      parties: facts.construction.parties.map((cp) => {
        const p = byId.get(cp.id);
        if (!p) return cp;
        const { uscc: _u, contactPhone: _p, contactEmail: _e, ...kept } = cp;
        return {
          ...kept,
          name: p.name,
          ...(p.uscc ? { uscc: p.uscc } : {}),
          ...(p.phone ? { contactPhone: p.phone } : {}),
          ...(p.email ? { contactEmail: p.email } : {}),
        };
      }),
    };
  return out;
}

/**
 * The facts as corrected, or why not. `parties` is the case's party list as read (derived for
 * cases registered before the list existed); from here on the case keeps it.
 */
export function correctFacts(
  facts: CaseFacts,
  parties: readonly CaseParty[],
  state: CaseState,
  body: CorrectionBody,
): Corrected | { refusal: Refusal } {
  if (isTerminal(state.stage)) return { refusal: CLOSED };
  const signed = state.signatures.worker || state.signatures.employer || !!state.agreementEffectiveOn;
  const changes: FieldChange[] = [];
  const usccChanged = new Map<string, string | null>();
  let list = [...parties];
  const seen = new Set<string>();
  for (const [i, c] of (body.parties ?? []).entries()) {
    if (seen.has(c.id)) return invalid(`parties.${i}.id`, '同一当事人只能更正一次', 'The same party appears twice');
    seen.add(c.id);
    const at = list.findIndex((p) => p.id === c.id);
    if (at < 0) return invalid(`parties.${i}.id`, '本案没有该当事人', 'No such party in this case');
    const r = correctParty(list[at]!, c, i);
    if ('refusal' in r) return r;
    const identity = IDENTITY_FIELDS.find((f) => r.changes.some((ch) => ch.field.endsWith(`.${f}`)));
    if (signed && identity) return { refusal: signedRefusal(`parties.${i}.${identity}`) };
    if (r.changes.some((ch) => ch.field.endsWith('.uscc'))) usccChanged.set(c.id, c.uscc ?? null);
    list = list.map((p, j) => (j === at ? r.party : p));
    changes.push(...r.changes);
  }
  let next = mirror(facts, list);
  const employmentChanged = !!body.employment && !same(body.employment, facts.employment);
  const claimsChanged = !!body.claims && !same(body.claims, facts.claims);
  if (signed && (employmentChanged || claimsChanged))
    return { refusal: signedRefusal(employmentChanged ? 'employment' : 'claims') };
  if (employmentChanged) {
    const before = facts.employment ?? {};
    const after = body.employment!;
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const b = (before as Record<string, unknown>)[k];
      const a = (after as Record<string, unknown>)[k];
      if (!same(a, b)) changes.push({ field: `employment.${k}`, before: b ?? null, after: a ?? null });
    }
    next = { ...next, employment: after };
  }
  if (claimsChanged) {
    changes.push({ field: 'claims', before: facts.claims, after: body.claims });
    next = { ...next, claims: body.claims! };
  }
  if (changes.length === 0)
    return invalid(
      'parties',
      '所填内容与案件现有信息相同，没有需要更正的内容',
      'Nothing differs from what the case holds',
    );
  return { facts: next, changes, usccChanged, employmentChanged, claimsChanged };
}
