// Fixed-window rate limits kept in the store, keyed by a hash of the client address, so they hold
// across serverless instances.
import type { Client, Transaction } from '@libsql/client';

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

/** Old windows are useless: the retry job sweeps them so the table stays small. */
export async function sweepRateLimits(db: Client, maxWindowSeconds: number, now = Date.now()): Promise<void> {
  await db.execute({ sql: 'DELETE FROM rate_limits WHERE window_start < ?', args: [Math.floor(now / 1000) - maxWindowSeconds] });
}
