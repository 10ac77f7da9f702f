import { z } from 'zod';
import { todayInChina } from '../../../../contracts/dates.js';
import type { RowError } from '../../../../contracts/imports.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { validateUscc } from '../../../core/identifiers/uscc.js';
import { employersByUscc } from '../../employers/service.js';
import { defineImportKind } from '../../imports/define.js';
import { feeEnterpriseRepo } from './repository.js';
import { ENTERPRISE_COLUMNS, readEnterpriseRow, type EnterpriseCells, type EnterpriseImportRow } from './row.js';
import { commitEnterprises, rollbackEnterprises } from './writes.js';

// The enterprise registry (企业名录) of the fee refunds, through the platform's import pipeline.
// The enterprise's identity stays with the employers register (found or registered by USCC
// through its service); this kind writes the fee-refund profile beside it.

/** The pipeline's name of the kind (the fee-refund API calls it `enterprises`). */
export const ENTERPRISES_IMPORT_KIND = 'fee_enterprises';

/** The cells of a row (the pipeline hands over the mapped, trimmed, non-blank ones) read by row.ts. */
const enterpriseRowSchema = z.record(z.string(), z.string()).transform((input, ctx): EnterpriseImportRow => {
  const cells: EnterpriseCells = {};
  for (const key of ENTERPRISE_COLUMNS) if (input[key] !== undefined) cells[key] = input[key];
  const read = readEnterpriseRow(cells);
  if (read.ok) return read.row;
  for (const e of read.errors)
    ctx.addIssue({ code: 'custom', path: [e.field], message: e.zh, params: { en: e.en }, input: cells[e.field] });
  return z.NEVER;
});

const REVISIT = {
  zh: '；如核对营业执照无误，可选择“接受校验位警告”后重新导入',
  en: '; if the licence shows it so, import again accepting check-character warnings',
};

export const enterprisesImportKind = defineImportKind<EnterpriseImportRow>({
  kind: ENTERPRISES_IMPORT_KIND,
  title: { zh: '经费返还企业名录', en: 'Fee-refund enterprise registry' },
  permission: 'fee_refunds:import',
  // The template's headers, exactly; each with its English name (the second) as an alias.
  columns: [
    { key: 'uscc', headers: ['统一社会信用代码', 'USCC'], required: true },
    { key: 'name', headers: ['企业名称', 'Enterprise name'], required: true },
    { key: 'regionCode', headers: ['所属区划代码', 'Region code'], required: true },
    { key: 'industryCode', headers: ['行业门类', 'Industry'], required: true },
    { key: 'employees', headers: ['从业人员', 'Employees'], required: true },
    { key: 'revenueWan', headers: ['营业收入（万元）', 'Revenue (10,000 yuan)', '营业收入(万元)'], required: true },
    { key: 'assetsWan', headers: ['资产总额（万元）', 'Total assets (10,000 yuan)', '资产总额(万元)'], required: true },
    { key: 'union', headers: ['是否建会', 'Union established'], required: true },
    { key: 'unionEstablishedOn', headers: ['建会日期', 'Union established on'], required: true },
    { key: 'unionBankCode', headers: ['工会账户开户行号', 'Union account bank code'], required: true },
    { key: 'unionAccountNo', headers: ['工会账户账号', 'Union account number'], required: true },
    { key: 'unionAccountName', headers: ['工会账户户名', 'Union account name'], required: true },
    { key: 'payingBankCode', headers: ['缴费账户开户行号', 'Paying account bank code'], required: true },
    { key: 'payingAccountNo', headers: ['缴费账户账号', 'Paying account number'], required: true },
    { key: 'payingAccountName', headers: ['缴费账户户名', 'Paying account name'], required: true },
  ],
  rowSchema: enterpriseRowSchema,
  naturalKey: (row) => row.uscc,

  async checkRows(deps, run, rows) {
    const errors: RowError[] = [];
    const today = todayInChina(deps.now());
    const known = await feeEnterpriseRepo.knownRegions(deps.db, [...new Set(rows.map((r) => r.row.regionCode))]);
    const registered = await employersByUscc(
      deps.db,
      rows.map((r) => r.row.uscc),
    );
    const profiles = new Map(
      (
        await feeEnterpriseRepo.byEmployerIds(
          deps.db,
          [...registered.values()].map((e) => e.id),
        )
      ).map((p) => [p.employerId, p]),
    );
    for (const { rowNo, row } of rows) {
      const add = (field: string, zh: string, en: string) => errors.push({ row: rowNo, field, zh, en });
      if (row.usccCheckWarning && !run.acceptWarnings) {
        const check = validateUscc(row.uscc);
        if (!check.ok) add('uscc', check.message + REVISIT.zh, check.messageEn + REVISIT.en);
      }
      const employer = registered.get(row.uscc);
      const profile = employer ? profiles.get(employer.id) : undefined;
      if (!known.has(row.regionCode)) add('regionCode', '「所属区划代码」不存在', '"Region code": unknown region code');
      else if (!regionWithin(row.regionCode, run.regionCode))
        add('regionCode', '该企业不在您的管辖区域内', 'This enterprise is outside your region');
      if (employer && !regionWithin(employer.regionCode, run.regionCode))
        add(
          'uscc',
          '该统一社会信用代码已登记在您管辖区域以外的单位',
          'This USCC is registered to an employer outside your region',
        );
      else if (profile && !regionWithin(profile.regionCode, run.regionCode))
        add(
          'uscc',
          '该企业已由您管辖区域以外的工会登记在经费返还名录中',
          "This enterprise is in another region's fee-refund registry",
        );
      if (row.unionEstablishedOn !== undefined && row.unionEstablishedOn > today)
        add(
          'unionEstablishedOn',
          `「建会日期」${row.unionEstablishedOn} 晚于今天`,
          `"Union established on": ${row.unionEstablishedOn} is after today`,
        );
    }
    return errors;
  },

  commit: (deps, tx, run, rows) => commitEnterprises(deps, tx, run, rows),
  rollback: (_deps, tx, run, changes, committedAt) => rollbackEnterprises(tx, run, changes, committedAt),
});
