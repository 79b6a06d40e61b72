// Settings checked where the processes start: `astro build` for a Vercel production deploy without
// SITE_URL, and the local server with bad settings, each stops and names what is wrong.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('build-time SITE_URL', () => {
  it('stops `astro build` itself before it builds anything', () => {
    const result = spawnSync('npx', ['astro', 'build'], { cwd: join(import.meta.dirname, '../..'), env: { ...process.env, VERCEL_ENV: 'production', SITE_URL: '', ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('SITE_URL is not set');
  }, 60_000);
});

describe('the local server', () => {
  it('refuses to start with bad settings and names them', () => {
    const result = spawnSync(process.execPath, ['scripts/serve.ts'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: mkdtempSync(join(tmpdir(), 'serve-')), NEWSLETTER_RATE_LIMIT: 'lots' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    for (const name of ['SITE_URL', 'SITE_SECRET', 'DATABASE_URL', 'CRON_SECRET', 'NEWSLETTER_RATE_LIMIT']) expect(result.stderr).toContain(`- ${name} `);
  });

  it('refuses a malformed calendar feed or a short feed key, naming the variable and never the secret URL', () => {
    const result = spawnSync(process.execPath, ['scripts/serve.ts'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH, DATA_DIR: mkdtempSync(join(tmpdir(), 'serve-')), BOOKING_BUSY_FEEDS: 'work=http://calendar.example.com/private-s3cret/basic.ics', OPERATOR_FEED_KEY: 'too-short' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('- BOOKING_BUSY_FEEDS feed "work" must use https://');
    expect(result.stderr).toContain('- OPERATOR_FEED_KEY must be at least 32 characters');
    expect(`${result.stdout}${result.stderr}`).not.toContain('private-s3cret');
  });
});
