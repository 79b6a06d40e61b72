// `npm run test:vercel`: proves the deploy the way Vercel builds it, offline. `vercel build --prod`
// (the CLI from devDependencies, project settings from scripts/vercel/project.json, no login) runs in
// a temporary copy of the working tree, because it moves files out of dist/. Then every api/ route
// must exist as a built function, every function must load, and the health, sign-up, confirm,
// unsubscribe, retry, booking (with a calendar feed), bookings feed and og functions are called as the platform calls them: each in a fresh Node
// process inside its own assembled folder (the .func folder plus the files its filePathMap lists),
// with production settings, one shared database file and a local server that answers like Resend.
// Before that, the copy's src/config/company.ts proves the production guard: with the placeholders the
// repository ships with, a production `astro build` stops naming them; with real-looking facts written
// in (as a deployer would), the build goes through and the privacy page names them.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverApiRoutes } from './_lib/api-router.ts';
import { startFakeResend } from '../test/fixtures/fake-resend.ts';
import { icsFeed, icsUtc, startFeedServer } from '../test/fixtures/feed-server.ts';
import { DAY_MS } from '../src/lib/time/durations.ts';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'vercel-build-'));
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? '  ✓' : '  ✗'} ${what}`);
  if (!ok) failures.push(what);
};

// 1. A copy of the working tree as git sees it (tracked and new files, nothing ignored), with
//    node_modules hard-linked (instant, and `vercel build`'s own `npm install` then finds it complete).
console.log(`[vercel] copying the project to ${work}`);
const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: rootDir, encoding: 'utf8' }).split('\0').filter(Boolean);
for (const file of files) {
  if (!existsSync(join(rootDir, file))) continue; // deleted but not yet committed
  mkdirSync(dirname(join(work, file)), { recursive: true });
  cpSync(join(rootDir, file), join(work, file));
}
const linked = spawnSync('cp', ['-al', join(rootDir, 'node_modules'), join(work, 'node_modules')]);
if (linked.status !== 0) cpSync(join(rootDir, 'node_modules'), join(work, 'node_modules'), { recursive: true });
mkdirSync(join(work, '.vercel'));
cpSync(join(rootDir, 'scripts/vercel/project.json'), join(work, '.vercel/project.json'));

// 2. The company's facts, as a deployer sets them. A production build refuses placeholders (the guard in
//    astro.config.mjs): first the copy gets the placeholders the repository ships with, and
//    `astro build` for production must stop naming both facts and the file; then it gets real-looking
//    facts, which the production build below must accept and print on the privacy page. Nothing turns
//    the guard off: only the file's contents change.
const companyFile = join(work, 'src/config/company.ts');
const shippedFacts = readFileSync(companyFile, 'utf8');
/** company.ts with these string facts replaced; stops when a fact is not written as `key: '…',`. */
function withFacts(source: string, facts: Record<string, string>): string {
  return Object.entries(facts).reduce((text, [key, value]) => {
    const line = new RegExp(`^(\\s*${key}: )'[^'\\n]*',`, 'm');
    if (!line.test(text)) throw new Error(`[vercel] src/config/company.ts has no \`${key}: '…',\` line to set`);
    return text.replace(line, `$1${JSON.stringify(value).replace(/^"|"$/g, "'")},`);
  }, source);
}
const SMOKE_FACTS = { legalName: 'Smoke Test Operator GmbH', contactEmail: 'hello@smoke-test-operator.com', meetingUrl: 'https://meet.smoke-test-operator.com/audit' };
writeFileSync(companyFile, withFacts(shippedFacts, { legalName: '', contactEmail: 'hello@aioperator.example', meetingUrl: 'https://meet.aioperator.example/workflow-audit' }));
console.log('[vercel] astro build for production with placeholder company facts');
const guardEnv: NodeJS.ProcessEnv = { ...process.env, VERCEL_ENV: 'production', SITE_URL: 'https://smoke.example', ASTRO_TELEMETRY_DISABLED: '1' };
const guarded = spawnSync(join(rootDir, 'node_modules/.bin/astro'), ['build'], { cwd: work, env: guardEnv, encoding: 'utf8', timeout: 300_000 });
const guardLog = `${guarded.stdout}\n${guarded.stderr}`;
check(
  guarded.status !== 0 && guardLog.includes('src/config/company.ts still has placeholders') && /- contactEmail "hello@aioperator\.example"/.test(guardLog) && guardLog.includes('- legalName is empty') && guardLog.includes('- meetingUrl "https://meet.aioperator.example') && !existsSync(join(work, 'dist')),
  `a production build with placeholder facts stops before building, naming contactEmail, legalName, meetingUrl and src/config/company.ts (exit ${guarded.status}${guarded.status === 0 ? ', it built' : ''})`,
);
rmSync(join(work, 'dist'), { recursive: true, force: true });
writeFileSync(companyFile, withFacts(shippedFacts, SMOKE_FACTS));

