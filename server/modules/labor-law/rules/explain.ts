/**
 * Human-readable arithmetic in Chinese and English.
 *
 * Amounts are shown in yuan with thousands separators and two decimals
 * ("14,076.00 元" / "¥14,076.00"). A figure that is not a whole number of fen
 * (e.g. an average of several months) is shown rounded and marked "≈"; the
 * item's amount itself is computed exactly and rounded once.
 */
import { floor, isInteger, mul, rat, sub, toExactDecimal, toFixedDecimal, type Rational } from './money.js';
import type { ServiceSpan } from './service-length.js';

export type Lang = 'zh' | 'en';

export interface Text {
  zh: string;
  en: string;
}

export function text(zh: string, en: string): Text {
  return { zh, en };
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Yuan digits "14,076.00" for an amount in fen (exact or rounded half up). */
export function yuanDigits(fen: Rational | number | bigint): string {
  const r = typeof fen === 'object' ? fen : rat(BigInt(fen));
  const s = toFixedDecimal(mul(r, rat(1n, 100n)), 2);
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [i = '0', f = '00'] = body.split('.');
  return (neg ? '-' : '') + groupThousands(i) + '.' + f;
}

function approx(fen: Rational | number | bigint): string {
  return typeof fen === 'object' && !isInteger(fen) ? '≈' : '';
}

/** "14,076.00 元" */
export function yuanZh(fen: Rational | number | bigint): string {
  return `${approx(fen)}${yuanDigits(fen)} 元`;
}

/** "¥14,076.00" */
export function yuanEn(fen: Rational | number | bigint): string {
  return `${approx(fen)}¥${yuanDigits(fen)}`;
}

export function yuan(fen: Rational | number | bigint): Text {
  return text(yuanZh(fen), yuanEn(fen));
}

/** Exact decimal ("5.5") or, when not terminating, "3 + 15/31". */
export function num(r: Rational): string {
  const exact = toExactDecimal(r, 4);
  if (exact !== null) return exact;
  const whole = floor(r);
  const frac = sub(r, rat(whole));
  return whole === 0n ? `${frac.n}/${frac.d}` : `${whole} + ${frac.n}/${frac.d}`;
}

export function months(r: Rational): Text {
  const raw = num(r);
  const s = raw.includes(' + ') ? `(${raw})` : raw;
  return text(`${s} 个月`, `${s} month${s === '1' ? '' : 's'}`);
}

export function span(s: ServiceSpan): Text {
  const y = Math.floor(s.months / 12);
  const m = s.months % 12;
  const zh: string[] = [];
  const en: string[] = [];
  if (y > 0) {
    zh.push(`${y} 年`);
    en.push(`${y} year${y === 1 ? '' : 's'}`);
  }
  if (m > 0) {
    zh.push(`${m} 个月`);
    en.push(`${m} month${m === 1 ? '' : 's'}`);
  }
  if (s.days > 0 || zh.length === 0) {
    zh.push(`${s.days} 天`);
    en.push(`${s.days} day${s.days === 1 ? '' : 's'}`);
  }
  return text(zh.join(' '), en.join(' '));
}

/** Percent of a rational multiplier: 3/2 → "150%". */
export function percent(r: Rational): string {
  return `${num(mul(r, rat(100n)))}%`;
}

/** Join several bilingual fragments. */
export function join(parts: readonly Text[], sepZh = '；', sepEn = '; '): Text {
  return text(parts.map((p) => p.zh).join(sepZh), parts.map((p) => p.en).join(sepEn));
}

export function pick(t: Text, lang: Lang): string {
  return lang === 'en' ? t.en : t.zh;
}
