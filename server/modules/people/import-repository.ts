import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { auditInsertFrom, auditMaskedPhone, auditMaskedResidentId } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../db/client.js';
import { orderedIdOfRow } from '../../db/ordered-id.js';
import { people } from './tables.js';

// The queries of people registered by another module's import in the pipeline's bulk lane:
// set-based, so that a chunk of 50,000 rows is one statement whose rows never come to Node.

/**
 * The file rows an import registers people from, as a query of its owner's staging table: one
 * row per file row with `row_no` (the first row of a resident ID names the person) and the columns
 * a person is stored with, `name`, `phone`, `region_code` and the resident ID as
 * `residentIdColumns` sealed it, `resident_id_enc`, `resident_id_hash`, `resident_id_head`,
 * `resident_id_tail`, `sex`, `birth_date` (never the number in clear).
 */
export interface PeopleRowsOfImport {
  /** The import: kept in people.registered_by_import for its rollback. */
  importId: string;
  rows: SQL;
}

/** The columns a new person takes from the rows, in the order of the INSERT. */
const FROM_ROWS = [
  'name',
  'phone',
  'resident_id_enc',
  'resident_id_hash',
  'resident_id_head',
  'resident_id_tail',
  'sex',
  'birth_date',
  'region_code',
].map((c) => sql.identifier(c));

export const personImportRepo = {
  /**
   * Registers, in one statement, the people of these rows whose resident ID is not registered
   * yet, with their `person.created` audit records: the first row of each ID names the person (a
   * registered person keeps their own name, phone and region); ids are time-ordered by the row,
   * with a random tail.
   * A person registered meanwhile by another transaction is skipped (ON CONFLICT). Answers how
   * many were registered.
   */
  async registerFrom(tx: DbOrTx, ctx: Ctx, source: PeopleRowsOfImport, now: Date): Promise<number> {
    const at = now.toISOString();
    const result = await tx.execute(sql`
      with created as (
        insert into ${people} (id, ${sql.join(FROM_ROWS, sql`, `)}, registered_by_import, created_at, updated_at)
        select ${orderedIdOfRow('random', sql`r.row_no`)}, ${sql.join(
          FROM_ROWS.map((c) => sql`r.${c}`),
          sql`, `,
        )}, ${source.importId}::uuid, ${at}::timestamptz, ${at}::timestamptz
        from (
          select distinct on (s.resident_id_hash) s.* from (${source.rows}) s
          where not exists (select 1 from ${people} p where p.resident_id_hash = s.resident_id_hash)
          order by s.resident_id_hash, s.row_no
        ) r
        order by r.row_no
        on conflict (resident_id_hash) do nothing
        returning id, name, phone, region_code, sex, birth_date, resident_id_head, resident_id_tail
      ), audited as (
        ${auditInsertFrom(
          ctx,
          sql`select 'person.created' as action, 'person' as entity_type, c.id::text as entity_id,
            c.region_code, null::jsonb as before,
            jsonb_build_object('id', c.id, 'name', c.name, 'phone', ${auditMaskedPhone(sql`c.phone`)},
              'regionCode', c.region_code, 'sex', c.sex, 'birthDate', c.birth_date,
              'residentId', ${auditMaskedResidentId(sql`c.resident_id_head`, sql`c.resident_id_tail`)}) as after
            from created c`,
        )}
        returning 1
      )
      select (select count(*) from audited)::int as n`);
    return Number((result as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  },

  /** The people an import registered, by id after `afterId` (a page at a time, for its rollback). */
  async registeredBy(db: DbOrTx, importId: string, afterId: string | null, limit: number): Promise<string[]> {
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.registeredByImport, importId), afterId ? gt(people.id, afterId) : undefined))
      .orderBy(asc(people.id))
      .limit(limit);
    return rows.map((r) => r.id);
  },
};
