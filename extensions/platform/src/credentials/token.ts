/**
 * Credential tokens (接入凭证): random strings made by Directus's token interface (or any client),
 * stored only as their SHA-256. A token is high-entropy random data, so a fast hash is enough: the
 * stored value lets nobody recover the token, and a lookup by hash needs no comparison in code.
 * Pure apart from node:crypto.
 */
import { createHash } from 'node:crypto';

/** Shortest token accepted (Directus's random string is 32 characters). */
export const TOKEN_MIN_LENGTH = 24;
export const TOKEN_MAX_LENGTH = 256;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The last four characters, shown in the studio to tell tokens apart. */
export function tokenHint(token: string): string {
  return `…${token.slice(-4)}`;
}

/** Whether `value` can be a token: printable ASCII without spaces, of a sensible length. */
export function isTokenShaped(value: string): boolean {
  return value.length >= TOKEN_MIN_LENGTH && value.length <= TOKEN_MAX_LENGTH && /^[\x21-\x7e]+$/.test(value);
}
