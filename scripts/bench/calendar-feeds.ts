// Generated calendar feeds for the `feeds` bench part, and a loopback host serving them (the server
// accepts plain http feeds from loopback only). Deterministic for a given seed and start date: a
// seeded PRNG picks every event. The mix is a busy consultant's: mostly single meetings in working
// hours, written in Europe/Berlin (with its VTIMEZONE, as Google and Outlook export) or in UTC, a few
// weekly series (one with an EXDATE), a few all-day events (some marked free, like holidays or
// birthdays), and a few cancelled or free meetings that must block nothing. About 40% of the weekdays
// are focus days with hardly a meeting (the same days in both feeds), so the calendar stays bookable.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Temporal } from 'temporal-polyfill';
import { DAY_MS } from '../../src/lib/time/durations.ts';

export interface FeedOptions {
  /** VEVENTs in the file (a weekly series counts once). */
  events: number;
  /** Every event lies within this many days from `today`. */
  days: number;
  /** The first day, as an operator-local date (Europe/Berlin); events start the day after. */
  today: Temporal.PlainDate;
  seed: number;
  name: string;
  /**
   * Share of weekdays kept for focus work (the same days in every feed generated with the same
   * `daySeed`): 500 meetings in 45 days fill every working hour, so a real calendar this busy still
   * offers times only because some days stay (nearly) free of meetings.
   */
  quietShare?: number;
  daySeed?: number;
  /**
   * 'evenings' moves every meeting to 18:00-22:45 Berlin and marks every all-day event free: as many
   * events (and busy spans of the same order), but none blocks a bookable time (a control run with
   * the full-size answer).
   */
  placement?: 'working-hours' | 'evenings';
}

