// Signed, expiring tokens for email links (confirm, unsubscribe, manage a booking): payload.signature, both base64url,
// HMAC-SHA256 over the payload with SITE_SECRET, compared in constant time. Also the constant-time check of a
// configured secret (sameSecret: the cron secret, the operator's feed key).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a token may do. A booking's emailed link carries a `booking-manage` token, which only shows the
 * booking; the page it opens signs the cancel and reschedule forms with tokens of their own.
 */
export type TokenPurpose =
  | 'newsletter-confirm' | 'newsletter-unsubscribe'
  | 'booking-manage' | 'booking-cancel' | 'booking-reschedule'
  /** The booking answer's calendar download: it shows the call and nothing else (the manage token is mailed). */
  | 'booking-invite'
  /** The operator's links after a call (in their booking notice). */
  | 'booking-held' | 'booking-no-show';

interface TokenPayload {
  /** Purpose: a confirm token cannot unsubscribe, and the reverse. */
  p: TokenPurpose;
  /** Subject: the subscriber id, or the booking id for the booking's purposes. */
  s: string;
  /** Expiry, seconds since the epoch. */
  e: number;
}

export type TokenCheck = { ok: true; subject: string } | { ok: false; reason: 'malformed' | 'bad-signature' | 'wrong-purpose' | 'expired' };

/** base64url payload, a dot, and the 43 characters of a base64url HMAC-SHA256 (32 bytes, unpadded). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;

const sign = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest();

export function createToken(secret: string, purpose: TokenPurpose, subject: string, ttlSeconds: number, now = Date.now()): string {
  const payload: TokenPayload = { p: purpose, s: subject, e: Math.floor(now / 1000) + ttlSeconds };
  const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${data}.${sign(secret, data).toString('base64url')}`;
}

export function verifyToken(secret: string, purpose: TokenPurpose, token: string, now = Date.now()): TokenCheck {
  // Exactly the shape createToken writes: a base64url decoder skips characters outside its alphabet, so
  // without this `token + "!!"` verified too, and one link had many spellings.
  if (token.length > 1024 || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'malformed' };
  const [data, signature] = token.split('.') as [string, string];
  // Compared as text, not as decoded bytes: the last of 43 characters carries 2 bits a decoder ignores,
  // so four spellings of a signature decoded alike. TOKEN_SHAPE makes both 43 characters long.
  const expected = Buffer.from(sign(secret, data).toString('base64url'));
  if (!timingSafeEqual(Buffer.from(signature), expected)) return { ok: false, reason: 'bad-signature' };
  let payload: Partial<TokenPayload>;
  try {
    payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as Partial<TokenPayload>;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload.s !== 'string' || typeof payload.e !== 'number') return { ok: false, reason: 'malformed' };
  if (payload.p !== purpose) return { ok: false, reason: 'wrong-purpose' };
  if (payload.e * 1000 < now) return { ok: false, reason: 'expired' };
  return { ok: true, subject: payload.s };
}

/** An address as stored and compared: trimmed, lower case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The lookup key of an email address (subscribers, bookings, per-address limits): its normalised form, hashed. */
export const emailKey = (secret: string, email: string) => keyedHash(secret, 'email', normalizeEmail(email));

/** Keyed hash for values kept only to compare (client addresses, email keys): not reversible without the secret. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
}

// Hashing both sides first gives equal lengths, so the comparison takes the same time whatever was sent.
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * A secret someone sent against the configured one (the cron secret, the operator's feed key), in constant
 * time: both are hashed first, so neither their lengths nor the first differing character show in the timing.
 */
export const sameSecret = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));
