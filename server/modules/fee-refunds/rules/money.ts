/**
 * Exact money for fee refunds: every amount is integer fen, read from its decimal text without
 * floating point, and split to the fen by the largest-remainder method.
 *
 * - Yuan (元) have at most 2 decimals: "1,234.56" → 123 456 fen.
 * - 万元 (ten thousand yuan, the unit of 营业收入 and 资产总额 in the import) have at most 6
 *   decimals, which is exactly the fen: "300" → 300 000 000 fen, "0.000001" → 1 fen. Revenue and
 *   assets are kept in fen too, so a figure compares exactly with a threshold in 万元.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

export interface DecimalOptions {
  /** Accept a leading "-" (a correction row). Default: false. */
  allowNegative?: boolean;
}

const FEN_PER_YUAN = 100n;
const FEN_PER_WAN_YUAN = 1_000_000n;

/** Digits, optionally grouped by commas in threes, then an optional fraction. */
const DECIMAL_RE = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

function parseScaled(
  input: string | number,
  places: number,
  scale: bigint,
  unit: { zh: string; en: string },
  options: DecimalOptions,
): Parsed<number> {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, zh: `${unit.zh}不是有效数字`, en: `${unit.en} is not a number` };
    // The shortest text that reads back as this number: what the spreadsheet cell showed.
    text = String(input);
  } else {
    text = input.trim();
  }
  if (text === '') return { ok: false, zh: `${unit.zh}为空`, en: `${unit.en} is empty` };
  const m = DECIMAL_RE.exec(text);
  if (!m) {
    return {
      ok: false,
      zh: `${unit.zh}“${text}”不是有效金额（只写数字，可带小数点和千分位逗号）`,
      en: `${unit.en} "${text}" is not an amount (digits, an optional decimal point and thousands commas)`,
    };
  }
  const negative = m[1] === '-';
  const whole = (m[2] ?? '').replaceAll(',', '');
  const fraction = m[3] ?? '';
  if (fraction.length > places) {
    return {
      ok: false,
      zh: `${unit.zh}“${text}”最多保留${places}位小数`,
      en: `${unit.en} "${text}" allows at most ${places} decimals`,
    };
  }
  if (negative && !options.allowNegative) {
    return { ok: false, zh: `${unit.zh}“${text}”不能为负数`, en: `${unit.en} "${text}" cannot be negative` };
  }
  const magnitude = BigInt(whole) * scale + BigInt(fraction.padEnd(places, '0') || '0');
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, zh: `${unit.zh}“${text}”过大`, en: `${unit.en} "${text}" is too large` };
  }
  const value = Number(magnitude);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/** An amount in yuan (at most 2 decimals) as integer fen. */
export function parseYuanToFen(input: string | number, options: DecimalOptions = {}): Parsed<number> {
  return parseScaled(input, 2, FEN_PER_YUAN, { zh: '金额', en: 'The amount' }, options);
}

/** An amount in 万元 (at most 6 decimals, i.e. to the fen) as integer fen. */
export function parseWanYuanToFen(input: string | number, options: DecimalOptions = {}): Parsed<number> {
  return parseScaled(input, 6, FEN_PER_WAN_YUAN, { zh: '万元金额', en: 'The amount in 10,000 yuan' }, options);
}

/** A whole number of 万元 (a threshold of the size table) in fen. */
export function wanYuanToFen(wanYuan: number): number {
  if (!Number.isSafeInteger(wanYuan)) throw new RangeError(`not a whole number of 万元: ${wanYuan}`);
  return wanYuan * Number(FEN_PER_WAN_YUAN);
}

/** A figure in fen as exact 万元 text, without trailing zeros: 300 500 000 fen → "300.5". */
export function formatWanYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not whole fen: ${fen}`);
  const abs = BigInt(Math.abs(fen));
  const whole = (abs / FEN_PER_WAN_YUAN).toString();
  const fraction = (abs % FEN_PER_WAN_YUAN).toString().padStart(6, '0').replace(/0+$/, '');
  return `${fen < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** "1,234.56" for 123 456 fen (negative amounts with a leading "-"). */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not whole fen: ${fen}`);
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${whole}.${cents}`;
}

/**
 * Split `total` fen in proportion to `weights` so that the parts add up to `total` exactly
 * (Hamilton's largest-remainder method): each part gets the whole fen of its exact share, and the
 * fen left over go one each to the parts with the largest fractions. Equal fractions go to the
 * part listed first, so the order of `weights` is the tie rule.
 */
function largestRemainder(total: number, weights: readonly number[], sum: number): number[] {
  const parts = new Array<number>(weights.length);
  const remainders = new Array<number>(weights.length);
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    const product = total * (weights[i] as number);
    const r = product % sum;
    remainders[i] = r;
    parts[i] = (product - r) / sum;
    left -= parts[i] as number;
  }
  const order = weights.map((_, i) => i).sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  for (const i of order) {
    if (left === 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

export function apportion(total: number, weights: readonly bigint[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`not whole, non-negative fen: ${total}`);
  if (weights.some((w) => w < 0n)) throw new RangeError('negative weight');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('weights add up to zero');
  // Exact in doubles when total × sum stays a safe integer (every product t·w is then one, and
  // % and the division of a multiple are exact): the usual case, and a run's hot path. Else BigInt.
  const sumN = Number(sum);
  if (Number.isSafeInteger(total * sumN)) return largestRemainder(total, weights.map(Number), sumN);
  const t = BigInt(total);
  const floors = weights.map((w) => (t * w) / sum);
  const remainders = weights.map((w) => (t * w) % sum);
  let left = Number(t - floors.reduce((a, b) => a + b, 0n));
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] as bigint;
      const rb = remainders[b] as bigint;
      return ra > rb ? -1 : ra < rb ? 1 : a - b;
    });
  const parts = floors.map(Number);
  for (const i of order) {
    if (left === 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}
