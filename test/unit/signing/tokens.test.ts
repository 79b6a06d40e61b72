// The signed links' tokens: only the exact spelling createToken wrote verifies, and anything else is
// "malformed" (the link-expired page), never an exception (a 500 page).
import { describe, expect, it } from 'vitest';
import { createToken, verifyToken } from '../../../api/_lib/signing/tokens.ts';

const SECRET = 'a-test-secret-of-more-than-32-characters';
const NOW = Date.UTC(2026, 11, 7, 12);

describe('signed link tokens', () => {
  const token = createToken(SECRET, 'booking-manage', 'booking-1', 3600, NOW);

  it('verify as written, for their purpose, until they expire', () => {
    expect(verifyToken(SECRET, 'booking-manage', token, NOW)).toEqual({ ok: true, subject: 'booking-1' });
    expect(verifyToken(SECRET, 'booking-cancel', token, NOW)).toEqual({ ok: false, reason: 'wrong-purpose' });
    expect(verifyToken(SECRET, 'booking-manage', token, NOW + 3601_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse anything added after the signature as malformed, without throwing', () => {
    // A mail client or a person can leave characters after the link: a longer signature must not reach
    // the constant-time comparison, which throws on buffers of different lengths.
    for (const tail of ['A', 'x', '-', 'AAAA', '!!', '.', ' ']) {
      expect(() => verifyToken(SECRET, 'booking-manage', token + tail, NOW), tail).not.toThrow();
      expect(verifyToken(SECRET, 'booking-manage', token + tail, NOW), tail).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuse a signature one character short, or another signature, without throwing', () => {
    expect(verifyToken(SECRET, 'booking-manage', token.slice(0, -1), NOW)).toEqual({ ok: false, reason: 'malformed' });
    const other = createToken(`${SECRET}-other`, 'booking-manage', 'booking-1', 3600, NOW);
    expect(verifyToken(SECRET, 'booking-manage', other, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
