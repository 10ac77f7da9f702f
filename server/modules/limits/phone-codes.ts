import { sameHash } from '../../core/one-time-codes.js';
import type { DbOrTx } from '../../db/client.js';
import { clear, consume, wrongCodeRefusal, wrongCodesLockout, type Limit } from './service.js';

/*
 * Checking a code texted to a phone, the same way wherever a public page asks for one: both
 * allowances (the address's and the phone's) are counted before the code is looked at, a code
 * takes at most five tries, a right code is spent once (a concurrent request that spent it first
 * wins) and clears the phone's count. The codes live in the platform's phone_access table as
 * keyed hashes, each page's under its purpose (`phone-access-repository.ts`); the module gives how to hash.
 */

/** One texted code as its module keeps it. */
export interface StoredCode {
  id: string;
  tokenHash: string;
  expiresAt: Date;
  attempts: number;
}

/** What a module's table of phone codes must answer. */
export interface PhoneCodeStore {
  latestOpenCode(db: DbOrTx, phone: string, now: Date): Promise<StoredCode | null>;
  countWrongAttempt(db: DbOrTx, id: string): Promise<void>;
  /** Spends a code once: false when a concurrent request spent it first. */
  markUsed(db: DbOrTx, id: string, at: Date): Promise<boolean>;
}

export const MAX_CODE_ATTEMPTS = 5;

export interface CodeCheck {
  db: DbOrTx;
  now: Date;
  store: PhoneCodeStore;
  limits: { phoneLimit: Limit; addressLimit: Limit };
  phone: string;
  /** The keyed hash the code would have been stored under. */
  hashOf: (expiresAt: Date) => string;
  /** The request field the code came in (named in the refusal). */
  field?: string;
}

/** Spends the code or throws the refusal a person can act on (attempts left, or the wait). */
export async function spendPhoneCode(check: CodeCheck): Promise<void> {
  const { db, now, store, limits, phone, field = 'code' } = check;
  const byAddress = await consume(db, now, limits.addressLimit);
  if (!byAddress.allowed) throw wrongCodesLockout(byAddress, field);
  const byPhone = await consume(db, now, limits.phoneLimit);
  if (!byPhone.allowed) throw wrongCodesLockout(byPhone, field);
  const open = await store.latestOpenCode(db, phone, now);
  if (!open || open.attempts >= MAX_CODE_ATTEMPTS) throw wrongCodeRefusal(byPhone.remaining, field);
  if (!sameHash(open.tokenHash, check.hashOf(open.expiresAt))) {
    await store.countWrongAttempt(db, open.id);
    throw wrongCodeRefusal(byPhone.remaining, field);
  }
  if (!(await store.markUsed(db, open.id, now))) throw wrongCodeRefusal(byPhone.remaining, field);
  await clear(db, limits.phoneLimit.key);
}
