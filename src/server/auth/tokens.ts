/** Random session tokens and their hashes. The database only ever sees hashes. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
/** The CSRF token of a session: derived from the (secret) session token, so it needs no storage of its own. */
export const csrfTokenFor = (sessionToken: string): string => createHmac('sha256', sessionToken).update('doorlopend-csrf').digest('base64url');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
