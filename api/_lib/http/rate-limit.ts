// Fixed-window rate limits kept in the store, keyed by a hash of the client address, so they hold
// across serverless instances.
import { isIP } from 'node:net';
import type { Client, Transaction } from '@libsql/client';
import { keyedHash } from '../signing/tokens.ts';

export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function hitRateLimit(db: Client | Transaction, rule: RateLimitRule, clientKey: string, now = Date.now()): Promise<RateLimitResult> {
  const windowStart = Math.floor(now / 1000 / rule.windowSeconds) * rule.windowSeconds;
  const key = `${rule.name}:${clientKey}`;
  // One statement, so concurrent requests cannot both read the old count.
  const result = await db.execute({
    sql: `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
          ON CONFLICT(key) DO UPDATE SET
            count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
            window_start = excluded.window_start
          RETURNING count`,
    args: [key, windowStart],
  });
  const count = Number(result.rows[0]?.count ?? 1);
  if (count <= rule.limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, windowStart + rule.windowSeconds - Math.floor(now / 1000)) };
}

/**
 * The bucket a client address counts in: an IPv4 address as it is, an IPv6 address by its /64 (one
 * subscriber line usually owns a whole /64, so counting single addresses would let it rotate through
 * 2^64 of them), an IPv4-mapped IPv6 address as its IPv4. Null when there is no usable address.
 */
export function addressBucket(address: string, ipv6Prefix: 64 | 48 = 64): string | null {
  const bare = address.trim().replace(/^\[(.*)\]$/, '$1').split('%')[0]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  const version = isIP(bare);
  if (version === 4) return bare;
  if (version !== 6) return null;
  return `${ipv6Groups(bare).slice(0, ipv6Prefix / 16).join(':')}::/${ipv6Prefix}`;
}

/** The eight 16-bit groups of a valid IPv6 address, '::' expanded and a trailing IPv4 part converted. */
function ipv6Groups(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}

/**
 * Counts one request against `rule` for the client at `address`. Requests with no usable address
 * share one bucket with a tenth of the limit: whatever sends them cannot hide among real clients.
 * With `perIpv6Site`, an IPv6 client's /48 counts too, up to that many: a tunnel broker hands anyone a
 * /48 for free, 65,536 /64s to rotate through (a carrier's phones may share one: give it a multiple of `limit`).
 */
export async function hitClientRateLimit(db: Client | Transaction, rule: RateLimitRule & { perIpv6Site?: number }, secret: string, address: string, now = Date.now()): Promise<RateLimitResult> {
  const bucket = addressBucket(address);
  if (!bucket) return hitRateLimit(db, { ...rule, name: `${rule.name}:no-address`, limit: Math.max(1, Math.floor(rule.limit / 10)) }, 'none', now);
  const client = await hitRateLimit(db, rule, keyedHash(secret, 'address', bucket), now);
  const site = addressBucket(address, 48)!;
  if (!client.ok || rule.perIpv6Site === undefined || site === bucket) return client;
  return hitRateLimit(db, { ...rule, name: `${rule.name}:site`, limit: rule.perIpv6Site }, keyedHash(secret, 'address', site), now);
}

/** Old windows are useless: the retry job sweeps them so the table stays small. */
export async function sweepRateLimits(db: Client, maxWindowSeconds: number, now = Date.now()): Promise<void> {
  await db.execute({ sql: 'DELETE FROM rate_limits WHERE window_start < ?', args: [Math.floor(now / 1000) - maxWindowSeconds] });
}
