import { describe, it, expect } from 'vitest';
import { isValidMobile, validateMobile } from './phone.js';

// Normalising and masking are tested with their definition, in contracts/identifiers.test.ts.

describe('validateMobile', () => {
  const valid: Array<[string, string]> = [
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['16600001111', '16600001111'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['86 138 1234 5678', '13812345678'],
  ];
  it.each(valid)('%s is valid → %s', (input, normalized) => {
    expect(validateMobile(input)).toEqual({ ok: true, normalized });
    expect(isValidMobile(input)).toBe(true);
  });

  const invalid: Array<[string, string]> = [
    ['12812345678', 'second digit 2'],
    ['10012345678', 'second digit 0'],
    ['1381234567', '10 digits'],
    ['138123456789', '12 digits'],
    ['23812345678', 'does not start with 1'],
    ['1381234567a', 'letter'],
    ['02012345678', 'landline-like'],
    ['', 'empty'],
  ];
  it.each(invalid)('%s is invalid (%s)', (input) => {
    const r = validateMobile(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('format');
      expect(r.message).toContain('手机号码');
      expect(r.messageEn).toMatch(/mobile/i);
    }
  });
});