/** mulberry32: small, fast and good enough to spread events; the same seed gives the same feed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const icsDate = (d: Temporal.PlainDate) => `${d.year}${pad(d.month)}${pad(d.day)}`;
const icsLocal = (t: Temporal.PlainDateTime) => `${icsDate(t.toPlainDate())}T${pad(t.hour)}${pad(t.minute)}00`;
const icsUtc = (t: Temporal.Instant) => `${icsLocal(t.toZonedDateTimeISO('UTC').toPlainDateTime())}Z`;
const isWeekend = (d: Temporal.PlainDate) => d.dayOfWeek >= 6;

const BERLIN = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const TITLES = ['Client call', 'Discovery call', 'Workshop prep', 'Team sync', 'Pipeline review', '1:1', 'Demo', 'Invoice run', 'Interview', 'Focus block'];
const DURATIONS = [15, 30, 30, 30, 45, 45, 60, 60, 90];

/** One feed's iCalendar text: `events` VEVENTs inside the `days` after `today`. */
export function generateFeed({ events, days, today, seed, name, quietShare = 0.4, daySeed = 7, placement = 'working-hours' }: FeedOptions): string {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const stamp = icsUtc(today.toZonedDateTime({ timeZone: 'UTC' }).toInstant());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//AI Operator//bench feed//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${name}`, 'X-WR-TIMEZONE:Europe/Berlin', ...BERLIN];
  const last = today.add({ days: days - 1 });
  const quiet = (day: Temporal.PlainDate) => prng(daySeed * 100_003 + day.toZonedDateTime('UTC').epochMilliseconds / DAY_MS)() < quietShare;
  /** A day in 1..days-1: a meeting day ten times as likely as a weekend day, twenty times a quiet weekday. */
  const someDay = () => {
    for (;;) {
      const day = today.add({ days: 1 + Math.floor(random() * (days - 1)) });
      if (isWeekend(day) ? random() < 0.1 : !quiet(day) || random() < 0.05) return day;
    }
  };
  const event = (n: number, body: string[]) => lines.push('BEGIN:VEVENT', `UID:${name}-${n}-${seed}@bench.invalid`, `DTSTAMP:${stamp}`, `SUMMARY:${pick(TITLES)} ${n}`, ...body, 'END:VEVENT');

  /** The first hour a meeting may start in (Berlin), over `span` hours. */
  const [firstHour, span] = placement === 'evenings' ? [18, 5] : [8, 10];
  const weekly = Math.max(1, Math.round(events * 0.025));
  const allDay = Math.max(1, Math.round(events * 0.015));
  for (let n = 0; n < events; n++) {
    if (n < weekly) {
      // A weekly series on a weekday, in Berlin time, until the end of the window; the first skips one week.
      let first = today.add({ days: 1 + Math.floor(random() * 7) });
      while (isWeekend(first)) first = first.add({ days: 1 });
      const start = first.toPlainDateTime({ hour: firstHour + Math.floor(random() * (span - 1)), minute: pick([0, 30]) });
      const end = start.add({ minutes: pick([30, 30, 60]) });
      event(n, [
        `DTSTART;TZID=Europe/Berlin:${icsLocal(start)}`,
        `DTEND;TZID=Europe/Berlin:${icsLocal(end)}`,
        `RRULE:FREQ=WEEKLY;UNTIL=${icsDate(last)}T225959Z`,
        ...(n === 0 ? [`EXDATE;TZID=Europe/Berlin:${icsLocal(start.add({ weeks: 2 }))}`] : []),
        'STATUS:CONFIRMED',
        'TRANSP:OPAQUE',
      ]);
    } else if (n < weekly + allDay) {
      // All-day: most are free (holidays, birthdays), some are days out of office.
      const day = someDay();
      const free = placement === 'evenings' || (n - weekly) % 3 !== 0;
      event(n, [`DTSTART;VALUE=DATE:${icsDate(day)}`, `DTEND;VALUE=DATE:${icsDate(day.add({ days: 1 }))}`, `TRANSP:${free ? 'TRANSPARENT' : 'OPAQUE'}`]);
    } else {
      // A single meeting on a quarter hour, 08:00-17:45 Berlin (or 18:00-22:45), written in Berlin time (60%) or UTC.
      const day = someDay();
      const minutes = pick(DURATIONS);
      const wall = day.toPlainDateTime({ hour: firstHour + Math.floor(random() * span), minute: pick([0, 15, 30, 45]) });
      const roll = random();
      const status = roll < 0.02 ? ['STATUS:CANCELLED', 'TRANSP:OPAQUE'] : roll < 0.05 ? ['STATUS:CONFIRMED', 'TRANSP:TRANSPARENT'] : ['STATUS:CONFIRMED', 'TRANSP:OPAQUE'];
      if (random() < 0.6) {
        event(n, [`DTSTART;TZID=Europe/Berlin:${icsLocal(wall)}`, `DTEND;TZID=Europe/Berlin:${icsLocal(wall.add({ minutes }))}`, ...status]);
      } else {
        // Written in UTC by a tool that stores UTC: the same Berlin working hours.
        const start = wall.toZonedDateTime('Europe/Berlin').toInstant();
        event(n, [`DTSTART:${icsUtc(start)}`, `DTEND:${icsUtc(start.add({ minutes }))}`, ...status]);
      }
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

export interface CalendarHost {
  /** The feeds' `label=url` entries, comma separated, as BOOKING_BUSY_FEEDS takes them. */
  busyFeedsSetting(labels: readonly string[]): string;
  /** Requests per feed so far (a 304 counts too). */
  fetches: Map<string, number>;
  close(): Promise<void>;
}

/** Serves `feeds` (label -> iCalendar text) at http://127.0.0.1:<port>/<label>.ics, with an ETag. */
export async function startCalendarHost(feeds: Record<string, string>): Promise<CalendarHost> {
  const fetches = new Map(Object.keys(feeds).map((label) => [label, 0]));
  const server = createServer((request, response) => {
    const label = /^\/([\w-]+)\.ics$/.exec(request.url ?? '')?.[1];
    const text = label === undefined ? undefined : feeds[label];
    if (label === undefined || text === undefined) {
      response.writeHead(404).end();
      return;
    }
    fetches.set(label, fetches.get(label)! + 1);
    const etag = `"${createHash('sha1').update(text).digest('hex')}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    busyFeedsSetting: (labels) => labels.map((label) => `${label}=http://127.0.0.1:${port}/${label}.ics`).join(','),
    fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
