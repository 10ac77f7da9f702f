/**
 * Small deterministic PRNG for demo-data generation (NOT for anything security-related).
 *
 * Core generator: mulberry32 (32-bit state, period 2^32). String seeds are hashed to a
 * 32-bit integer with FNV-1a followed by a murmur3-style finalizer.
 */

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniformly chosen element. Throws on an empty array. */
  pick<T>(arr: readonly T[]): T;
  /** Element chosen with probability proportional to its (non-negative) weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  /** true with probability p (p <= 0 → never, p >= 1 → always). */
  chance(p: number): boolean;
  /** Fisher–Yates shuffle into a NEW array; the input is not modified. */
  shuffle<T>(arr: readonly T[]): T[];
}

/** Hash a string seed to an unsigned 32-bit integer (FNV-1a + fmix32). */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Create a seeded generator. Equal seeds always yield equal sequences. */
export function createRng(seed: number | string): Rng {
  if (typeof seed === 'number' && !Number.isFinite(seed)) {
    throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  }
  let state = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;

  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new Error(`rng.int: invalid range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(arr: readonly T[]): T => {
    if (arr.length === 0) throw new Error('rng.pick: empty array');
    return arr[Math.floor(next() * arr.length)] as T;
  };

  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    let total = 0;
    for (const [, w] of pairs) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`rng.weighted: invalid weight ${w}`);
      total += w;
    }
    if (total <= 0) throw new Error('rng.weighted: weights must sum to a positive number');
    let r = next() * total;
    let last: T | undefined;
    let found = false;
    for (const [value, w] of pairs) {
      if (w <= 0) continue;
      last = value;
      found = true;
      if (r < w) return value;
      r -= w;
    }
    // Floating-point leftovers: fall back to the last positively weighted entry.
    if (!found) throw new Error('rng.weighted: no positive weight');
    return last as T;
  };

  const chance = (p: number): boolean => next() < p;

  const shuffle = <T>(arr: readonly T[]): T[] => {
    const out = arr.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };

  return { next, int, pick, weighted, chance, shuffle };
}
