import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for resident IDs: AES-256-GCM with a random 96-bit nonce per value,
 * stored as "v1:<nonce>:<ciphertext>:<tag>" in base64url. A separate HMAC key (derived from
 * the same master key) gives a stable, keyed hash for exact-match search.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('encryption key must be 32 bytes');
    this.encKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'yizhan-field-enc', 32));
    this.macKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'yizhan-field-mac', 32));
  }

  encrypt(plain: string): string {
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encKey, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', nonce.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join(':');
  }

  decrypt(stored: string): string {
    const [version, nonce, body, tag] = stored.split(':');
    if (version !== 'v1' || !nonce || !body || !tag) throw new Error('unrecognised ciphertext');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  searchHash(plain: string): string {
    return crypto.createHmac('sha256', this.macKey).update(plain).digest('hex');
  }
}

/**
 * The key comes from configuration; the embedded default keeps one in the data folder,
 * created on first start with owner-only permissions.
 */
export function resolveMasterKey(configured: string | undefined, dataDir: string | null): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  if (!dataDir) return crypto.randomBytes(32);
  const file = path.join(dataDir, 'encryption.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  return key;
}

export function sha256Hex(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
