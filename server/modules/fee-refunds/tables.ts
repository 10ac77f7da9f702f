import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type {
  ExclusionFlag,
  FeeNote,
  PolicyStatus,
  SizeCategory,
  SizeClass,
} from '../../../contracts/fee-refunds/codes.js';
import { EXCLUSION_FLAGS, SIZE_CLASSES } from '../../../contracts/fee-refunds/codes.js';
import { accounts } from '../accounts/tables.js';
import { employers } from '../employers/tables.js';
import { regions } from '../regions/tables.js';
import type { FeePolicyVersion } from './rules/policy.js';

/** A constant list of codes as SQL literals, for a check constraint. */
const quotedList = (codes: readonly string[]) => sql.raw(codes.map((c) => `'${c}'`).join(', '));

/**
 * The fee-refund profile of an enterprise: one per employer of the platform's register, which
 * keeps the enterprise's identity (USCC, name). The figures the size class is set on, the union
 * and the two accounts a refund may go to, and the class computed from them at each write.
 */
export const feeEnterprises = pgTable(
  'fee_enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .unique()
      .references(() => employers.id),
    /** 所属区划: the region whose unions the enterprise's fees and refunds belong to (the scope of a read). */
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    /** GB/T 4754-2017: the door letter, then the division, group or class digits when known ("F", "F52", "K702"). */
    industryCode: varchar('industry_code', { length: 5 }).notNull(),
    employees: integer('employees'),
    /** 营业收入 and 资产总额 in fen: 万元 with up to 6 decimals are exactly whole fen. */
    revenueFen: bigint('revenue_fen', { mode: 'number' }),
    assetsFen: bigint('assets_fen', { mode: 'number' }),
    hasUnion: boolean('has_union').notNull(),
    unionEstablishedOn: date('union_established_on', { mode: 'string' }),
    /** The union's own account: CNAPS bank code (12 digits), account number (text: it may start with 0), name. */
    unionBankCode: varchar('union_bank_code', { length: 12 }),
    unionAccountNo: text('union_account_no'),
    unionAccountName: varchar('union_account_name', { length: 128 }),
    /** The account the enterprise pays its fees from (a refund goes there when the union has none). */
    payingBankCode: varchar('paying_bank_code', { length: 12 }),
    payingAccountNo: text('paying_account_no'),
    payingAccountName: varchar('paying_account_name', { length: 128 }),
    /** null: the class could not be decided (a figure missing, finance, …); the notes say why. */
    sizeClass: varchar('size_class', { length: 8 }).$type<SizeClass>(),
    sizeCategory: varchar('size_category', { length: 32 }).$type<SizeCategory>(),
    sizeNotes: jsonb('size_notes').$type<FeeNote[]>().notNull().default([]),
    /** The classification table used (rules/size-class.ts), so a later standard can be told apart. */
    sizeStandard: varchar('size_standard', { length: 32 }).notNull(),
    /**
     * Set by a checker, never by an import: a size class declared by hand (finance enterprises,
     * 银发〔2015〕309号, or a figure the registry lacks), which the refund rules take over the
     * computed one; facts a policy version may name as excluding the enterprise; and why.
     */
    declaredSizeClass: varchar('declared_size_class', { length: 8 }).$type<SizeClass>(),
    exclusionFlags: text('exclusion_flags')
      .array()
      .$type<ExclusionFlag[]>()
      .notNull()
      .default(sql`'{}'`),
    eligibilityReason: varchar('eligibility_reason', { length: 200 }),
    /**
     * The import that registered the enterprise in the employers register together with this
     * profile: rolling that import back removes the employer again, unless it is used by then.
     */
    employerRegisteredBy: uuid('employer_registered_by'),
    /** Counts every write; a rollback checks that nothing wrote the profile after the import. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fee_enterprises_region').on(t.regionCode),
    index('fee_enterprises_size').on(t.sizeClass, t.regionCode),
    check('fee_enterprises_employees', sql`${t.employees} >= 0`),
    check('fee_enterprises_money', sql`${t.revenueFen} >= 0 and ${t.assetsFen} >= 0`),
    check('fee_enterprises_union_date', sql`${t.hasUnion} or ${t.unionEstablishedOn} is null`),
    check(
      'fee_enterprises_eligibility',
      sql`(${t.declaredSizeClass} is null or ${t.declaredSizeClass} in (${quotedList(SIZE_CLASSES)}))
        and ${t.exclusionFlags} <@ array[${quotedList(EXCLUSION_FLAGS)}]::text[]
        and ((${t.declaredSizeClass} is null and cardinality(${t.exclusionFlags}) = 0) or ${t.eligibilityReason} is not null)`,
    ),
    check(
      'fee_enterprises_union_account',
      sql`(${t.unionAccountNo} is null and ${t.unionBankCode} is null and ${t.unionAccountName} is null)
        or (${t.hasUnion} and ${t.unionAccountNo} ~ '^[0-9]{10,30}$' and ${t.unionBankCode} ~ '^[0-9]{12}$'
          and ${t.unionAccountName} is not null)`,
    ),
    check(
      'fee_enterprises_paying_account',
      sql`(${t.payingAccountNo} is null and ${t.payingBankCode} is null and ${t.payingAccountName} is null)
        or (${t.payingAccountNo} ~ '^[0-9]{10,30}$' and ${t.payingBankCode} ~ '^[0-9]{12}$'
          and ${t.payingAccountName} is not null)`,
    ),
  ],
);

/**
 * Refund policy versions as data (rules/policy.ts: FeePolicyVersion), per region and period of
 * tax; seeded with the Jiangsu 2020–2024 version. The region and dates are columns for lookups;
 * the version itself, shares and routing included, is the JSON.
 */
export const feePolicyVersions = pgTable(
  'fee_policy_versions',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    policy: jsonb('policy').$type<FeePolicyVersion>().notNull(),
    /** draft: written, not used by any run; active: in force (policies/service.ts). */
    status: varchar('status', { length: 16 }).$type<PolicyStatus>().notNull().default('active'),
    /** Who last wrote the draft; null for the seeded versions. */
    draftedBy: uuid('drafted_by').references(() => accounts.id),
    approvedBy: uuid('approved_by').references(() => accounts.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fee_policy_versions_region').on(t.regionCode, t.effectiveFrom),
    check('fee_policy_versions_dates', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
    check('fee_policy_versions_status', sql`${t.status} in ('draft', 'active')`),
    // Four eyes: a version is put in force by someone other than the person who wrote it.
    check(
      'fee_policy_versions_four_eyes',
      sql`${t.approvedBy} is null or ${t.draftedBy} is null or ${t.approvedBy} <> ${t.draftedBy}`,
    ),
  ],
);

/**
 * The tax bureau's collection data (税务征收数据): one row per e-ticket line the bureau collected
 * the union fee on, as the `tax` import brings it. The enterprise need not be in the registry
 * yet (the tax data may arrive first); the refund computation joins them by USCC later. A row is
 * the same collection when its e-ticket number and period are: the database refuses it twice.
 */
export const feeCollections = pgTable(
  'fee_collections',
  {
    /** An import gives time-ordered ids (`tax/repository.ts`): appended to the key's index, not scattered. */
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    taxpayerName: varchar('taxpayer_name', { length: 128 }).notNull(),
    /** 税款所属期起/止, inclusive. */
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** 计税依据 (the wage base) and 实缴金额 (paid), in fen. */
    wageBaseFen: bigint('wage_base_fen', { mode: 'number' }).notNull(),
    /** 税率 in basis points: 0.02 = 2% = 200. */
    rateBp: integer('rate_bp').notNull(),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull(),
    /** 电子税票号码, kept as text (long digit strings, may start with 0). */
    eTicketNo: varchar('e_ticket_no', { length: 40 }).notNull(),
    /** 征收税务机关. */
    taxOfficeName: varchar('tax_office_name', { length: 128 }).notNull(),
    /** 入库日期: the day the money reached the treasury. */
    treasuryDate: date('treasury_date', { mode: 'string' }).notNull(),
    /** 所属区划代码: the scope of every read and of the import. */
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    /** The import the row came from (its rollback deletes it). */
    importId: uuid('import_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Every index is paid for by each of a province year's 3.36 million rows at import (about a
  // second per index per 336,000 rows on this machine): only the ones a query uses. Runs,
  // settlement and reconciliation read by region and treasury date; rollback by import. Migration
  // 0024 dropped those on USCC and on (office, treasury date), which no query used.
  (t) => [
    unique('fee_collections_ticket_period').on(t.eTicketNo, t.periodFrom, t.periodTo),
    index('fee_collections_region_treasury').on(t.regionCode, t.treasuryDate),
    index('fee_collections_import').on(t.importId),
    check('fee_collections_period', sql`${t.periodTo} >= ${t.periodFrom}`),
    check('fee_collections_money', sql`${t.wageBaseFen} >= 0 and ${t.paidFen} >= 0`),
    check('fee_collections_rate', sql`${t.rateBp} between 0 and 1000`),
  ],
);

/**
 * The accepted rows of a tax import between its check and its commit (the import pipeline's fast
 * lane, `tax/staging.ts`): typed columns filled by COPY, moved into fee_collections by the commit
 * and then deleted. UNLOGGED (migration 0020): no WAL for rows that live a few seconds; a crash
 * empties the table, which the commit notices (fewer rows than accepted) and fails the import
 * rather than commit part of it. No foreign keys: checked already, and kept cheap to fill.
 */
export const feeCollectionStaging = pgTable(
  'fee_collection_staging',
  {
    importId: uuid('import_id').notNull(),
    /** The row's number in the file (header: row 1): the commit keeps file order (the first of a key wins). */
    rowNo: integer('row_no').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    taxpayerName: varchar('taxpayer_name', { length: 128 }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    wageBaseFen: bigint('wage_base_fen', { mode: 'number' }).notNull(),
    rateBp: integer('rate_bp').notNull(),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull(),
    eTicketNo: varchar('e_ticket_no', { length: 40 }).notNull(),
    taxOfficeName: varchar('tax_office_name', { length: 128 }).notNull(),
    treasuryDate: date('treasury_date', { mode: 'string' }).notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] })],
);

/**
 * A credit to the union's account (银行入账流水): the treasury's transfer of the union fees a tax
 * office collected. Matched to the collections by (tax office, treasury date) in the
 * reconciliation (`bank/reconciliation.ts`). Facts from the bank: never updated, only added or
 * taken out with their import.
 */
export const feeBankCredits = pgTable(
  'fee_bank_credits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 入账日期. */
    creditDate: date('credit_date', { mode: 'string' }).notNull(),
    /** 付款方名称, as the bank writes it (the tax office). */
    payerName: varchar('payer_name', { length: 128 }).notNull(),
    /** The payer name as it is compared with 征收税务机关 (`officeKey`: NFKC, no white space). */
    payerKey: varchar('payer_key', { length: 128 }).notNull(),
    /** 金额, in fen. */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** 流水号: one credit, once. */
    serialNo: varchar('serial_no', { length: 64 }).notNull(),
    /** The importer's region scope (null: the whole country). */
    regionCode: varchar('region_code', { length: 6 }).references(() => regions.code),
    /** The import the row came from (its rollback deletes it). */
    importId: uuid('import_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('fee_bank_credits_serial').on(t.serialNo),
    index('fee_bank_credits_payer_date').on(t.payerKey, t.creditDate),
    index('fee_bank_credits_date').on(t.creditDate),
    index('fee_bank_credits_import').on(t.importId),
    check('fee_bank_credits_money', sql`${t.amountFen} >= 0`),
  ],
);
