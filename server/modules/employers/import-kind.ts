import { z } from 'zod';
import type { RowError } from '../../../contracts/imports.js';
import { regionWithin } from '../../../contracts/regions.js';
import { plainText } from '../../../contracts/text.js';
import { AppError } from '../../core/errors.js';
import { normalizeUscc, validateUscc } from '../../core/identifiers/uscc.js';
import { defineImportKind, type CommitOutcome } from '../imports/define.js';
import { employerBulkRepo, type EmployerImportValues, type EmployerRow } from './repository.js';

// The employer register's bulk upload (批量导入), through the platform's import pipeline.
// The rules are those of the register's form (service.ts): a USCC of the wrong shape is refused;
// one that fails only its check character is a warning, which an import keeps only when the user
// chose "accept check-character warnings" (then flagged, as the form does), and rejects otherwise.

const optional = (max: number) => plainText(max).optional();

const employerRowSchema = z.object({
  uscc: z.string().transform(normalizeUscc),
  name: plainText(128).min(2, '单位名称至少 2 个字'),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  industryCode: plainText(24).min(1),
  address: optional(256),
  contactName: optional(32),
  contactPhone: optional(20),
  contactEmail: z.string().trim().email('邮箱格式不正确').max(128).optional(),
});
export type EmployerImportRow = z.infer<typeof employerRowSchema>;

function valuesOf(row: EmployerImportRow): EmployerImportValues {
  return {
    uscc: row.uscc,
    usccCheckWarning: !validateUscc(row.uscc).ok,
    name: row.name,
    regionCode: row.regionCode,
    industryCode: row.industryCode,
    address: row.address ?? null,
    contactName: row.contactName ?? null,
    contactPhone: row.contactPhone ?? null,
    contactEmail: row.contactEmail ?? null,
  };
}

