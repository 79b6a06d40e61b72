// What the booking page sends and the booking API accepts: one zod/mini schema for both (small in the
// island's bundle), with a message a visitor can act on for every field.
import * as z from 'zod/mini';
import { AREAS } from '../readiness/areas.ts';
import { dateTimeFormat } from '../text/date-formats.ts';
import { HIDDEN_CHARACTERS, withoutHiddenFormatting } from '../text/hidden-characters.ts';

/** Bump when the consent wording beside the booking form changes; stored with each booking. */
export const BOOKING_CONSENT_VERSION = '2026-12-booking-v2';

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-500', '500+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/** A UTC instant as the API exchanges them: 2026-03-10T14:20:00Z (seconds and milliseconds optional). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The years the API deals in: far wider than any booking horizon, narrow enough for every date library. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * True for a time zone name the runtime knows (America/Los_Angeles, Asia/Kathmandu, UTC). Not an offset
 * (-14, +05:30): Intl accepts those too, but no place keeps one all year, and emails showed "GMT-14".
 */
export function isTimeZone(value: string): boolean {
  if (value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-]*(?:\/[A-Za-z0-9_+\-]+)*$/.test(value)) return false;
  // Building a formatter costs about 0.1 ms, a tenth of a slots request: the shared formatter cache
  // keeps the ones already built, and a zone the runtime does not know throws, uncached.
  try {
    dateTimeFormat('en-US', { timeZone: value });
  } catch {
    return false;
  }
  return true;
}

/** True when a date or instant (written YYYY-…) falls in the years the API deals in. */
function inApiYears(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** True for a real calendar date written YYYY-MM-DD. */
function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * True for a UTC instant that exists (written as ISO_INSTANT) in the years the API deals in. Date.parse rolls
 * 2026-02-30 over to March 2 and 24:00 to the next day, so the instant must print back as it was written.
 */
export function isIsoInstant(value: string): boolean {
  if (!ISO_INSTANT.test(value) || !inApiYears(value)) return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(value.slice(0, -1));
}

// The one address rule of the booking form, the API, the invite (invite.ts) and the newsletter. zod's
// practical local part; a domain of DNS labels (1-63 letters, digits or inner hyphens: ics, which writes the
// invite, refuses a label that starts or ends with '-') and a TLD of letters. Nothing else, so no character
// that means something in an iCalendar line (`"` `;` `:` `,` `\` space) can reach the invite's mailto: value.
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const EMAIL_MAX_LENGTH = 254;

/** The longest each field of the booking form may be: the schema's rule and the form's maxlength. */
export const BOOKING_FIELD_MAX_LENGTH = { name: 100, email: EMAIL_MAX_LENGTH, company: 120, goal: 2000 } as const;

export const isEmailAddress = (value: string) => value.length <= EMAIL_MAX_LENGTH && EMAIL.test(value);

/**
 * The same rule as an HTML `pattern` attribute, for the forms that work without script (the newsletter's):
 * the browser then stops `jane@example` at the field, with the typed address kept, instead of the server
 * answering with a page of its own. A pattern is compiled with the `v` flag and anchored by the browser,
 * and the `v` flag wants a literal `-` in a class escaped.
 */
export const EMAIL_INPUT_PATTERN = EMAIL.source.slice(1, -1).replace(/-\]/g, '\\-]');

const EMAIL_MESSAGE = 'Enter a valid email address, like name@company.com.';
export const emailAddress = z.string({ error: EMAIL_MESSAGE }).check(
  // A pasted address often brings a space along; the browser's email field drops it, an API client may not.
  z.trim(),
  z.maxLength(EMAIL_MAX_LENGTH, { error: 'That email address is too long.' }),
  z.refine(isEmailAddress, { error: EMAIL_MESSAGE }),
);

const text = (label: string, min: number, max: number) =>
  z.string({ error: `Enter ${label}.` }).check(
    z.trim(),
    z.minLength(min, { error: min === 1 ? `Enter ${label}.` : `Enter ${label} (at least ${min} characters).` }),
    z.maxLength(max, { error: `Keep ${label} to ${max} characters or fewer.` }),
    // Names and companies end up in email subjects and calendar files.
    z.refine((value) => !HIDDEN_CHARACTERS.test(value), { error: `Write ${label} on one line, without hidden formatting characters.` }),
  );

/** A hold's id, as POST /api/slots/hold made it (a UUID). */
const holdId = z.string({ error: 'Pick the time again.' }).check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: 'Pick the time again.' }));

const TIME_ZONE_MESSAGE = 'Pick a time zone from the list.';
const timeZone = z.string({ error: TIME_ZONE_MESSAGE }).check(z.refine(isTimeZone, { error: TIME_ZONE_MESSAGE }));

const PICK_A_TIME = 'Pick a time from the list.';
/** A slot's start, as /api/slots gave it; missing or of the wrong type, it gets the same message. */
const slotStart = z.string({ error: PICK_A_TIME }).check(z.refine(isIsoInstant, { error: PICK_A_TIME }));

const GOAL_MESSAGE = 'Say in a sentence or two what you want to fix (at least 10 characters).';
/** Fields a form fills in itself (booking, newsletter): wrong only when a client is not the site's form, or it is out of date. */
export const RELOAD_MESSAGE = 'Reload the page and try again.';
const CONTEXT_MESSAGE = 'What was sent with the booking (your calculator or readiness answers) is not valid. Untick “Send these with my booking”, or reload the page.';

