import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { regions } from '../regions/tables.js';

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 32 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    /** AES-256-GCM ciphertext (see core/crypto.ts); never stored in clear. */
    residentIdEnc: text('resident_id_enc'),
    /** Keyed HMAC of the normalized ID: lets us find a person by ID without decrypting. */
    residentIdHash: varchar('resident_id_hash', { length: 64 }).unique(),
    /** Last four characters, kept to render the masked form without decrypting. */
    residentIdTail: varchar('resident_id_tail', { length: 4 }),
    residentIdHead: varchar('resident_id_head', { length: 4 }),
    sex: varchar('sex', { length: 8 }).$type<'male' | 'female'>(),
    birthDate: date('birth_date'),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    occupation: varchar('occupation', { length: 32 }),
    /** The import that registered the person (a bulk lane's rollback takes back those it added). */
    registeredByImport: uuid('registered_by_import'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_region_idx').on(t.regionCode),
    index('people_name_idx').on(t.name),
    // Name prefix search (a surname, or the first characters of a full name) under any collation.
    index('people_name_prefix_idx').on(t.name.op('varchar_pattern_ops')),
    index('people_phone_idx').on(t.phone),
    index('people_registered_by_import_idx')
      .on(t.registeredByImport)
      .where(sql`${t.registeredByImport} is not null`),
  ],
);
