import { date, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The accepted rows of an insurance import between its check and its commit (the import
 * pipeline's fast lane): typed columns filled by COPY while the file is read, the resident ID
 * already sealed (encrypted, keyed hash, head and tail: never in clear), moved into people and
 * membership_insurance by the commit and then deleted. UNLOGGED (migration 0034): no WAL for rows
 * that live seconds; a crash empties the table, which the commit notices and fails the import.
 * No foreign keys: checked already, and kept cheap to fill.
 */
export const membershipInsuranceStaging = pgTable(
  'membership_insurance_staging',
  {
    importId: uuid('import_id').notNull(),
    /** The row's number in the file (header: row 1): the first row of a worker names them. */
    rowNo: integer('row_no').notNull(),
    name: varchar('name', { length: 32 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    residentIdEnc: text('resident_id_enc').notNull(),
    residentIdHash: varchar('resident_id_hash', { length: 64 }).notNull(),
    residentIdHead: varchar('resident_id_head', { length: 4 }).notNull(),
    residentIdTail: varchar('resident_id_tail', { length: 4 }).notNull(),
    sex: varchar('sex', { length: 8 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    scheme: varchar('scheme', { length: 24 }).notNull(),
    insurer: varchar('insurer', { length: 64 }).notNull(),
    policyNo: varchar('policy_no', { length: 40 }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] })],
);
