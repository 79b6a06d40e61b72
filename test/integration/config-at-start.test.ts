// Settings checked where the processes start: `astro build` for a Vercel production deploy without
// SITE_URL or with the company's placeholder facts, and the local server with bad settings, each stops
// and names what is wrong.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompanyFacts } from '../../src/config/company.ts';

describe('build-time SITE_URL', () => {
  it('stops `astro build` itself before it builds anything', () => {
    const result = spawnSync('npx', ['astro', 'build'], { cwd: join(import.meta.dirname, '../..'), env: { ...process.env, VERCEL_ENV: 'production', SITE_URL: '', ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('SITE_URL is not set');
  }, 60_000);
});

// astro.config.mjs runs the production guard when Astro loads it (before anything is built): a Vercel
// production build stops naming each placeholder fact, and a local build of the same facts loads. The
// company's facts are mocked, so these hold whatever a deployer has written into company.ts (loading the
// config with its integrations takes seconds, hence here and not in the unit project).
// scripts/vercel-smoke.ts proves the same through a real `astro build` and `vercel build --prod`.
const CONFIG = '../../astro.config.mjs';
const saved = { VERCEL_ENV: process.env.VERCEL_ENV, SITE_URL: process.env.SITE_URL };

async function loadConfig(env: { VERCEL_ENV?: string; SITE_URL?: string }, facts: Partial<CompanyFacts>): Promise<unknown> {
  vi.resetModules();
  const real = await vi.importActual<typeof import('../../src/config/company.ts')>('../../src/config/company.ts');
  vi.doMock('../../src/config/company.ts', () => ({ company: { ...real.company, ...facts } }));
  for (const key of ['VERCEL_ENV', 'SITE_URL'] as const) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
  return (await import(CONFIG)).default;
}

afterEach(() => {
  vi.doUnmock('../../src/config/company.ts');
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const PLACEHOLDERS = { contactEmail: 'hello@aioperator.example', legalName: '', meetingUrl: 'https://meet.aioperator.example/workflow-audit' };
const REAL = { contactEmail: 'hello@aioperator.com', legalName: 'AI Operator GmbH', meetingUrl: 'https://meet.google.com/abc-defg-hij' };

describe('the company facts guard in astro.config.mjs', () => {
  it('stops a production build naming each placeholder fact and the file, together with a missing SITE_URL', async () => {
    const error = await loadConfig({ VERCEL_ENV: 'production' }, PLACEHOLDERS).then(() => null, (e: Error) => e.message);
    expect(error).toMatch(/SITE_URL is not set/);
    expect(error).toMatch(/src\/config\/company\.ts still has placeholders/);
    expect(error).toMatch(/- contactEmail "hello@aioperator\.example" is on a reserved \.example domain/);
    expect(error).toMatch(/- legalName is empty/);
    expect(error).toMatch(/- meetingUrl "https:\/\/meet\.aioperator\.example\/workflow-audit" is on a reserved \.example domain/);
  }, 30_000);

  it('stops a production build with SITE_URL set but one placeholder fact, naming only that one', async () => {
    const error = await loadConfig({ VERCEL_ENV: 'production', SITE_URL: 'https://aioperator.com' }, { ...REAL, contactEmail: 'hello@example.com' }).then(() => null, (e: Error) => e.message);
    expect(error).toMatch(/- contactEmail "hello@example\.com" is on example\.com/);
    expect(error).not.toMatch(/legalName|meetingUrl|SITE_URL/);
  }, 30_000);

  it('loads for a production build with real facts, and for a local build with placeholders', async () => {
    expect(await loadConfig({ VERCEL_ENV: 'production', SITE_URL: 'https://aioperator.com' }, REAL)).toMatchObject({ site: 'https://aioperator.com' });
    expect(await loadConfig({}, PLACEHOLDERS)).toMatchObject({ site: 'https://aioperator.example' });
  }, 30_000);
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
