import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Shorter tokens are guessable; the server refuses to start with one. */
export const MIN_TOKEN_LENGTH = 16;

/** A fresh token for one server run: 256 bits, URL-safe so it can travel in the page's URL. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Whether `presented` is `token`. Both sides are hashed first so the comparison is constant-time
 * whatever the lengths (timingSafeEqual throws on unequal lengths).
 */
export function isToken(presented: string, token: string): boolean {
  const equal = timingSafeEqual(digest(presented), digest(token));
  return equal && presented.length > 0;
}

/** Whether `Authorization` carries exactly `Bearer <token>`. */
export function hasBearerToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization ?? '');
  return isToken(match?.[1] ?? '', token);
}
