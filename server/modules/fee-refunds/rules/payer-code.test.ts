import { describe, expect, it } from 'vitest';
import { buildUscc, usccCheckChar } from '../../../core/identifiers/uscc.js';
import { checkPayerUscc } from './payer-code.js';

/** 17 characters with the right check character appended. */
function withCheck(first17: string): string {
  return first17 + usccCheckChar(first17);
}

describe('checkPayerUscc', () => {
  it('accepts a well-formed enterprise code and names its kind', () => {
    // The public code hand-checked in server/core/identifiers/uscc.test.ts.
    expect(checkPayerUscc('91350100M000100Y43')).toEqual({
      status: 'valid',
      uscc: '91350100M000100Y43',
      registration: { zh: '企业', en: 'Enterprise' },
    });
    const kunshan = buildUscc({
      registrationAuthority: '9',
      entityType: '2',
      regionCode: '320583',
      orgCodeBody8: 'MA1X2Y3B',
    });
    expect(checkPayerUscc(` ${kunshan.toLowerCase()} `)).toMatchObject({
      status: 'valid',
      uscc: kunshan,
      registration: { zh: '个体工商户' },
    });
  });

  it('accepts the authorities added after GB 32100-2015: a law firm (31), a grassroots union (81), a village collective (N2)', () => {
    for (const head of ['31', '81', 'N2']) {
      expect(checkPayerUscc(withCheck(`${head}320100MA1X2Y3B0`)).status).toBe('valid');
    }
  });

  it('a wrong check character is a warning the user may accept', () => {
    const r = checkPayerUscc('91350100M000100Y44');
    expect(r).toMatchObject({ status: 'check_char_warning', registration: { zh: '企业' } });
    if (r.status === 'check_char_warning') expect(r.zh).toContain('第18位应为“3”');
  });

  it.each([
    ['9135010M000100Y43', '18'],
    ['91350100M000100I43', '非法字符'],
    ['913501A0M000100Y43', '第3–8位'],
  ])('refuses the format of %s (the core checker’s words)', (code, words) => {
    const r = checkPayerUscc(code);
    expect(r.status).toBe('rejected');
    if (r.status === 'rejected') expect(r.zh).toContain(words);
  });

  it('refuses an unknown authority or entity type even with a right check character', () => {
    for (const head of ['B1', '94', '10', 'Y2']) {
      const r = checkPayerUscc(withCheck(`${head}320100MA1X2Y3B0`));
      expect(r.status).toBe('rejected');
      if (r.status === 'rejected') expect(r.zh).toContain(`“${head}”`);
    }
  });

  it('refuses a region that is no province, and takes 100000 for national registrations', () => {
    const foreign = checkPayerUscc(withCheck('91990000MA1X2Y3B0'));
    expect(foreign.status).toBe('rejected');
    if (foreign.status === 'rejected') expect(foreign.en).toContain('"990000"');
    expect(checkPayerUscc(withCheck('11100000MA1X2Y3B0')).status).toBe('valid');
    expect(checkPayerUscc(withCheck('91100100MA1X2Y3B0')).status).toBe('rejected');
  });
});
