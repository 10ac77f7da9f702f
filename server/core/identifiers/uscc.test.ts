import { describe, it, expect } from 'vitest';
import {
  buildUscc,
  normalizeUscc,
  orgCodeCheckChar,
  USCC_CHARSET,
  USCC_WEIGHTS,
  usccCheckChar,
  validateUscc,
} from './uscc.js';

/*
 * Hand computation for the well-known public code 91350100M000100Y43.
 *
 * Charset values: 0–9 → 0–9, A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25
 * T26 U27 W28 X29 Y30. Weights 3^(i−1) mod 31: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
 *
 *   9×1=9  1×3=3  3×9=27  5×27=135  0×19=0  1×26=26  0×16=0  0×17=0  M(21)×20=420
 *   0×29=0 0×25=0 0×13=0  1×8=8     0×24=0  0×10=0   Y(30)×30=900   4×28=112
 *   Σ = 1640; 1640 mod 31 = 28 (31×52 = 1612); (31 − 28) mod 31 = 3 → '3'  ✓
 *
 * Its embedded organization code M000100Y-4 (GB 11714, letters A=10 … Z=35, weights 3 7 9 10 5 8 4 2):
 *   M(22)×3=66 + 0 + 0 + 0 + 1×5=5 + 0 + 0 + Y(34)×2=68 = 139; 139 mod 11 = 7; 11 − 7 = 4 → '4'  ✓
 *
 * Built code 91442000MA4UP1L8X6 (中山市, authority 9, type 1, org body MA4UP1L8):
 *   org check: M22×3=66 A10×7=70 4×9=36 U30×10=300 P25×5=125 1×8=8 L21×4=84 8×2=16 → 705;
 *              705 mod 11 = 1; 11 − 1 = 10 → 'X'
 *   USCC:      9 3 36 108 38 0 0 0 M21×20=420 A10×29=290 4×25=100 U27×13=351 P23×8=184
 *              1×24=24 L20×10=200 8×30=240 X29×28=812 → Σ 2815; 2815 mod 31 = 25; 31 − 25 = 6 → '6'
 *
 * The other public enterprise codes below were checked the same way (both the USCC check and the
 * embedded organization-code check hold): 914403001922038216 (org code 19220382-1),
 * 9144030071526726XG (org code 71526726-X), 91110108551385082Q (org code 55138508-2).
 */

describe('USCC constants', () => {
  it('charset has 31 symbols and excludes I, O, Z, S, V', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    for (const ch of 'IOZSV') expect(USCC_CHARSET).not.toContain(ch);
  });
  it('weights are 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
});

describe('validateUscc — valid codes', () => {
  const valid: Array<[string, string]> = [
    ['91350100M000100Y43', 'well-known public code, hand-checked above'],
    ['914403001922038216', 'public enterprise code (Shenzhen)'],
    ['9144030071526726XG', 'public enterprise code ending in letter G, org check X'],
    ['91110108551385082Q', 'public enterprise code (Beijing Haidian)'],
    ['91442000MA4UP1L8X6', 'built for 中山市, hand-checked above'],
    [' 91350100m000100y43 ', 'lower case and surrounding spaces are normalized'],
  ];
  it.each(valid)('%s (%s)', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true });
  });
});

