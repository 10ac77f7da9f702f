import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../server/core/crypto.js';
import { checkEncryptionKey } from '../../server/modules/backup/key-check.js';
import { encryptionKeyCheck } from '../../server/modules/backup/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { newPerson } from '../support/factories.js';

// Several instances on one database must share one encryption key: an instance that made up a
// key of its own (in its own data folder) would write resident IDs the others cannot read.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
});
afterAll(() => t.close());

const withKey = (cipher: FieldCipher) => ({ ...t.deps, cipher });

describe('the encryption key check at start', () => {
  it('refuses a key that does not read the resident IDs already stored, before recording one', async () => {
    await newPerson(t);
    const other = new FieldCipher(crypto.randomBytes(32));
    await expect(checkEncryptionKey(withKey(other))).rejects.toThrow(/加密密钥[\s\S]*encryption key differs/);
    expect(await t.deps.db.select().from(encryptionKeyCheck)).toEqual([]);
  });

  it('records the first key, accepts it again, and refuses any other', async () => {
    await checkEncryptionKey(t.deps);
    await checkEncryptionKey(t.deps);
    expect(await t.deps.db.select().from(encryptionKeyCheck)).toHaveLength(1);
    const other = new FieldCipher(crypto.randomBytes(32));
    await expect(checkEncryptionKey(withKey(other))).rejects.toThrow(/YIZHAN_ENCRYPTION_KEY/);
  });
});
