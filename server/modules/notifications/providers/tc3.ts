import crypto from 'node:crypto';

// Tencent Cloud API 3.0 request signing (TC3-HMAC-SHA256), written from Tencent's public
// "Signature v3" documentation: canonical request → string to sign → derived key → signature.

export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The product, e.g. 'sms' (the first label of the host). */
  service: string;
  host: string;
  /** Unix seconds; the credential's date is its UTC day. */
  timestamp: number;
  payload: string;
  contentType?: string;
}

const sha256Hex = (data: string) => crypto.createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: crypto.BinaryLike, data: string) => crypto.createHmac('sha256', key).update(data, 'utf8').digest();

export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** The signature and the Authorization header of a POST to `/` with a JSON body. */
export function signTc3(r: Tc3Request): { signature: string; authorization: string; contentType: string } {
  const contentType = r.contentType ?? 'application/json; charset=utf-8';
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${contentType}\nhost:${r.host}\n`,
    signedHeaders,
    sha256Hex(r.payload),
  ].join('\n');
  const date = tc3Date(r.timestamp);
  const scope = `${date}/${r.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(r.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${r.secretKey}`, date), r.service), 'tc3_request');
  const signature = crypto.createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return {
    signature,
    contentType,
    authorization: `TC3-HMAC-SHA256 Credential=${r.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