describe('validateUscc — invalid codes', () => {
  const invalid: Array<[string, 'format' | 'checksum', string]> = [
    ['91350100M000100Y44', 'checksum', 'last char should be 3'],
    ['91350100M000100Y4X', 'checksum', 'valid charset letter but wrong check'],
    ['914403001922038217', 'checksum', 'last digit changed'],
    ['91350100M000100Y4', 'format', '17 chars'],
    ['91350100M000100Y433', 'format', '19 chars'],
    ['', 'format', 'empty'],
    ['91350100I000100Y43', 'format', 'illegal letter I'],
    ['91350100O000100Y43', 'format', 'illegal letter O'],
    ['91350100Z000100Y43', 'format', 'illegal letter Z'],
    ['91350100S000100Y43', 'format', 'illegal letter S'],
    ['91350100V000100Y43', 'format', 'illegal letter V'],
    ['91350100M000100Y4-', 'format', 'punctuation'],
    ['9135A100M000100Y43', 'format', 'letter in region-code positions 3–8'],
    ['９1350100M000100Y43', 'format', 'full-width digit'],
  ];
  it.each(invalid)('%s → %s (%s)', (code, reason) => {
    const r = validateUscc(code);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message.length).toBeGreaterThan(0);
      expect(r.messageEn.length).toBeGreaterThan(0);
    }
  });

  it('checksum message names the expected character', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(r).toMatchObject({ ok: false, reason: 'checksum' });
    if (!r.ok) {
      expect(r.message).toContain('3');
      expect(r.messageEn).toContain('"3"');
    }
  });

  it('illegal-letter message names the offending letter', () => {
    const r = validateUscc('91350100I000100Y43');
    if (r.ok) throw new Error('expected failure');
    expect(r.messageEn).toContain('"I"');
  });
});

describe('usccCheckChar / orgCodeCheckChar', () => {
  it.each([
    ['91350100M000100Y4', '3'],
    ['91442000MA4UP1L8X', '6'],
    ['91440300192203821', '6'],
  ])('usccCheckChar(%s) = %s', (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
  });

  it.each([
    ['M000100Y', '4'],
    ['MA4UP1L8', 'X'],
    ['19220382', '1'],
    ['71526726', 'X'],
  ])('orgCodeCheckChar(%s) = %s', (body, check) => {
    expect(orgCodeCheckChar(body)).toBe(check);
  });

  it('orgCodeCheckChar maps 11 to "0"', () => {
    // 00000000 → Σ 0 → 11 − 0 = 11 → '0'
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });

  it('rejects malformed input', () => {
    expect(() => usccCheckChar('123')).toThrow();
    expect(() => usccCheckChar('91350100I000100Y4')).toThrow();
    expect(() => orgCodeCheckChar('1234567')).toThrow();
  });
});

describe('normalizeUscc', () => {
  it('trims and upper-cases', () => {
    expect(normalizeUscc('  91350100m000100y43\n')).toBe('91350100M000100Y43');
  });
});

describe('buildUscc', () => {
  it('builds the documented example', () => {
    expect(
      buildUscc({ registrationAuthority: '9', entityType: '1', regionCode: '442000', orgCodeBody8: 'MA4UP1L8' }),
    ).toBe('91442000MA4UP1L8X6');
  });

  it('reproduces a real public code from its parts', () => {
    expect(
      buildUscc({ registrationAuthority: '9', entityType: '1', regionCode: '350100', orgCodeBody8: 'M000100Y' }),
    ).toBe('91350100M000100Y43');
  });

  it.each([
    ['9', '1', '442000', '12345678'],
    ['8', '1', '340100', 'MA2N7Q0B'], // trade union (authority 8)
    ['5', '1', '110105', 'MJ0001X3'],
  ])('authority %s type %s region %s body %s validates', (ra, et, region, body) => {
    const code = buildUscc({ registrationAuthority: ra, entityType: et, regionCode: region, orgCodeBody8: body });
    expect(code).toHaveLength(18);
    expect(validateUscc(code)).toEqual({ ok: true });
    expect(code.charAt(16)).toBe(orgCodeCheckChar(body));
  });

  it('throws on bad parts', () => {
    const base = { registrationAuthority: '9', entityType: '1', regionCode: '442000', orgCodeBody8: '12345678' };
    expect(() => buildUscc({ ...base, regionCode: '4420' })).toThrow();
    expect(() => buildUscc({ ...base, registrationAuthority: 'I' })).toThrow();
    expect(() => buildUscc({ ...base, orgCodeBody8: '1234567O' })).toThrow();
  });
});
