// GB/T 2260 region codes: 6 digits, province "44xxxx" → city "4420xx" → county "442000".
// A scope code covers every code that starts with its significant prefix.

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** Is `code` inside the region `scope`? A null scope is the whole country. */
export function regionWithin(code: string | null | undefined, scope: string | null | undefined): boolean {
  if (!scope) return true;
  if (!code) return false;
  return code.startsWith(regionPrefix(scope));
}
