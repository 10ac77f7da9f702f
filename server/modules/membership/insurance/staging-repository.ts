import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.js';
import { openCopy, type CopyWriter } from '../../../db/copy.js';
import { orderedIdOfRow } from '../../../db/ordered-id.js';
import { membershipInsuranceStaging } from './tables.js';

// The queries of the insurance import's fast lane (writes.ts): the accepted rows into
// membership_insurance_staging by COPY while the file is read, the repeated ones out again, and
// the commit's move of a chunk of row numbers into membership_insurance.

/** The staging table's columns in the order `insuranceStagingRepo.copy` takes each line's fields. */
export const STAGING_COLUMNS = [
  'import_id',
  'row_no',
  'name',
  'phone',
  'resident_id_enc',
  'resident_id_hash',
  'resident_id_head',
  'resident_id_tail',
  'sex',
  'birth_date',
  'region_code',
  'scheme',
  'insurer',
  'policy_no',
  'starts_on',
  'ends_on',
] as const;

/** A staged row whose person, scheme and start an earlier row of the file has (the natural key). */
export interface RepeatedStagedRow {
  rowNo: number;
  firstRowNo: number;
  name: string;
  phone: string | null;
  residentIdHead: string;
  residentIdTail: string;
  regionCode: string;
  scheme: string;
  insurer: string;
  policyNo: string | null;
  startsOn: string;
  endsOn: string;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The staged rows of an import numbered in (after, upTo]: a chunk of the commit. */
const chunkOf = (importId: string, after: number, upTo: number) =>
  sql`s.import_id = ${importId}::uuid and s.row_no > ${after} and s.row_no <= ${upTo}`;

export const insuranceStagingRepo = {
  /** A COPY into the staging table; each line holds STAGING_COLUMNS' fields. */
  copy(db: Db): Promise<CopyWriter> {
    return openCopy(db, 'membership_insurance_staging', STAGING_COLUMNS);
  },
  async discard(db: DbOrTx, importId: string) {
    await db.delete(membershipInsuranceStaging).where(eq(membershipInsuranceStaging.importId, importId));
  },
  async counts(db: DbOrTx, importId: string): Promise<{ rows: number; lastRowNo: number }> {
    const S = membershipInsuranceStaging;
    const [row] = await db
      .select({ rows: sql<number>`count(*)::int`, lastRowNo: sql<number>`coalesce(max(${S.rowNo}), 0)::int` })
      .from(S)
      .where(eq(S.importId, importId));
    return { rows: row?.rows ?? 0, lastRowNo: row?.lastRowNo ?? 0 };
  },
  /**
   * Fresh statistics of the staging table (a sample, some milliseconds): filled by COPY just
   * before, it would otherwise look empty to the planner of the commit's joins.
   */
  async analyze(db: DbOrTx) {
    await db.execute(sql`analyze membership_insurance_staging`);
  },
  /**
   * Deletes up to `limit` staged rows whose resident ID, scheme and start an earlier staged row
   * has (found by sorting, in row order) and answers them with that first row's number.
   */
  async takeRepeated(db: DbOrTx, importId: string, limit: number): Promise<RepeatedStagedRow[]> {
    const result = await db.execute(sql`
      with d as materialized (
        select row_no, first_row from (
          select row_no, first_value(row_no) over w as first_row, row_number() over w as n
          from membership_insurance_staging where import_id = ${importId}::uuid
          window w as (partition by resident_id_hash, scheme, starts_on order by row_no)
        ) numbered where n > 1
        order by row_no limit ${limit}
      )
      delete from membership_insurance_staging s using d
      where s.import_id = ${importId}::uuid and s.row_no = d.row_no
      returning s.row_no as "rowNo", d.first_row as "firstRowNo", s.name, s.phone,
        s.resident_id_head as "residentIdHead", s.resident_id_tail as "residentIdTail",
        s.region_code as "regionCode", s.scheme, s.insurer, s.policy_no as "policyNo",
        s.starts_on::text as "startsOn", s.ends_on::text as "endsOn"`);
    return rowsOf<RepeatedStagedRow>(result).sort((a, b) => a.rowNo - b.rowNo);
  },
  /**
   * The staged rows numbered in (after, upTo] as the people module registers people from them
   * (`PeopleRowsOfImport`): a query, not run here.
   */
  peopleRows(importId: string, after: number, upTo: number): SQL {
    return sql`select row_no, name, phone, resident_id_enc, resident_id_hash, resident_id_head, resident_id_tail,
      sex, birth_date, region_code from membership_insurance_staging s where ${chunkOf(importId, after, upTo)}`;
  },
  /**
   * Inserts the covers of the staged rows numbered in (after, upTo], in file order, each for the
   * person registered with its resident ID; a cover the unique index holds already (the person,
   * scheme and start: an earlier import, a manual record) is skipped. Answers how many went in.
   */
  async moveToCovers(db: DbOrTx, importId: string, after: number, upTo: number, now: Date): Promise<number> {
    const result = await db.execute(sql`
      with moved as (
        insert into membership_insurance (id, person_id, region_code, scheme, insurer, policy_no, starts_on,
          ends_on, source, import_id, created_at)
        select ${orderedIdOfRow(importId, sql`s.row_no`)}, p.id, s.region_code, s.scheme, s.insurer, s.policy_no,
          s.starts_on, s.ends_on, 'import', s.import_id, ${now.toISOString()}::timestamptz
        from membership_insurance_staging s join people p on p.resident_id_hash = s.resident_id_hash
        where ${chunkOf(importId, after, upTo)}
        order by s.row_no
        on conflict (person_id, scheme, starts_on) do nothing
        returning 1
      )
      select count(*)::int as n from moved`);
    return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
  },
};