// 3. The platform's build, for the production environment (so SITE_URL and the company's facts are required, as on Vercel).
const buildEnv: NodeJS.ProcessEnv = { ...process.env, SITE_URL: 'https://smoke.example', VERCEL_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' };
for (const key of Object.keys(buildEnv)) if (key.startsWith('VERCEL_') && key !== 'VERCEL_TELEMETRY_DISABLED') delete buildEnv[key];
// The platform sets VERCEL_ENV for a production build; `vercel build --prod` run offline does not (it
// reads it from a pulled env file, and there is none), so without this the build below would skip the
// production checks in astro.config.mjs (measured: astro saw VERCEL_ENV undefined).
buildEnv.VERCEL_ENV = 'production';
console.log('[vercel] vercel build --prod');
const started = Date.now();
const build = spawnSync(join(rootDir, 'node_modules/.bin/vercel'), ['build', '--prod', '--yes'], { cwd: work, env: buildEnv, encoding: 'utf8' });
const buildLog = `${build.stdout}\n${build.stderr}`;
if (build.status !== 0) {
  console.error(buildLog);
  console.error(`[vercel] vercel build failed (exit ${build.status})`);
  process.exit(1);
}
console.log(`[vercel] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
// @vercel/node type-checks each function; an error there is a real one (the build does not fail on it).
const typeErrors = buildLog.split('\n').filter((line) => /error TS\d+/.test(line));
check(typeErrors.length === 0, `no TypeScript errors in the functions' build${typeErrors.length ? `:\n${typeErrors.join('\n')}` : ''}`);

// The facts reached the pages: the privacy page names who is responsible, and how to reach them.
const privacyPage = join(work, '.vercel/output/static/privacy.html');
const privacyHtml = existsSync(privacyPage) ? readFileSync(privacyPage, 'utf8') : '';
check(privacyHtml.includes(SMOKE_FACTS.legalName) && privacyHtml.includes(`mailto:${SMOKE_FACTS.contactEmail}`), `the built privacy page names ${SMOKE_FACTS.legalName} and ${SMOKE_FACTS.contactEmail} (${privacyHtml ? 'page found' : 'no privacy.html in the output'})`);

// 4. One function per api/ route.
const output = join(work, '.vercel/output');
const functionsDir = join(output, 'functions');
const routes = [...discoverApiRoutes(join(work, 'api')).keys()].sort();
const built = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name.endsWith('.func')) return [`/${relative(functionsDir, full).replace(/\.func$/, '')}`];
    return statSync(full).isDirectory() ? walk(full) : [];
  });
})(functionsDir).sort();
check(JSON.stringify(built) === JSON.stringify(routes), `one function per api/ route: built ${built.join(', ')}; routes ${routes.join(', ')}`);
// vercel.json's maxDuration reached the retry function: the platform gives it the time a delivery run needs (DELIVERY_BUDGET_MS).
const retryConfigFile = join(functionsDir, 'api/outbox/retry.func/.vc-config.json');
const retryMaxDuration = existsSync(retryConfigFile) ? (JSON.parse(readFileSync(retryConfigFile, 'utf8')) as { maxDuration?: number }).maxDuration : undefined;
check(retryMaxDuration === 60, `the retry function is built with maxDuration 60 from vercel.json (got ${retryMaxDuration})`);

// 5. Each function assembled as it is deployed: its folder plus the files its filePathMap lists.
const deployed = join(work, 'deployed');
function assemble(route: string): string {
  const target = join(deployed, route);
  if (existsSync(target)) return target;
  const funcDir = join(functionsDir, `${route}.func`);
  cpSync(funcDir, target, { recursive: true, dereference: true });
  const { filePathMap = {} } = JSON.parse(readFileSync(join(funcDir, '.vc-config.json'), 'utf8')) as { filePathMap?: Record<string, string> };
  for (const [to, from] of Object.entries(filePathMap)) {
    mkdirSync(dirname(join(target, to)), { recursive: true });
    cpSync(join(work, from), join(target, to));
  }
  return target;
}

