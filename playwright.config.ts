import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './scripts/_lib/chromium.ts';
import { defaultBookingRules } from './src/config/booking.ts';

// A port per test run (workers inherit it from the runner's environment), so two runs on one
// machine (a developer's and CI's, say) never share a server.
process.env.E2E_PORT ||= String(4300 + (process.pid % 600));
const port = Number(process.env.E2E_PORT);
// The served build's data folder, shared the same way, so a test can read what a form stored.
process.env.E2E_DATA_DIR ||= mkdtempSync(join(tmpdir(), 'ai-operator-e2e-'));
const baseURL = `http://127.0.0.1:${port}`;
// The operator's calendar feed for the run (test/e2e/_feed-server.ts), on the site's port + 1000.
const feedPort = port + 1000;
// Today in the operator's zone (the server's default, which the run does not change) is closed for the run. The booking
// specs take the first times of "the nth free day" in parallel, each its own; in the small hours the
// 12 hours' notice leaves today one or two times, and two specs met on the same one (a run at 03:25 UTC).
// Closed, the first free day is tomorrow, with at least a dozen times however late the run starts.
process.env.E2E_CLOSED_DAY ||= new Intl.DateTimeFormat('en-CA', { timeZone: defaultBookingRules.timeZone }).format(new Date());

export default defineConfig({
  testDir: 'test/e2e',
  // The e2e tests run against the production build: `npm test` builds first.
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A test may take a minute: each axe scan costs seconds on a 2-core box, and the booking page's
  // "nothing free" test (two loads, two scans) measured 14 s idle and 32 s with the machine busy.
  // An expect still gives up after its own 5 seconds.
  timeout: 60_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'reports/playwright' }]] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    // No trace while the suite runs: recording one for every test (kept only on failure) made it about a
    // quarter slower (the calculator, navigation and page specs: 206 s against 154 s, DOM snapshots being
    // the cost, not screenshots). A failure keeps its screenshot and error context; to see a failing
    // test's trace, run it again with `npx playwright test <file> --trace on`.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    // 390 px runs what a phone's layout can break: every template's page (pages.spec samples one of each),
    // the header and menu, the booking page's steps and the islands. The HTTP checks (routes, links) and the
    // flows that follow data through the server (emails, sign-ups, page views, the calendar feed, a taken
    // time, the readiness answers, a lead's source) do not depend on the viewport: desktop runs them once,
    // whole files by testIgnore, single tests by the tag @flow (the calculator's model, the wizard's history).
    { name: 'mobile', grepInvert: /@flow/, testIgnore: /(axe-scan|routes|links|email-actions|newsletter|page-views|busy-calendar|booking-readiness-answers|booking-taken-or-none-free|lead-source|page-width-steady)\.spec\.ts/, use: { ...devices['Desktop Chrome'], viewport: { width: 390, height: 844 }, isMobile: false, hasTouch: false } },
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
  ],
  // The calendar feed starts first, so the site reads a real busy feed (every Tuesday 10:00-11:00
  // Berlin) from its first slots request on, as an operator's would: busy-calendar.spec.ts proves it.
  webServer: [
    {
      command: 'node test/e2e/_feed-server.ts',
      url: `http://127.0.0.1:${feedPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { E2E_FEED_PORT: String(feedPort) },
    },
    {
      command: 'node scripts/serve.ts',
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      // Every test posts from 127.0.0.1, one address: the booking-*.spec files alone used all 10 bookings an hour the
      // default BOOKING_RATE_LIMIT allows, and busy-calendar.spec's two more got 429. (The limit itself is
      // tested in test/integration/rate-limit.test.ts.) TRUST_PROXY lets a test that needs an address of its
      // own claim one in X-Forwarded-For (booking-keyboard.spec). BOOKING_CLIENT_DAILY_LIMIT (3 calls a day from
      // one address) is lifted for the same reason; test/integration/booking-client-limit.test.ts tests it.
      env: { PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: '1', DATA_DIR: process.env.E2E_DATA_DIR, BOOKING_BUSY_FEEDS: `e2e=http://127.0.0.1:${feedPort}/busy.ics`, BOOKING_RATE_LIMIT: '100', BOOKING_CLIENT_DAILY_LIMIT: '100', BOOKING_BLOCKED_DATES: process.env.E2E_CLOSED_DAY },
    },
  ],
});
