import { asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { PayingAccount, UnionAccounts } from './plan.js';
import { feePayingAccounts, feePooledAccounts } from './tables.js';

/** The union's own accounts: the paying accounts and the county federations' pooled accounts. */
function unionAccountRepo(table: typeof feePayingAccounts | typeof feePooledAccounts) {
  return {
    async all(db: DbOrTx): Promise<PayingAccount[]> {
      return db
        .select({
          regionCode: table.regionCode,
          bankCode: table.bankCode,
          accountNo: table.accountNo,
          accountName: table.accountName,
        })
        .from(table)
        .orderBy(asc(table.regionCode));
    },
    async upsert(db: DbOrTx, account: PayingAccount, now: Date) {
      await db
        .insert(table)
        .values({ ...account, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: table.regionCode,
          set: {
            bankCode: account.bankCode,
            accountNo: account.accountNo,
            accountName: account.accountName,
            updatedAt: now,
            version: sql`${table.version} + 1`,
          },
        });
    },
  };
}

export const payingAccountRepo = unionAccountRepo(feePayingAccounts);
export const pooledAccountRepo = unionAccountRepo(feePooledAccounts);

/** Both kinds of the union's accounts by region code, as a run and a re-batch read them. */
export async function unionAccounts(db: DbOrTx): Promise<UnionAccounts> {
  const [paying, pooled] = await Promise.all([payingAccountRepo.all(db), pooledAccountRepo.all(db)]);
  return {
    paying: new Map(paying.map((a) => [a.regionCode, a])),
    pooled: new Map(pooled.map((a) => [a.regionCode, a])),
  };
}