const resend = await startFakeResend();
// The operator's calendar, on a loopback calendar host (plain http is accepted only from loopback).
const calendarHost = await startFeedServer();
const cronSecret = 'smoke-cron-secret-0123456789';
const feedKey = 'smoke-feed-key-0123456789abcdefghijkl';
const productionEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  VERCEL_ENV: 'production',
  SITE_URL: 'https://smoke.example',
  SITE_SECRET: 'smoke-secret-'.padEnd(48, 'x'),
  DATABASE_URL: `file:${join(work, 'smoke.db')}`,
  CRON_SECRET: cronSecret,
  RESEND_API_KEY: 're_test_key',
  // An inbox on the smoke company's own domain: production refuses a placeholder one.
  OPERATOR_EMAIL: 'operator@smoke-test-operator.com',
  RESEND_BASE_URL: resend.url,
  RESEND_SEGMENT_ID: 'seg_smoke',
  RESEND_WEBHOOK_SECRET: 'whsec_c21va2Utd2ViaG9vay1zZWNyZXQ=',
  // The sender a deployer would set with the facts above (a placeholder domain is refused in production).
  MAIL_FROM: `Smoke Test Operator <${SMOKE_FACTS.contactEmail}>`,
  OPERATOR_FEED_KEY: feedKey,
};

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  loadError?: string;
}

/**
 * Calls a built function in a fresh process, as one cold instance of it, and waits for the process to
 * end (so mail it sends in the background has reached the fake provider). Asynchronous: the fake
 * provider answers from this process's event loop.
 */
