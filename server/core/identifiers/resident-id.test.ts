import { describe, it, expect } from 'vitest';
import {
  buildResidentId,
  chinaDateString,
  maskResidentId,
  maskResidentIdParts,
  normalizeResidentId,
  RESIDENT_ID_WEIGHTS,
  residentIdCheckChar,
  validateResidentId,
} from './resident-id.js';

/*
 * Hand computations (weights 2^(17−i) mod 11 = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
 * check = (12 − Σ mod 11) mod 11, 10 → X):
 *
 * 11010519491231002X — the example printed in GB 11643-1999 (北京市朝阳区, 1949-12-31, female):
 *   1×7 + 1×9 + 0×10 + 1×5 + 0×8 + 5×4 + 1×2 + 9×1 + 4×6 + 9×3 + 1×7 + 2×9 + 3×10 + 1×5 + 0×8 + 0×4 + 2×2
 *   = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; 12 − 2 = 10 → 'X'
 *
 * 440524188001010014 — the other GB 11643 example (1880-01-01, male):
 *   28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8; 12 − 8 = 4 → '4'.
 *   The check is right but 1880 < 1900, so our validator reports 'birthdate'.
 *
 * 44200019900307123X — 中山市, 1990-03-07, seq 123 (male):
 *   Σ = 233 (4×7+4×9+2×10+0+0+0+1×2+9×1+9×6+0+0+3×9+0+7×5+1×8+2×4+3×2 = 233);
 *   233 mod 11 = 2; 12 − 2 = 10 → 'X'
 *
 * 340104200002290028 — 合肥市, 2000-02-29 (leap day), seq 002 (female): Σ = 169; 169 mod 11 = 4;
 *   12 − 4 = 8 → '8'
 *
 * 442000198506150015 — 中山市, 1985-06-15, seq 001 (male): Σ = 249; 249 mod 11 = 7; 12 − 7 = 5 → '5'
 */

const AS_OF = new Date('2025-06-30T12:00:00+08:00');

describe('constants', () => {
  it('weights are 2^(17-i) mod 11', () => {
    expect(RESIDENT_ID_WEIGHTS).toEqual([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  });
});

describe('validateResidentId — valid', () => {
  const valid: Array<[string, string, 'male' | 'female', string]> = [
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['44200019900307123X', '1990-03-07', 'male', '442000'],
    ['340104200002290028', '2000-02-29', 'female', '340104'],
    ['442000198506150015', '1985-06-15', 'male', '442000'],
    ['11010519491231002x', '1949-12-31', 'female', '110105'], // lowercase x is normalized
    [' 442000198506150015 ', '1985-06-15', 'male', '442000'], // surrounding spaces trimmed
  ];
  it.each(valid)('%s → %s %s', (id, birthDate, sex, regionCode) => {
    expect(validateResidentId(id, AS_OF)).toEqual({ ok: true, birthDate, sex, regionCode });
  });

  it('accepts a birth date equal to asOf (China calendar date)', () => {
    const id = buildResidentId({ regionCode: '442000', birthDate: '2025-06-30', sequence: 1 });
    expect(validateResidentId(id, AS_OF).ok).toBe(true);
  });
});

describe('validateResidentId — invalid', () => {
  const invalid: Array<[string, 'format' | 'birthdate' | 'checksum', string]> = [
    ['110105194912310021', 'checksum', 'check should be X'],
    ['442000198506150016', 'checksum', 'check should be 5'],
    ['44200019900307123Y', 'format', 'illegal last char'],
    ['4420001990030712', 'format', '16 chars'],
    ['4420001990030712345', 'format', '19 chars'],
    ['442000199003071', 'format', 'legacy 15-digit number'],
    ['44200019900307A23X', 'format', 'letter in body'],
    ['04200019900307123X', 'format', 'region code starting with 0'],
    ['', 'format', 'empty'],
    [
      buildResidentId({ regionCode: '442000', birthDate: '19900228', sequence: 123 }).replace('0228', '0230'),
      'birthdate',
      'Feb 30',
    ],
    ['442000199002291233', 'birthdate', 'Feb 29 in a non-leap year (1990)'],
    ['442000199013011233', 'birthdate', 'month 13'],
    ['442000199004001233', 'birthdate', 'day 00'],
    ['442000199004311233', 'birthdate', 'April 31'],
    ['440524188001010014', 'birthdate', 'GB example born 1880 (< 1900)'],
    [
      buildResidentId({ regionCode: '442000', birthDate: '2025-07-01', sequence: 2 }),
      'birthdate',
      'future: one day after asOf',
    ],
    [buildResidentId({ regionCode: '442000', birthDate: '2090-01-01', sequence: 2 }), 'birthdate', 'future: 2090'],
  ];
  it.each(invalid)('%s → %s (%s)', (id, reason) => {
    const r = validateResidentId(id, AS_OF);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(/身份证|出生/);
      expect(r.messageEn).toMatch(/resident ID/i);
    }
  });

  it('reports birth date before checksum (Feb 30 with an arbitrary check char)', () => {
    expect(validateResidentId('442000199002301230', AS_OF)).toMatchObject({ ok: false, reason: 'birthdate' });
  });

  it('uses the China calendar date of asOf', () => {
    // 2025-06-30T16:30Z is already 2025-07-01 00:30 in Beijing.
    const id = buildResidentId({ regionCode: '442000', birthDate: '2025-07-01', sequence: 1 });
    expect(validateResidentId(id, new Date('2025-06-30T16:30:00Z')).ok).toBe(true);
    expect(validateResidentId(id, new Date('2025-06-30T15:30:00Z')).ok).toBe(false);
    expect(chinaDateString(new Date('2025-06-30T16:30:00Z'))).toBe('2025-07-01');
  });
});

describe('residentIdCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['34010420000229002', '8'],
    ['44200019850615001', '5'],
  ])('%s → %s', (first17, check) => {
    expect(residentIdCheckChar(first17)).toBe(check);
  });
  it('throws on non-digits', () => {
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow();
  });
});

