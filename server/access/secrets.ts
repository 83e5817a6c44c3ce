import { createHash, randomBytes } from 'node:crypto';

/**
 * A new random token: 32 bytes (256 bits) in base64url, after a prefix that says what it is (`iocd_` a display,
 * `ioca_` an automation token, `iocs_` a session), so that a token pasted in the wrong place, or found in a
 * leak, is recognised at once.
 */
export function newToken(prefix: 'iocd' | 'ioca' | 'iocs'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/**
 * What the database keeps of a token: its SHA-256. A token carries 256 random bits, so a fast hash is enough (no
 * salt, no stretching), and a lookup by hash stays an index lookup; a stolen database yields no usable token.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
