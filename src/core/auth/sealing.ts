import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Secrets Updraft must read back (report keys, Apple's .p8 key) are kept sealed with AES-256-GCM under a key derived
 * from the server secret and the secret's purpose, so a database dump alone reveals none of them.
 */
export interface SealingSecret {
  /** The server secret (JWT_SECRET) the sealing key is derived from. */
  jwtSecret: string;
}

function sealingKey(secret: SealingSecret, purpose: string): Buffer {
  return createHmac('sha256', secret.jwtSecret).update(`updraft:${purpose}-sealing`).digest();
}

export function seal(plain: string, secret: SealingSecret, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/** The plaintext, or undefined when it cannot be opened (the server secret changed). */
export function unseal(sealed: string, secret: SealingSecret, purpose: string): string | undefined {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret, purpose), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