describe('normalizeResidentId / maskResidentId', () => {
  it('normalizes lowercase x and whitespace', () => {
    expect(normalizeResidentId(' 11010519491231002x ')).toBe('11010519491231002X');
  });
  it.each([
    ['442000198506150015', '4420**********0015'],
    ['11010519491231002x', '1101**********002X'],
    ['1234', '****'],
  ])('mask %s → %s', (id, masked) => {
    expect(maskResidentId(id)).toBe(masked);
  });
});

describe('maskResidentIdParts', () => {
  it('masks from the stored head and tail exactly as from the full number', () => {
    expect(maskResidentIdParts('4420', '0015')).toBe(maskResidentId('442000198506150015'));
    expect(maskResidentIdParts('1101', '002X')).toBe('1101**********002X');
  });
  it('is null when no ID is on file', () => {
    expect(maskResidentIdParts(null, null)).toBeNull();
    expect(maskResidentIdParts('4420', null)).toBeNull();
    expect(maskResidentIdParts(undefined, '0015')).toBeNull();
  });
});

describe('buildResidentId', () => {
  it('builds the GB example', () => {
    expect(buildResidentId({ regionCode: '110105', birthDate: '1949-12-31', sequence: 2 })).toBe('11010519491231002X');
    expect(buildResidentId({ regionCode: '110105', birthDate: '19491231', sequence: 2 })).toBe('11010519491231002X');
  });
  it('sex follows sequence parity', () => {
    const male = validateResidentId(
      buildResidentId({ regionCode: '340100', birthDate: '1970-01-01', sequence: 997 }),
      AS_OF,
    );
    const female = validateResidentId(
      buildResidentId({ regionCode: '340100', birthDate: '1970-01-01', sequence: 998 }),
      AS_OF,
    );
    expect(male).toMatchObject({ ok: true, sex: 'male' });
    expect(female).toMatchObject({ ok: true, sex: 'female' });
  });
  it('throws on invalid input', () => {
    expect(() => buildResidentId({ regionCode: '44200', birthDate: '1990-01-01', sequence: 1 })).toThrow();
    expect(() => buildResidentId({ regionCode: '442000', birthDate: '1990-02-30', sequence: 1 })).toThrow();
    expect(() => buildResidentId({ regionCode: '442000', birthDate: '1990-01-01', sequence: 1000 })).toThrow();
  });
});