export const bookingRequestSchema = z.object({
  /** The slot's start, as /api/slots gave it. */
  start: slotStart,
  name: text('your name', 1, BOOKING_FIELD_MAX_LENGTH.name),
  email: emailAddress,
  company: text('your company', 1, BOOKING_FIELD_MAX_LENGTH.company),
  companySize: z.enum(COMPANY_SIZES, { error: 'Pick the size of your company.' }),
  area: z.enum(AREAS, { error: 'Pick the area of the workflow.' }),
  /**
   * What they want to fix: free text, several lines allowed. The characters that reorder or hide text
   * are dropped first (it is shown in both emails and the operator's list), so the length counts what is
   * left: twelve zero-width spaces are not a goal.
   */
  goal: z.string({ error: GOAL_MESSAGE }).check(
    z.overwrite(withoutHiddenFormatting),
    z.trim(),
    z.minLength(10, { error: GOAL_MESSAGE }),
    z.maxLength(BOOKING_FIELD_MAX_LENGTH.goal, { error: 'Keep it to 2,000 characters or fewer; the rest fits in the call.' }),
    z.refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), { error: 'Remove the control characters from the text.' }),
  ),
  /** The visitor's IANA time zone: emails and the manage page show their times in it. */
  timeZone,
  /** What the visitor already told the site; the server recomputes every figure from it. */
  context: z.optional(
    z.object({
      /** The calculator's scenario as its query string (p=…&tm=…). */
      scenario: z.optional(z.string({ error: CONTEXT_MESSAGE }).check(z.maxLength(2000, { error: CONTEXT_MESSAGE }))),
      /** The readiness wizard's saved answers, as stored in the browser. */
      readiness: z.optional(z.unknown()),
    }, { error: CONTEXT_MESSAGE }),
  ),
  /**
   * Where the visitor came from (src/lib/leads/source.ts): read leniently by the server, which keeps the
   * clean parts and drops the rest, so a bad value never costs the visitor their booking.
   */
  source: z.optional(z.unknown()),
  consent: z.literal(true, { error: 'Tick the box so we may use these details to prepare and hold the call.' }),
  /** Honeypot: hidden from people, filled in by bots. */
  website: z.optional(z.string({ error: RELOAD_MESSAGE }).check(z.maxLength(500, { error: RELOAD_MESSAGE }))),
  /**
   * How long the form took, from the first touch to sending, in ms on the visitor's own clock, for the
   * minimum fill time. A duration, not a start time: the server's clock minus a start read on a clock
   * minutes fast looked like an instant post, and a real visitor got a decoy answer and no booking.
   */
  fillMs: z.optional(z.number({ error: RELOAD_MESSAGE }).check(z.gte(0, { error: RELOAD_MESSAGE }))),
  /** The hold POST /api/slots/hold gave for this time: the booking takes its place. */
  holdId: z.optional(holdId),
  /** Made once per booking attempt by the page: a retried request returns the same booking. */
  idempotencyKey: z.optional(z.string({ error: RELOAD_MESSAGE }).check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: RELOAD_MESSAGE }))),
});

export type BookingRequest = z.infer<typeof bookingRequestSchema>;

const localDate = (name: string) =>
  z.string({ error: `${name} must be a date written YYYY-MM-DD.` }).check(
    z.refine(isLocalDate, { error: `${name} must be a date written YYYY-MM-DD.` }),
    z.refine(inApiYears, { error: `${name} must be between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31.` }),
  );

/** GET /api/slots's query: the visitor's local dates and zone. */
export const slotsQuerySchema = z.object({
  from: localDate('from'),
  to: localDate('to'),
  tz: timeZone,
  /** The visitor's own hold, shown as free to them. */
  hold: z.optional(holdId),
});

/** POST /api/slots/hold: keep a picked time while the visitor fills in the form. */
export const slotHoldRequestSchema = z.object({
  start: slotStart,
  /** The visitor's previous hold, given back. */
  replaces: z.optional(holdId),
});

/** The 201 answer of POST /api/slots/hold. */
export interface SlotHeld {
  hold: { id: string; start: string; end: string; expiresAt: string };
}

/** Longest date range one slots request may cover. */
export const MAX_SLOT_RANGE_DAYS = 62;

export interface SlotsResponse {
  /** The operator's time zone, to show each time in it too. */
  timeZone: string;
  /** How many days ahead calls can be booked (BOOKING_HORIZON_DAYS): the page pages no further. */
  horizonDays: number;
  slots: { start: string; end: string }[];
  /** Only when `slots` is empty: the first free slot from now on, or null when none is left in the horizon. */
  next?: { start: string; end: string } | null;
}

export interface BookingCreated {
  booking: { id: string; start: string; end: string };
  /** Where the visitor can add the call to a calendar right away. */
  calendar: { ics: string; google: string; outlook: string };
}

/** What every answer says when a time stops being free: a booking, a hold or the operator's calendar took it, or its notice ran out. */
export const SLOT_NOT_FREE = 'That time is no longer free.';
export const SLOT_NOT_FREE_PICK_ANOTHER = `${SLOT_NOT_FREE} Pick another one.`;

/** A booking for a time that has begun or gone by (a page left open for days, a client that is not the page): 422, not "no longer free". */
export const START_PASSED = 'That time has already passed. Pick another one.';
/** A booking for a start the operator's hours never offer (not one of the times /api/slots lists): 422. */
export const START_NOT_OFFERED = 'That is not one of the times we offer. Pick one from the list.';

/** The 409 answer when the time was taken meanwhile: the next free times to pick from instead. */
export interface SlotTaken {
  error: { code: 'slot_taken'; message: string; fields: Record<string, string> };
  alternatives: { start: string; end: string }[];
}