const COMPARED = [
  'usccCheckWarning',
  'name',
  'regionCode',
  'industryCode',
  'address',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const;

const sameAs = (a: EmployerImportValues, b: EmployerRow) => COMPARED.every((k) => a[k] === b[k]);

export const employersImportKind = defineImportKind<EmployerImportRow>({
  kind: 'employers',
  title: { zh: '用人单位', en: 'Employers' },
  permission: 'employers:manage',
  columns: [
    { key: 'uscc', headers: ['统一社会信用代码', 'USCC', '信用代码', '社会信用代码', 'Credit code'], required: true },
    { key: 'name', headers: ['单位名称', 'Name', '名称', '企业名称', 'Employer name', 'Employer'], required: true },
    { key: 'regionCode', headers: ['行政区划代码', 'Region code', '区划代码', 'Region'], required: true },
    { key: 'industryCode', headers: ['行业代码', 'Industry code', '行业', 'Industry'], required: true },
    { key: 'address', headers: ['地址', 'Address', '单位地址', '住所'] },
    { key: 'contactName', headers: ['联系人', 'Contact name', 'Contact'] },
    { key: 'contactPhone', headers: ['联系电话', 'Contact phone', '电话', 'Phone'] },
    { key: 'contactEmail', headers: ['电子邮箱', 'Contact email', '邮箱', 'Email', 'E-mail'] },
  ],
  rowSchema: employerRowSchema,
  naturalKey: (row) => row.uscc,

  async checkRows(deps, run, rows) {
    const errors: RowError[] = [];
    const usable = rows.filter(({ rowNo, row }) => {
      const check = validateUscc(row.uscc);
      if (check.ok || (check.reason === 'checksum' && run.acceptWarnings)) return true;
      const hint =
        check.reason === 'checksum'
          ? {
              zh: '；如核对营业执照无误，可选择“接受校验位警告”后重新导入',
              en: '; if the licence shows it so, re-import accepting check-character warnings',
            }
          : { zh: '', en: '' };
      errors.push({ row: rowNo, field: 'uscc', zh: check.message + hint.zh, en: check.messageEn + hint.en });
      return false;
    });
    const known = await employerBulkRepo.knownRegions(deps.db, [...new Set(usable.map((r) => r.row.regionCode))]);
    const existing = new Map(
      (
        await employerBulkRepo.byUsccs(
          deps.db,
          usable.map((r) => r.row.uscc),
        )
      ).map((e) => [e.uscc, e]),
    );
    for (const { rowNo, row } of usable) {
      const registered = existing.get(row.uscc);
      if (!known.has(row.regionCode)) {
        errors.push({ row: rowNo, field: 'regionCode', zh: '行政区划代码不存在', en: 'Unknown region code' });
      } else if (!regionWithin(row.regionCode, run.regionCode)) {
        errors.push({
          row: rowNo,
          field: 'regionCode',
          zh: '该单位不在您的管辖区域内',
          en: 'This employer is outside your region',
        });
      } else if (registered && !regionWithin(registered.regionCode, run.regionCode)) {
        errors.push({
          row: rowNo,
          field: 'uscc',
          zh: '该统一社会信用代码已登记在您管辖区域以外的单位',
          en: 'This USCC is registered to an employer outside your region',
        });
      }
    }
    return errors;
  },

  async commit(deps, tx, _run, rows) {
    const values = rows.map((r) => valuesOf(r.row));
    const existing = new Map(
      (
        await employerBulkRepo.byUsccs(
          tx,
          values.map((v) => v.uscc),
        )
      ).map((e) => [e.uscc, e]),
    );
    const fresh = values.filter((v) => !existing.has(v.uscc));
    const changed = values.flatMap((v) => {
      const before = existing.get(v.uscc);
      return before && !sameAs(v, before) ? [{ ...v, id: before.id, before }] : [];
    });
    const now = deps.now();
    const inserted = await employerBulkRepo.insertMany(tx, fresh, now);
    await employerBulkRepo.updateMany(tx, changed, now);
    const outcome: CommitOutcome = {
      inserted: inserted.length,
      updated: changed.length,
      unchanged: values.length - fresh.length - changed.length,
      changes: [
        ...inserted.map((r) => ({ entityId: r.id, before: null })),
        ...changed.map((c) => ({ entityId: c.id, before: { ...c.before } })),
      ],
    };
    return outcome;
  },

  async rollback(deps, tx, _run, changes, committedAt) {
    const ids = changes.map((c) => c.entityId);
    const current = await employerBulkRepo.rawByIds(tx, ids);
    const edited = current.find((e) => e.updatedAt.getTime() > committedAt.getTime());
    if (edited) {
      throw new AppError(
        'CONFLICT',
        `用人单位「${edited.name}」在导入后又被修改过，不能撤销本次导入`,
        'An employer of this import was changed after it; the import cannot be rolled back',
      );
    }
    const created = changes.filter((c) => c.before === null).map((c) => c.entityId);
    const used = await employerBulkRepo.firstUse(tx, created);
    if (used) {
      const name = current.find((e) => e.id === used.employerId)?.name ?? '';
      throw used.what === 'case'
        ? new AppError(
            'CONFLICT',
            `导入的用人单位「${name}」已被调解案件引用，不能撤销本次导入`,
            'An employer this import created is named in a dispute case; the import cannot be rolled back',
          )
        : new AppError(
            'CONFLICT',
            `导入的用人单位「${name}」已关联用户账号，不能撤销本次导入`,
            'An employer this import created is linked to a user account; the import cannot be rolled back',
          );
    }
    await employerBulkRepo.deleteByIds(tx, created);
    const restored = changes.flatMap((c) => (c.before ? [restoredValues(c.entityId, c.before)] : []));
    await employerBulkRepo.updateMany(tx, restored, deps.now());
  },
});

/** An employer's imported columns from its before-image (kept as JSON at commit). */
function restoredValues(
  id: string,
  before: Record<string, unknown>,
): EmployerImportValues & { id: string; updatedAt?: Date } {
  const text = (k: string) => (typeof before[k] === 'string' ? before[k] : null);
  return {
    id,
    uscc: text('uscc') ?? '',
    usccCheckWarning: before.usccCheckWarning === true,
    name: text('name') ?? '',
    regionCode: text('regionCode') ?? '',
    industryCode: text('industryCode') ?? '',
    address: text('address'),
    contactName: text('contactName'),
    contactPhone: text('contactPhone'),
    contactEmail: text('contactEmail'),
    // The change time it had, so that an import before this one can still be rolled back.
    updatedAt: text('updatedAt') ? new Date(text('updatedAt')!) : undefined,
  };
}
