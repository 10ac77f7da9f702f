// Labels in the page's language, from the disputes rules (shared with the server, never copied).
import { CHAIN_ROLE_LABELS, type ChainRole } from '../../../../contracts/disputes/chain-roles';
import { CLAIM_TYPE_LABELS, type ClaimType } from '../../../../contracts/disputes/claims';
import { PARTY_ROLE_LABELS, type PartyRole } from '../../../../contracts/disputes/party-roles';
import {
  CLOSE_REASON_LABELS,
  REFERRAL_LABELS,
  STAGE_BY_CODE,
  type CloseReason,
  type Referral,
  type Stage,
} from '../../../../contracts/disputes/stages';
import { formatFen } from '../labor-law/money';

export type Lang = 'zh' | 'en';

const pick = (l: { zh: string; en: string } | undefined, lang: Lang, fallback: string) => (l ? l[lang] : fallback);

export const stageLabel = (code: string, lang: Lang) => pick(STAGE_BY_CODE[code as Stage], lang, code);
export const claimLabel = (code: string, lang: Lang) => pick(CLAIM_TYPE_LABELS[code as ClaimType], lang, code);
export const closeReasonLabel = (code: string, lang: Lang) =>
  pick(CLOSE_REASON_LABELS[code as CloseReason], lang, code);
export const referralLabel = (code: string, lang: Lang) => pick(REFERRAL_LABELS[code as Referral], lang, code);
export const chainRoleLabel = (code: string, lang: Lang) => pick(CHAIN_ROLE_LABELS[code as ChainRole], lang, code);

/** Tag colour per stage: open work in blue, court steps in purple, good ends green, failures red. */
export function stageColor(code: string): string {
  if (
    code === 'performed' ||
    code === 'ruling_issued' ||
    code === 'agreement_signed' ||
    code === 'mediation_document_issued' ||
    code === 'suit_withdrawn'
  )
    return 'green';
  if (code === 'closed_failed' || code === 'confirmation_refused') return 'red';
  if (
    code === 'confirmation_applied' ||
    code === 'agreement_submitted' ||
    code === 'enforcement_applied' ||
    code === 'payment_order_applied'
  )
    return 'purple';
  return 'blue';
}

/** "84,000.00 元" or "¥84,000.00". */
export function money(fen: number | null | undefined, lang: Lang): string {
  if (fen === null || fen === undefined) return '—';
  return lang === 'en' ? `¥${formatFen(fen)}` : `${formatFen(fen)} 元`;
}

/** 5_250_000_000 fen → "5,250" (万元), for headline figures; display only. */
export function tenThousandYuan(fen: number): string {
  const hundredths = Math.round(fen / 10_000); // 万元 × 100
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  const head = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rest === 0 ? head : `${head}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** The language code of i18next as one of ours. */
export const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'zh');

export const partyRoleLabel = (code: string, lang: Lang) => pick(PARTY_ROLE_LABELS[code as PartyRole], lang, code);
