// Rate-limit buckets: IPv6 clients count by their /64 (one line owns a whole /64), requests with no
// address share one strict bucket, the count holds in the store across instances, and a new window
// starts it afresh.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { getDb } from '../../api/_lib/store/db.ts';
import { addressBucket, hitClientRateLimit } from '../../api/_lib/http/rate-limit.ts';

const SECRET = 'r'.repeat(40);

describe('address buckets', () => {
  it('keeps an IPv4 address as it is, and reads an IPv4-mapped IPv6 address as IPv4', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket(' 203.0.113.7 ')).toBe('203.0.113.7');
  });

  it('counts IPv6 clients by their /64, however the address is written', () => {
    const bucket = '2001:db8:85a3:0::/64';
    for (const address of ['2001:db8:85a3::1', '2001:0db8:85a3:0000:ffff:ffff:ffff:ffff', '[2001:db8:85a3::8a2e:370:7334]', '2001:DB8:85A3:0:1:2:3:4', '2001:db8:85a3::9%eth0']) {
      expect(addressBucket(address), address).toBe(bucket);
    }
    expect(addressBucket('2001:db8:85a4::1')).toBe('2001:db8:85a4:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('reads an IPv6 client\'s /48 (its site) when asked; IPv4 stays as it is', () => {
    expect(addressBucket('2001:db8:85a3:17::1', 48)).toBe('2001:db8:85a3::/48');
    expect(addressBucket('2001:0DB8:85A3:ffff::1', 48)).toBe('2001:db8:85a3::/48');
    expect(addressBucket('203.0.113.7', 48)).toBe('203.0.113.7');
  });

  it('has no bucket for a missing or malformed address', () => {
    for (const address of ['', 'unknown', '999.1.1.1', '2001:db8::g', 'example.com', '1.2.3']) expect(addressBucket(address), address).toBeNull();
  });
});

describe('client rate limits', () => {
  const rule = { name: 'test', limit: 20, windowSeconds: 600 };
  const now = Date.UTC(2026, 11, 1, 12, 0, 5);

  it('lets a /64 rotate addresses without getting past the limit', async () => {
    const db = await getDb(readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'rate-')) }));
    const results = [];
    for (let i = 1; i <= 25; i++) results.push((await hitClientRateLimit(db, rule, SECRET, `2001:db8:1:2::${i.toString(16)}`, now)).ok);
    expect(results.filter(Boolean)).toHaveLength(20);
    // The neighbouring /64 has its own count.
    expect((await hitClientRateLimit(db, rule, SECRET, '2001:db8:1:3::1', now)).ok).toBe(true);
  });

  it('starts the count again when a new window starts', async () => {
    const db = await getDb(readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'rate-')) }));
    const fixed = { name: 'window-test', limit: 2, windowSeconds: 600 };
    // 12:00:00 UTC: the first instant of a 10-minute window.
    const t0 = Date.UTC(2026, 11, 1, 12, 0, 0);
    const hit = (at: number) => hitClientRateLimit(db, fixed, SECRET, '198.51.100.7', at);
    expect([await hit(t0), await hit(t0), await hit(t0)]).toEqual([{ ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 600 }]);
    // Its last second still counts against the window.
    expect(await hit(t0 + 599_000)).toEqual({ ok: false, retryAfterSeconds: 1 });
    // One full window later the client starts afresh: two more, then refused again.
    expect([await hit(t0 + 600_000), await hit(t0 + 600_000), await hit(t0 + 600_000)]).toEqual([{ ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 600 }]);
  });

  it('puts requests without an address in one bucket with a tenth of the limit', async () => {
    const db = await getDb(readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'rate-')) }));
    const results = [];
    for (const address of ['', 'unknown', '', 'garbage', '']) results.push(await hitClientRateLimit(db, rule, SECRET, address, now));
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false, false]);
    expect(results[2]).toEqual({ ok: false, retryAfterSeconds: 595 });
    // A real address is not held back by them.
    expect((await hitClientRateLimit(db, rule, SECRET, '198.51.100.1', now)).ok).toBe(true);
  });

  it('with perIpv6Site, the /64s of one /48 share that many between them; other /48s and IPv4 are not held back', async () => {
    const db = await getDb(readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'rate-')) }));
    const site = { name: 'site-test', limit: 2, perIpv6Site: 5, windowSeconds: 600 };
    const results = [];
    for (let net = 1; net <= 4; net++) for (let host = 1; host <= 2; host++) results.push((await hitClientRateLimit(db, site, SECRET, `2001:db8:7:${net}::${host}`, now)).ok);
    expect(results).toEqual([true, true, true, true, true, false, false, false]);
    // The /64's own limit still holds inside the site's.
    expect((await hitClientRateLimit(db, site, SECRET, '2001:db8:8:1::1', now)).ok).toBe(true);
    expect((await hitClientRateLimit(db, site, SECRET, '2001:db8:8:1::2', now)).ok).toBe(true);
    expect((await hitClientRateLimit(db, site, SECRET, '2001:db8:8:1::3', now)).ok).toBe(false);
    // IPv4 has no site: its own limit only.
    const v4 = [];
    for (let i = 0; i < 3; i++) v4.push((await hitClientRateLimit(db, site, SECRET, '198.51.100.9', now)).ok);
    expect(v4).toEqual([true, true, false]);
    // Without perIpv6Site the /64s of a /48 are counted apart, as before.
    const apart = [];
    for (let net = 1; net <= 4; net++) for (let host = 1; host <= 2; host++) apart.push((await hitClientRateLimit(db, { name: 'apart', limit: 2, windowSeconds: 600 }, SECRET, `2001:db8:9:${net}::${host}`, now)).ok);
    expect(apart.every(Boolean)).toBe(true);
  });
});
