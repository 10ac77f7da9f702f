import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './errors.js';

// The field-encryption key, as backup and restore handle it: read from configuration or the
// data folder's key file, never created here (core/crypto.ts creates one on a server's first
// start; a restore that made up a new key would leave every resident ID unreadable).

const KEY_FORMAT = /^[A-Za-z0-9+/]{43}=$/;

/** The key the server would use, or null when there is none yet. */
export function configuredKey(configured: string | undefined, dataDir: string): Buffer | null {
  if (configured) return Buffer.from(configured, 'base64');
  const file = dataKeyFile(dataDir);
  return fs.existsSync(file) ? readKeyFile(file) : null;
}

export function dataKeyFile(dataDir: string): string {
  return path.join(dataDir, 'encryption.key');
}

export function readKeyFile(file: string): Buffer {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new BackupError(
      `无法读取密钥文件 ${file}（${(err as NodeJS.ErrnoException).code ?? 'error'}）`,
      `Cannot read the key file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (!KEY_FORMAT.test(text)) {
    throw new BackupError(
      `密钥文件 ${file} 的内容不是 32 字节的 base64 密钥`,
      `The key file ${file} does not hold a 32-byte key in base64`,
    );
  }
  return Buffer.from(text, 'base64');
}

/** Writes the key to a new file readable by its owner only; an existing file is never overwritten. */
export function writeKeyFile(file: string, key: Buffer): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BackupError(
        `密钥文件 ${file} 已存在，不会覆盖：请换一个文件名`,
        `The key file ${file} exists already and is not overwritten: choose another name`,
      );
    }
    throw err;
  }
}
