// The operator's calendar for the e2e run: a tiny local calendar host that playwright.config.ts starts
// as a webServer before the site, and names in the site's BOOKING_BUSY_FEEDS. It serves one weekly
// meeting, every Tuesday 10:00-11:00 Berlin (busy-calendar.spec.ts proves the booking page honours it),
// at GET /busy.ics, and GET /health for Playwright's readiness check.
//
// Port: E2E_FEED_PORT, else E2E_PORT + 1000 (the site's port per run, set by playwright.config.ts), so
// two runs on one machine never share a feed. Loopback only: the site accepts plain http for loopback
// feeds alone. Run by Node 24 as TypeScript (type stripping).
import { createServer } from 'node:http';
import { icsFeed } from '../fixtures/feed-server.ts';

const port = Number(process.env.E2E_FEED_PORT ?? Number(process.env.E2E_PORT) + 1000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('[feed] set E2E_FEED_PORT or E2E_PORT to run the e2e calendar feed');
  process.exit(1);
}

// The series starts on a Tuesday in the past, before the autumn clock change (DTSTART is in summer time,
// the Tuesdays tested are in winter time), and has no end. TZID is an IANA name, so no VTIMEZONE.
const BUSY_ICS = icsFeed([
  [
    'UID:e2e-weekly-tuesday-meeting@feed.test',
    'SUMMARY:Weekly team meeting (e2e feed)',
    'DTSTART;TZID=Europe/Berlin:20261006T100000',
    'DTEND;TZID=Europe/Berlin:20261006T110000',
    'RRULE:FREQ=WEEKLY;BYDAY=TU',
  ],
]);

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://feed.test').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405, { allow: 'GET, HEAD' }).end();
  if (path === '/health') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  if (path === '/busy.ics') return res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' }).end(BUSY_ICS);
  res.writeHead(404, { 'content-type': 'text/plain' }).end('no such calendar');
});

server.listen(port, '127.0.0.1', () => console.log(`[feed] e2e calendar feed on http://127.0.0.1:${port}/busy.ics`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
