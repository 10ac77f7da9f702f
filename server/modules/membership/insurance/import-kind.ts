import { z } from 'zod';
import type { RowError } from '../../../../contracts/imports.js';
import { INSURANCE_IMPORT_KIND } from '../../../../contracts/membership/insurance-codes.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { AppError } from '../../../core/errors.js';
import { maskResidentId } from '../../../core/identifiers/resident-id.js';
import { defineImportKind } from '../../imports/define.js';
import { peopleByResidentIdHashes, residentIdColumns, type ResidentIdColumns } from '../../people/service.js';
import { insuranceRepo } from './repository.js';
import { INSURANCE_COLUMNS, readInsuranceRow, type InsuranceCells, type InsuranceFileRow } from './row.js';
import { insuranceBulkLane } from './writes.js';

// The members' work-injury cover (参保名单) through the platform's import pipeline: each row one
// cover of one worker. A worker not in the people register yet is registered through the people
// module (with the row's region, else the importer's); the same cover again (person, scheme, start day) adds nothing,
// and repeated in one file it is rejected, naming the first row.

/**
 * A row as checked. The check seals the resident ID (encrypted and hashed by the people module's
 * rules) and keeps only its masked form in `residentId`, so the staged rows (the sealed columns in
 * membership_insurance_staging) and the natural keys never hold the number in clear; the rows
 * rejected keep their cells for the errors file.
 */
export interface InsuranceImportRow extends InsuranceFileRow {
  sealed?: ResidentIdColumns;
}

const insuranceRowSchema = z.record(z.string(), z.string()).transform((input, ctx): InsuranceImportRow => {
  const cells: InsuranceCells = {};
  for (const key of INSURANCE_COLUMNS) if (input[key] !== undefined) cells[key] = input[key];
  const read = readInsuranceRow(cells);
  if (read.ok) return read.row;
  for (const e of read.errors)
    ctx.addIssue({ code: 'custom', path: [e.field], message: e.zh, params: { en: e.en }, input: cells[e.field] });
  return z.NEVER;
});

const NATIONAL_NEEDS_REGION = {
  zh: '全国范围的账号导入时，每行须填写「所属区划代码」',
  en: 'A country-wide account must give the "Region code" of every row',
};

export const insuranceImportKind = defineImportKind<InsuranceImportRow>({
  kind: INSURANCE_IMPORT_KIND,
  title: { zh: '会员参保名单', en: 'Members’ insurance cover' },
  permission: 'membership:manage',
  // The resident ID first: the natural key starts with it (named in the duplicate-row message).
  columns: [
    { key: 'residentId', headers: ['身份证号', 'Resident ID', '身份证号码', '公民身份号码'], required: true },
    { key: 'name', headers: ['姓名', 'Name'], required: true },
    { key: 'phone', headers: ['手机号', 'Phone', '手机号码', '联系电话'] },
    { key: 'scheme', headers: ['险种', 'Scheme', '保险类型', '保障类型'], required: true },
    { key: 'insurer', headers: ['保险公司', 'Insurer', '承保机构'], required: true },
    { key: 'policyNo', headers: ['保单号', 'Policy number', '保单号码'] },
    { key: 'startsOn', headers: ['起保日期', 'Start date', '保险起期'], required: true },
    { key: 'endsOn', headers: ['终保日期', 'End date', '保险止期'], required: true },
    { key: 'regionCode', headers: ['所属区划代码', 'Region code'] },
  ],
  rowSchema: insuranceRowSchema,
  naturalKey: (row) => `${row.sealed?.residentIdHash ?? 'unsealed'}|${row.scheme}|${row.startsOn}`,

  async checkRows(deps, run, rows) {
    const errors: RowError[] = [];
    const add = (row: number, field: string, text: { zh: string; en: string }) =>
      errors.push({ row, field, zh: text.zh, en: text.en });
    for (const { rowNo, row } of rows) {
      try {
        row.sealed = residentIdColumns(deps, row.residentId, 'residentId');
        row.residentId = maskResidentId(row.residentId);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        add(rowNo, 'residentId', { zh: `「身份证号」${err.message}`, en: `"Resident ID": ${err.messageEn}` });
      }
    }
    const sealed = rows.filter((r) => r.row.sealed);
    const known = await insuranceRepo.knownRegions(deps.db, [
      ...new Set(sealed.flatMap((r) => (r.row.regionCode ? [r.row.regionCode] : []))),
    ]);
    const registered = await peopleByResidentIdHashes(
      deps.db,
      sealed.map((r) => r.row.sealed!.residentIdHash),
    );
    const memberRegions = await insuranceRepo.memberRegions(
      deps.db,
      [...registered.values()].map((p) => p.id),
    );
    for (const { rowNo, row } of sealed) {
      if (!row.regionCode && !run.regionCode) add(rowNo, 'regionCode', NATIONAL_NEEDS_REGION);
      else if (row.regionCode && !known.has(row.regionCode))
        add(rowNo, 'regionCode', { zh: '「所属区划代码」不存在', en: '"Region code": unknown region code' });
      else if (row.regionCode && !regionWithin(row.regionCode, run.regionCode))
        add(rowNo, 'regionCode', {
          zh: '「所属区划代码」不在您的管辖区域内',
          en: '"Region code": outside your region',
        });
      const person = registered.get(row.sealed!.residentIdHash);
      if (!person) continue;
      // A worker registered elsewhere is in scope once they are a member here (the register's rule).
      if (
        !regionWithin(person.regionCode, run.regionCode) &&
        !regionWithin(memberRegions.get(person.id), run.regionCode)
      )
        add(rowNo, 'residentId', {
          zh: '「身份证号」已登记为您管辖区域以外的人员，且不是本区域的会员',
          en: '"Resident ID": registered to a person outside your region who is not a member here',
        });
      else if (person.name !== row.name)
        add(rowNo, 'name', {
          zh: '「姓名」与该身份证号已登记的姓名不一致，请核对',
          en: '"Name": differs from the name registered with this resident ID; check it',
        });
    }
    return errors;
  },

  // The fast lane (writes.ts): COPY into a typed staging table while the file is read, the
  // people and covers moved by INSERT … SELECT at commit, rollback by import.
  bulk: insuranceBulkLane,
});
