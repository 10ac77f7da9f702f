import type { Deps } from '../../core/deps.js';
import { BackupError } from './errors.js';
import { keyFingerprint } from './manifest.js';
import { backupRepo, keyCheckRepo } from './repository.js';

function mismatch(): BackupError {
  return new BackupError(
    '此实例的加密密钥与数据库中身份证号所用的密钥不同，已停止启动以免写入其他实例无法读取的数据。' +
      '多个实例必须使用同一个 YIZHAN_ENCRYPTION_KEY（或同一个密钥文件）；恢复备份时请使用备份时的密钥。',
    "This instance's encryption key differs from the key the resident IDs in the database were written with; " +
      'it does not start, rather than write data the other instances cannot read. All instances must use the same ' +
      'YIZHAN_ENCRYPTION_KEY (or the same key file); a restored backup needs the key it was made with.',
  );
}

/**
 * At start, before serving: the key must be the one the database was written with. The first
 * instance records its key's fingerprint; a database from before this check must first show that
 * the key reads the resident IDs already stored.
 */
export async function checkEncryptionKey(deps: Pick<Deps, 'db' | 'cipher' | 'now'>): Promise<void> {
  const mine = keyFingerprint(deps.cipher);
  let recorded = await keyCheckRepo.fingerprint(deps.db);
  if (recorded === null) {
    for (const stored of await backupRepo.sampleResidentIds(deps.db, 3)) {
      try {
        deps.cipher.decrypt(stored);
      } catch {
        throw mismatch();
      }
    }
    await keyCheckRepo.record(deps.db, mine, deps.now());
    recorded = await keyCheckRepo.fingerprint(deps.db);
  }
  if (recorded !== mine) throw mismatch();
}
