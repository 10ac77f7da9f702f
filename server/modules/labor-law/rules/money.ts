/**
 * Exact money arithmetic for the labor-law engine.
 *
 * Every amount is a non-floating rational number n/d (BigInt numerator and
 * denominator, d > 0, always reduced). Amounts are expressed in fen (分).
 * The only rounding in the engine is `roundHalfUpToFen`, applied once per
 * output item: an exact half fen rounds up (towards +infinity).
 */

export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  const nb = typeof n === 'number' ? toBigIntStrict(n) : n;
  const db = typeof d === 'number' ? toBigIntStrict(d) : d;
  if (db === 0n) throw new RangeError('division by zero');
  const sign = db < 0n ? -1n : 1n;
  const g = gcd(nb, db) || 1n;
  return { n: (sign * nb) / g, d: (sign * db) / g };
}

function toBigIntStrict(x: number): bigint {
  if (!Number.isSafeInteger(x)) throw new RangeError(`not a safe integer: ${x}`);
  return BigInt(x);
}

export const ZERO: Rational = rat(0n);
export const ONE: Rational = rat(1n);

export function add(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('division by zero');
  return rat(a.n * b.d, a.d * b.n);
}

export function sum(xs: readonly Rational[]): Rational {
  return xs.reduce(add, ZERO);
}

export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function min(a: Rational, b: Rational): Rational {
  return cmp(a, b) <= 0 ? a : b;
}

export function max(a: Rational, b: Rational): Rational {
  return cmp(a, b) >= 0 ? a : b;
}

export function isInteger(a: Rational): boolean {
  return a.d === 1n;
}

/** floor(a) as BigInt */
export function floor(a: Rational): bigint {
  const q = a.n / a.d; // truncates toward zero
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Round half up (towards +infinity on exact halves) to an integer. */
export function roundHalfUp(a: Rational): bigint {
  return floor(add(a, rat(1n, 2n)));
}

/**
 * THE rounding rule of the engine: an exact amount in fen is rounded half up
 * to a whole fen. Called once per output item.
 */
export function roundHalfUpToFen(amountFen: Rational): number {
  const r = roundHalfUp(amountFen);
  const n = Number(r);
  if (!Number.isSafeInteger(n)) throw new RangeError('amount out of range');
  return n;
}

/**
 * Parse a non-negative decimal number with at most `places` decimals exactly
 * (e.g. hours "10.25") into a rational, without floating-point arithmetic.
 * The number is read through its shortest round-trip string form, which is
 * exact for every decimal with few places.
 */
export function decimalToRational(x: number, places = 2): Rational {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`invalid decimal: ${x}`);
  const s = String(x);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new RangeError(`invalid decimal: ${x}`);
  const intPart = m[1] ?? '0';
  const frac = m[2] ?? '';
  if (frac.length > places) throw new RangeError(`more than ${places} decimal places: ${x}`);
  const scale = 10n ** BigInt(frac.length);
  return rat(BigInt(intPart) * scale + BigInt(frac === '' ? '0' : frac), scale);
}

/** True when `x` is a finite non-negative number with at most `places` decimals. */
export function hasAtMostDecimals(x: number, places: number): boolean {
  if (!Number.isFinite(x) || x < 0) return false;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(x));
  return m !== null && (m[2] ?? '').length <= places;
}

/**
 * Exact decimal string of a rational if it has a terminating expansion with at
 * most `maxPlaces` places (trailing zeros removed), else null.
 */
export function toExactDecimal(a: Rational, maxPlaces = 6): string | null {
  for (let p = 0; p <= maxPlaces; p++) {
    const scaled = mul(a, rat(10n ** BigInt(p)));
    if (scaled.d === 1n) return formatScaled(scaled.n, p);
  }
  return null;
}

/** Decimal string rounded half up to `places` places (trailing zeros kept). */
export function toFixedDecimal(a: Rational, places: number): string {
  const scaled = roundHalfUp(mul(a, rat(10n ** BigInt(places))));
  return formatScaled(scaled, places, true);
}

function formatScaled(v: bigint, places: number, keepZeros = false): string {
  const neg = v < 0n;
  const digits = abs(v)
    .toString()
    .padStart(places + 1, '0');
  const intPart = digits.slice(0, digits.length - places);
  let frac = places > 0 ? digits.slice(digits.length - places) : '';
  if (!keepZeros) frac = frac.replace(/0+$/, '');
  return (neg ? '-' : '') + intPart + (frac ? '.' + frac : '');
}