async function invoke(route: string, call: { method: string; path: string; headers?: Record<string, string>; body?: string }, env = productionEnv): Promise<Reply> {
  const cwd = assemble(route);
  const child = spawn(process.execPath, [join(rootDir, 'scripts/vercel/invoke-function.ts'), JSON.stringify({ ...call, url: `https://smoke.example${call.path}` })], { cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) return { loadError: `no answer (exit ${code}): ${stderr.slice(-2000)}` };
  return JSON.parse(line) as Reply;
}

try {
  console.log('[vercel] every built function loads');
  // Two cold processes at a time (one per core): each load is independent of the others.
  const toLoad = [...built];
  await Promise.all([1, 2].map(async () => {
    for (let route = toLoad.shift(); route !== undefined; route = toLoad.shift()) {
      const reply = await invoke(route, { method: 'OPTIONS', path: route });
      // OPTIONS is exported by none: the load itself is what is checked (a missing module fails here).
      check(!reply.loadError || reply.loadError.startsWith('the handler exports no'), `${route} loads${reply.loadError && !reply.loadError.startsWith('the handler exports no') ? `: ${reply.loadError}` : ''}`);
    }
  }));

  console.log('[vercel] functions answer as the platform calls them');
  const health = await invoke('/api/health', { method: 'GET', path: '/api/health' });
  check(health.status === 200 && health.body === '{"ok":true}', `GET /api/health answers 200 {"ok":true} (got ${health.status} ${health.body ?? health.loadError})`);

  const signup = await invoke('/api/newsletter', { method: 'POST', path: '/api/newsletter', headers: { 'content-type': 'application/json', origin: 'https://smoke.example' }, body: JSON.stringify({ email: 'smoke@example.com', consent: true }) });
  check(signup.status === 200, `POST /api/newsletter answers 200 (got ${signup.status} ${signup.body ?? signup.loadError})`);
  const confirmation = resend.delivered.find((m) => m.to === 'smoke@example.com');
  check(Boolean(confirmation), 'the sign-up function sent the confirmation email through the resend SDK');
  const link = /https:\/\/smoke\.example\/api\/newsletter\/confirm\?token=[\w.-]+/.exec(confirmation?.text ?? '')?.[0];
  check(Boolean(link), 'the confirmation email links to SITE_URL');

  if (link) {
    const url = new URL(link);
    const page = await invoke('/api/newsletter/confirm', { method: 'GET', path: url.pathname + url.search });
    check(page.status === 200 && /<form method="post"/.test(page.body ?? ''), `GET of the confirm link shows the page with its button (got ${page.status})`);
    const token = url.searchParams.get('token')!;
    const confirmed = await invoke('/api/newsletter/confirm', { method: 'POST', path: '/api/newsletter/confirm', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://smoke.example' }, body: `token=${token}` });
    check(confirmed.status === 303 && confirmed.headers?.location === '/newsletter/confirmed', `pressing the button confirms: 303 to /newsletter/confirmed (got ${confirmed.status} ${confirmed.headers?.location})`);
  }
  const welcome = resend.delivered.find((m) => m.to === 'smoke@example.com' && m.subject.startsWith('You are subscribed'));
  check(Boolean(welcome), 'the confirm function sent the welcome email');
  const unsubscribe = welcome?.headers['List-Unsubscribe']?.slice(1, -1);
  if (unsubscribe) {
    const url = new URL(unsubscribe);
    const oneClick = await invoke('/api/newsletter/unsubscribe', { method: 'POST', path: url.pathname + url.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    check(oneClick.status === 200, `a one-click unsubscribe POST answers 200 (got ${oneClick.status})`);
  }

  const unauthorized = await invoke('/api/outbox/retry', { method: 'GET', path: '/api/outbox/retry', headers: { authorization: 'Bearer wrong' } });
  const authorized = await invoke('/api/outbox/retry', { method: 'GET', path: '/api/outbox/retry', headers: { authorization: `Bearer ${cronSecret}` } });
  check(unauthorized.status === 401 && authorized.status === 200, `the retry job answers 401 without the cron secret and 200 with it (got ${unauthorized.status}, ${authorized.status})`);

  // Booking: free slots, a hold, a booking in its place with its invite to both sides, and the manage page behind the
  // rewrite that vercel.json declares for /book-audit/manage.
  const routesConfig = JSON.stringify(JSON.parse(readFileSync(join(output, 'config.json'), 'utf8')).routes);
  check(/\/book-audit\/manage[^"]*"[^}]*\/api\/bookings\/manage/.test(routesConfig), 'the build routes /book-audit/manage to the bookings/manage function');
  const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
  const slots = await invoke('/api/slots', { method: 'GET', path: `/api/slots?from=${day(1)}&to=${day(14)}&tz=America/Los_Angeles` });
  const slot = slots.status === 200 ? (JSON.parse(slots.body!).slots as { start: string }[])[0] : undefined;
  check(Boolean(slot), `GET /api/slots answers free times (got ${slots.status} ${slots.body?.slice(0, 120) ?? slots.loadError})`);
  if (slot) {
    const held = await invoke('/api/slots/hold', {
      method: 'POST', path: '/api/slots/hold', headers: { 'content-type': 'application/json', origin: 'https://smoke.example' }, body: JSON.stringify({ start: slot.start }),
    });
    const holdId = held.status === 201 ? (JSON.parse(held.body!) as { hold: { id: string } }).hold.id : undefined;
    check(Boolean(holdId), `POST /api/slots/hold keeps the picked time (got ${held.status} ${held.body?.slice(0, 160) ?? held.loadError})`);
    // The operator's calendar feed: an event on the second free time removes it, read by the built
    // function itself (node-ical and its data files packaged), on a feed that never loaded before.
    // The fourth is clear of the event even with the 10-minute buffers (the third's buffer touches it).
    const [, second, , fourth] = JSON.parse(slots.body!).slots as { start: string; end: string }[];
    if (second && fourth) {
      calendarHost.set('/busy.ics', { body: icsFeed([[`DTSTART:${icsUtc(Date.parse(second.start))}`, `DTEND:${icsUtc(Date.parse(second.end))}`, 'SUMMARY:Smoke client call']]) });
      const withFeed = await invoke('/api/slots', { method: 'GET', path: `/api/slots?from=${day(1)}&to=${day(14)}&tz=America/Los_Angeles` }, { ...productionEnv, BOOKING_BUSY_FEEDS: `smoke=${calendarHost.url('/busy.ics')}` });
      const starts = withFeed.status === 200 ? (JSON.parse(withFeed.body!).slots as { start: string }[]).map((s) => s.start) : [];
      check(starts.includes(fourth.start) && !starts.includes(second.start), `GET /api/slots with BOOKING_BUSY_FEEDS leaves out the time the operator's calendar is busy (got ${withFeed.status ?? withFeed.loadError}, ${calendarHost.hits('/busy.ics')} fetch)`);
    }
    const booked = await invoke('/api/bookings', {
      method: 'POST', path: '/api/bookings', headers: { 'content-type': 'application/json', origin: 'https://smoke.example' },
      body: JSON.stringify({ start: slot.start, holdId, name: 'Smoke Test', email: 'smoke-booker@example.com', company: 'Smoke Co', companySize: '1-10', area: 'sales', goal: 'Prove the booking function runs.', timeZone: 'America/Los_Angeles', consent: true }),
    });
    check(booked.status === 201, `POST /api/bookings books the slot (got ${booked.status} ${booked.body?.slice(0, 160) ?? booked.loadError})`);
    const invite = resend.delivered.find((m) => m.to === productionEnv.OPERATOR_EMAIL)?.attachments[0];
    check(invite?.contentType === 'text/calendar; charset=utf-8; method=REQUEST' && invite.content.includes('METHOD:REQUEST'), 'the operator got the booking with its calendar invite');
    const manage = /https:\/\/smoke\.example\/book-audit\/manage\?token=[\w.-]+/.exec(resend.delivered.find((m) => m.to === 'smoke-booker@example.com')?.text ?? '')?.[0];
    if (manage) {
      const url = new URL(manage);
      const page = await invoke('/api/bookings/manage', { method: 'GET', path: url.pathname + url.search });
      check(page.status === 200 && page.body!.includes('Move the call') && page.body!.includes('Cancel the call'), `the manage link shows the call with its move and cancel forms (got ${page.status})`);
    } else {
      check(false, 'the visitor\'s confirmation links to the manage page at SITE_URL');
    }
  }

  // The operator's bookings feed, behind the rewrite vercel.json declares for its .ics address: the right key
  // gets the calendar with the call just booked; a wrong key, or a deployment without OPERATOR_FEED_KEY, a 404.
  check(/\/api\/calendar\/bookings\\*\.ics[^"]*"[^}]*\/api\/calendar\/bookings"/.test(routesConfig), 'the build routes /api/calendar/bookings.ics to the calendar/bookings function');
  const feedPath = (key: string) => `/api/calendar/bookings.ics?key=${encodeURIComponent(key)}`;
  const wrongKey = await invoke('/api/calendar/bookings', { method: 'GET', path: feedPath(`${feedKey.slice(0, -1)}X`) });
  const feed = await invoke('/api/calendar/bookings', { method: 'GET', path: feedPath(feedKey) });
  const keyless = await invoke('/api/calendar/bookings', { method: 'GET', path: feedPath(feedKey) }, { ...productionEnv, OPERATOR_FEED_KEY: undefined });
  check(wrongKey.status === 404 && keyless.status === 404, `the bookings feed answers 404 to a wrong key and without OPERATOR_FEED_KEY (got ${wrongKey.status ?? wrongKey.loadError}, ${keyless.status ?? keyless.loadError})`);
  check(
    feed.status === 200 && feed.headers?.['content-type'] === 'text/calendar; charset=utf-8' && (feed.body ?? '').startsWith('BEGIN:VCALENDAR') && (feed.body ?? '').includes('Workflow audit: Smoke Co (Smoke Test)') && !/manage|token/i.test(feed.body ?? ''),
    `the bookings feed answers the right key with the calendar and the call booked above, no manage link (got ${feed.status} ${feed.body?.slice(0, 120) ?? feed.loadError})`,
  );

  const og = await invoke('/api/og', { method: 'GET', path: '/api/og?page=blog/what-is-a-business-ai-operator' });
  const png = Buffer.from(og.body ?? '', 'base64');
  check(og.status === 200 && og.headers?.['content-type'] === 'image/png' && png.subarray(1, 4).toString() === 'PNG' && png.length > 10_000, `GET /api/og draws a PNG card from the content files it ships with (got ${og.status}, ${png.length} bytes)`);

  // Production settings are checked when the function starts, and a missing, malformed or placeholder one is named.
  const misconfigured = await invoke('/api/newsletter', { method: 'POST', path: '/api/newsletter' }, { ...productionEnv, SITE_URL: undefined, CRON_SECRET: 'short', MAIL_FROM: 'AI Operator <hello@aioperator.example>', OPERATOR_EMAIL: 'calls@aioperator.example' });
  const startError = misconfigured.loadError ?? '';
  check(
    /ConfigError/.test(startError) && /SITE_URL/.test(startError) && /CRON_SECRET/.test(startError) && /MAIL_FROM must be a real sender/.test(startError) && /OPERATOR_EMAIL must be an inbox someone reads/.test(startError),
    `a function with SITE_URL missing, CRON_SECRET malformed, and a placeholder MAIL_FROM and OPERATOR_EMAIL stops at start naming all four (got ${misconfigured.loadError ?? misconfigured.status})`,
  );
} finally {
  await resend.close();
  await calendarHost.close();
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`[vercel] kept ${work}`);
}

if (failures.length) {
  console.error(`\n[vercel] ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('\n[vercel] the Vercel build and its functions pass');
