import { describe, expect, it } from 'vitest';
import { buildUscc, usccCheckChar } from '../../../core/identifiers/uscc.js';
import { readEnterpriseRow, type EnterpriseCells } from './row.js';

const USCC = buildUscc({ registrationAuthority: '9', entityType: '1', regionCode: '320505', orgCodeBody8: 'MA1XK7Q2' });

const GOOD: EnterpriseCells = {
  uscc: USCC.toLowerCase(),
  name: '苏州高新区精工模具有限公司',
  regionCode: '320505',
  industryCode: 'c 35',
  employees: '1,250',
  revenueWan: '2,999.999999',
  assetsWan: '300',
  union: '是',
  unionEstablishedOn: '2019年3月8日',
  unionBankCode: '102305002019',
  unionAccountNo: '0010 2030 4050 6070 89',
  unionAccountName: '苏州高新区精工模具有限公司工会委员会',
  payingBankCode: '001305000016',
  payingAccountNo: '0000123456',
  payingAccountName: '苏州高新区精工模具有限公司',
};

function errorsOf(cells: EnterpriseCells) {
  const read = readEnterpriseRow(cells);
  expect(read.ok).toBe(false);
  return read.ok ? [] : read.errors;
}

describe('an enterprise registry row', () => {
  it('reads a full row: codes normalized, 万元 to the fen, account numbers as text with their zeros', () => {
    const read = readEnterpriseRow(GOOD);
    expect(read).toEqual({
      ok: true,
      row: {
        uscc: USCC,
        usccCheckWarning: false,
        name: '苏州高新区精工模具有限公司',
        regionCode: '320505',
        industryCode: 'C35',
        employees: 1250,
        revenueWan: '2999.999999',
        revenueFen: 2_999_999_999,
        assetsWan: '300',
        assetsFen: 300_000_000,
        union: '是',
        hasUnion: true,
        unionEstablishedOn: '2019-03-08',
        unionBankCode: '102305002019',
        unionAccountNo: '001020304050607089',
        unionAccountName: '苏州高新区精工模具有限公司工会委员会',
        payingBankCode: '001305000016',
        payingAccountNo: '0000123456',
        payingAccountName: '苏州高新区精工模具有限公司',
      },
    });
  });

  it('keeps a row without figures or accounts: the class is decided (or not) later', () => {
    const read = readEnterpriseRow({
      uscc: USCC,
      name: '某某商贸',
      regionCode: '320505',
      industryCode: 'F',
      union: '否',
    });
    expect(read.ok && read.row).toMatchObject({ industryCode: 'F', hasUnion: false, union: '否' });
    expect(read.ok && 'employees' in read.row).toBe(false);
  });

  it('keeps a failing check character as a warning for the import to decide', () => {
    const first17 = USCC.slice(0, 17);
    const wrong = first17 + (usccCheckChar(first17) === '0' ? '1' : '0');
    const read = readEnterpriseRow({ ...GOOD, uscc: wrong });
    expect(read.ok && read.row.usccCheckWarning).toBe(true);
  });

  it('names every bad cell of a row at once, in Chinese and English', () => {
    const errors = errorsOf({
      uscc: '91320505MA1XK7Q',
      name: 'X',
      regionCode: '3205',
      industryCode: 'Z9',
      employees: '12.5',
      revenueWan: '1.0000001',
      assetsWan: '-3',
      union: '有',
      unionBankCode: '10230500201',
      unionAccountNo: '123456789',
      payingAccountNo: '6.222021001123457e+18',
      payingBankCode: '102305002019',
      payingAccountName: '苏州某公司',
    });
    const by = Object.fromEntries(errors.map((e) => [e.field, e]));
    expect(Object.keys(by).sort()).toEqual(
      [
        'uscc',
        'name',
        'regionCode',
        'industryCode',
        'employees',
        'revenueWan',
        'assetsWan',
        'union',
        'unionBankCode',
        'unionAccountNo',
        'unionAccountName',
        'payingAccountNo',
      ].sort(),
    );
    expect(by.uscc).toMatchObject({ zh: '应为18位，当前为15位', en: 'must be 18 characters long (got 15)' });
    expect(by.employees?.en).toBe('"12.5" must be a whole number of people, 0 or more');
    expect(by.revenueWan?.zh).toContain('最多保留6位小数');
    expect(by.assetsWan?.en).toContain('cannot be negative');
    expect(by.union).toMatchObject({ zh: '应填“是”或“否”，不是“有”', en: 'must be 是 (yes) or 否 (no)' });
    expect(by.unionBankCode?.zh).toContain('应为 12 位数字的开户行行号；如该列在表格中是数字格式');
    expect(by.unionAccountNo?.en).toContain('must be 10 to 30 digits; if the column is a number column');
    expect(by.unionAccountName?.en).toContain('give the bank code, the account number and the account name together');
    // A long number the spreadsheet turned into its exponent form is refused, not read as digits.
    expect(by.payingAccountNo?.zh).toContain('“6.222021001123457e+18”应为 10–30 位数字');
  });

  it('holds the union columns to the union: a date only with a union, and required with it', () => {
    expect(errorsOf({ ...GOOD, unionEstablishedOn: undefined })).toEqual([
      {
        field: 'unionEstablishedOn',
        zh: '已建会的企业须填写建会日期',
        en: 'is required when the enterprise has a union',
      },
    ]);
    const noUnion = errorsOf({ ...GOOD, union: '否' });
    expect(noUnion.map((e) => e.field)).toEqual(['unionEstablishedOn', 'unionAccountNo']);
    expect(noUnion[1]?.zh).toContain('未建会的企业没有工会账户');
    expect(errorsOf({ ...GOOD, unionEstablishedOn: '2021-02-30' })[0]).toMatchObject({
      field: 'unionEstablishedOn',
      en: '"2021-02-30" is not a valid date (e.g. 2021-03-08)',
    });
  });

  it('reads an industry code by GB/T 4754-2017: the letter with its digits, or the digits alone', () => {
    const code = (industryCode: string) => {
      const read = readEnterpriseRow({ ...GOOD, industryCode });
      return read.ok ? read.row.industryCode : null;
    };
    expect(code('k702')).toBe('K702');
    expect(code('5211')).toBe('F5211');
    expect(code('C52')).toBeNull(); // 52 is retail, under F, not C
    expect(code('U')).toBeNull();
  });
});
