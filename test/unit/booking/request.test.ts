// The booking payloads the page and the API share (src/lib/booking/request.ts): the one email rule and
// the invite that must carry every address it accepts, one-line fields without hidden characters,
// instants that exist, dates the API can handle, and a message of its own for a field that is missing
// or of the wrong type. Every expected message and verdict is written here by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMAIL_INPUT_PATTERN, bookingRequestSchema, isEmailAddress, isIsoInstant, slotHoldRequestSchema, slotsQuerySchema } from '../../../src/lib/booking/request.ts';
import { buildInvite } from '../../../src/lib/booking/invite.ts';
import { bookingPayload } from '../../fixtures/booking-request.ts';

const valid = bookingPayload('2026-03-10T14:20:00Z', 'dana@example.com');

/** The first message per field, as the API and the page show them. */
function refusals(payload: Record<string, unknown>): Record<string, string> {
  const result = bookingRequestSchema.safeParse(payload);
  if (result.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[String(issue.path[0])] ??= issue.message;
  return fields;
}

const EMAIL_MESSAGE = 'Enter a valid email address, like name@company.com.';

const inviteFor = (email: string) =>
  buildInvite({
    uid: 'bk_1@aioperator', sequence: 0, method: 'REQUEST', start: '2026-03-10T14:20:00Z', end: '2026-03-10T14:40:00Z',
    title: 'Workflow audit', description: '', organizer: { name: 'AI Operator', email: 'hello@aioperator.example' },
    attendee: { name: 'Dana', email }, stamp: '2026-03-01T09:00:00Z',
  });

describe('the email rule', () => {
  it.each([
    'dana@example.com',
    'Dana.O-Neil+audit@mail.example-co.com',
    "o'brien@example.ie",
    'x_y@a1.b2.example',
    'dana@xn--bcher-kva.example',
    `x@${'a'.repeat(63)}.com`,
  ])('accepts %s', (email) => {
    expect(refusals({ ...valid, email })).toEqual({});
  });

  it('takes an address with spaces around it (as an API client may send it) and keeps it without them', () => {
    const parsed = bookingRequestSchema.safeParse({ ...valid, email: '  dana@example.com\t' });
    expect(parsed.success && parsed.data.email).toBe('dana@example.com');
  });

  it.each([
    ['a domain label ending in a hyphen', 'x@a-.com'],
    ['a domain label starting with a hyphen', 'x@-a.com'],
    ['a label longer than 63 characters', `x@${'a'.repeat(64)}.com`],
    ['a one-letter top-level domain', 'x@example.c'],
    ['a numeric top-level domain', 'x@example.123'],
    ['no dot in the domain', 'x@localhost'],
    ['a semicolon, which ends a mailto: value in an iCalendar line', 'x;y@example.com'],
    ['a colon', 'x:y@example.com'],
    ['a comma', 'x,y@example.com'],
    ['a quoted local part', '"x y"@example.com'],
    ['a backslash', 'x\\y@example.com'],
    ['a line break', 'x@example.com\r\nATTENDEE:mailto:evil@x.test'],
    ['a leading dot', '.x@example.com'],
    ['two dots in a row', 'x..y@example.com'],
    ['a non-ASCII domain', 'x@bücher.example'],
    ['two @', 'x@y@example.com'],
  ])('refuses %s', (_what, email) => {
    expect(refusals({ ...valid, email })).toEqual({ email: EMAIL_MESSAGE });
  });

  it("the newsletter field's HTML pattern, as a browser compiles it, agrees with the rule", () => {
    const asBrowser = new RegExp(`^(?:${EMAIL_INPUT_PATTERN})$`, 'v');
    const accepted = ['dana@example.com', 'Dana.O-Neil+audit@mail.example-co.com', "o'brien@example.ie", 'x_y@a1.b2.example', `x@${'a'.repeat(63)}.com`];
    const refused = ['jane@example', 'x..y@example.com', '.x@example.com', 'x@a-.com', 'x@-a.com', 'x;y@example.com', 'x@example.c', 'x@bücher.example', 'x@y@example.com', '"x y"@example.com'];
    for (const email of accepted) expect([email, asBrowser.test(email), isEmailAddress(email)]).toEqual([email, true, true]);
    for (const email of refused) expect([email, asBrowser.test(email), isEmailAddress(email)]).toEqual([email, false, false]);
  });

  it('says an address over 254 characters is too long', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`;
    expect(email).toHaveLength(255);
    expect(refusals({ ...valid, email })).toEqual({ email: 'That email address is too long.' });
  });

  it('refuses a value that is not text with the same message', () => {
    expect(refusals({ ...valid, email: 42 })).toEqual({ email: EMAIL_MESSAGE });
  });

  it('the invite refuses the same address the form refuses (x@a-.com)', () => {
    expect(() => inviteFor('x@a-.com')).toThrow('attendee.email is not a valid email address');
  });

  it('every address the form accepts, the invite carries as written (property)', () => {
    const of = (chars: string, minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...chars), minLength, maxLength });
    // Parts near every edge of the rule: specials and dots in the local part; hyphens at label ends,
    // labels about 63 long, top-level domains with digits or hyphens.
    const local = fc.oneof(
      { arbitrary: fc.array(of("abXY09_'+-", 1, 6), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')), weight: 4 },
      of("ab.!#$%&*/=?^`{|}~-", 1, 6),
    );
    const label = fc.oneof({ arbitrary: of('abZ09-', 1, 8), weight: 4 }, of('a', 62, 65));
    const tld = fc.oneof({ arbitrary: of('abcXYZ', 2, 5), weight: 4 }, of('ab1-', 2, 4), of('c', 62, 65));
    const generated = fc.tuple(local, fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([l, labels, t]) => `${l}@${[...labels, t].join('.')}`);
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(generated, fc.emailAddress()), (email) => {
        if (!bookingRequestSchema.safeParse({ ...valid, email }).success) return;
        accepted++;
        expect(inviteFor(email).replace(/\r\n /g, '')).toContain(`:mailto:${email}\r\n`);
      }),
      { numRuns: 3000 },
    );
    // The property ran on many accepted addresses, not on a handful.
    expect(accepted).toBeGreaterThan(300);
  });
});

describe('one-line fields (name, company)', () => {
  const hidden: [string, string][] = [
    ['NUL', '\u0000'],
    ['tab', '\t'],
    ['line feed', '\n'],
    ['DEL', '\u007f'],
    ['U+0085 next line', '\u0085'],
    ['U+009B control sequence introducer', '\u009b'],
    ['U+200B zero-width space', '\u200b'],
    ['U+2028 line separator', '\u2028'],
    ['U+2029 paragraph separator', '\u2029'],
    ['U+202A left-to-right embedding', '\u202a'],
    ['U+202B right-to-left embedding', '\u202b'],
    ['U+202C pop directional formatting', '\u202c'],
    ['U+202D left-to-right override', '\u202d'],
    ['U+202E right-to-left override', '\u202e'],
    ['U+2066 left-to-right isolate', '\u2066'],
    ['U+2067 right-to-left isolate', '\u2067'],
    ['U+2068 first strong isolate', '\u2068'],
    ['U+2069 pop directional isolate', '\u2069'],
    ['U+FEFF byte order mark', '\ufeff'],
  ];

  it.each(hidden)('refuses %s in the name and in the company, each with its own message', (_what, char) => {
    expect(refusals({ ...valid, name: `Dana${char}Reyes` })).toEqual({ name: 'Write your name on one line, without hidden formatting characters.' });
    expect(refusals({ ...valid, company: `Reyes${char}Logistics` })).toEqual({ company: 'Write your company on one line, without hidden formatting characters.' });
  });

  it.each([
    ['an emoji sequence joined by ZWJ', 'Zoë 👩‍💻'],
    ['a Persian name with ZWNJ', 'علی‌رضا محمدی'],
    ['an Arabic name (right to left, no controls needed)', 'ليلى حداد'],
    ['combining accents', 'Ngozi Ọkọnjọ-Iweala'],
    ['apostrophes and commas', "O'Neil, Dana"],
  ])('accepts %s', (_what, name) => {
    expect(refusals({ ...valid, name, company: `${name} & Co.` })).toEqual({});
  });
});

describe('instants and dates', () => {
  it.each([
    '2026-03-10T14:20:00Z',
    '2026-03-10T14:20Z',
    '2026-03-10T14:20:00.5Z',
    '2028-02-29T10:00:00Z', // a leap day
    '2000-01-01T00:00:00Z',
    '2100-12-31T23:59:59.999Z',
  ])('isIsoInstant accepts %s', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each([
    ['30 February', '2026-02-30T10:00:00Z'],
    ['29 February in a common year', '2027-02-29T10:00:00Z'],
    ['31 April', '2026-04-31T10:00:00Z'],
    ['hour 24', '2026-12-10T24:00:00Z'],
    ['minute 60', '2026-12-10T23:60:00Z'],
    ['second 60', '2026-12-10T23:59:60Z'],
    ['month 13', '2026-13-01T10:00:00Z'],
    ['day 0', '2026-12-00T10:00:00Z'],
    ['before 2000', '1999-12-31T23:59:59Z'],
    ['after 2100', '2101-01-01T00:00:00Z'],
    ['year 9999', '9999-12-31T23:40:00Z'],
    ['an offset instead of Z', '2026-03-10T15:20:00+01:00'],
    ['a space instead of T', '2026-03-10 14:20:00Z'],
  ])('isIsoInstant refuses %s', (_what, value) => {
    expect(isIsoInstant(value)).toBe(false);
  });

  it('names start when a booking or a hold has a start that does not exist', () => {
    expect(refusals({ ...valid, start: '2026-02-30T10:00:00Z' })).toEqual({ start: 'Pick a time from the list.' });
    const hold = slotHoldRequestSchema.safeParse({ start: '2026-02-30T10:00:00Z' });
    expect(hold.success ? [] : hold.error.issues.map((issue) => [issue.path[0], issue.message])).toEqual([['start', 'Pick a time from the list.']]);
  });

  it.each<[string, Record<string, string>, Record<string, string>]>([
    ['a date in year 9999', { from: '9999-12-31', to: '9999-12-31' }, { from: 'from must be between 2000-01-01 and 2100-12-31.', to: 'to must be between 2000-01-01 and 2100-12-31.' }],
    ['the day before 2000', { from: '1999-12-31', to: '2026-03-10' }, { from: 'from must be between 2000-01-01 and 2100-12-31.' }],
    ['the day after 2100', { from: '2026-03-10', to: '2101-01-01' }, { to: 'to must be between 2000-01-01 and 2100-12-31.' }],
    ['30 February', { from: '2026-02-30', to: '2026-03-10' }, { from: 'from must be a date written YYYY-MM-DD.' }],
    ['a date that is not YYYY-MM-DD', { from: '2026-03-10', to: '10/03/2026' }, { to: 'to must be a date written YYYY-MM-DD.' }],
  ])('the slots query names the field for %s', (_what, dates, expected) => {
    const result = slotsQuerySchema.safeParse({ ...dates, tz: 'UTC' });
    const fields: Record<string, string> = {};
    if (!result.success) for (const issue of result.error.issues) fields[String(issue.path[0])] ??= issue.message;
    expect(fields).toEqual(expected);
  });

  it('the slots query accepts the first and the last day of the range', () => {
    expect(slotsQuerySchema.safeParse({ from: '2000-01-01', to: '2100-12-31', tz: 'UTC' }).success).toBe(true);
  });
});

describe('the workflow area', () => {
  it("accepts every stored area, including 'revops' from a page opened before the forms offered four", () => {
    for (const area of ['sales', 'crm', 'documents', 'customer-success', 'revops']) expect(refusals({ ...valid, area })).toEqual({});
    expect(refusals({ ...valid, area: 'marketing' })).toEqual({ area: 'Pick the area of the workflow.' });
  });
});

describe('the time zone', () => {
  it.each(['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'EST5EDT'])('accepts the zone name %s', (timeZone) => {
    expect(refusals({ ...valid, timeZone })).toEqual({});
  });
  // Intl takes a bare offset as a zone too; the emails then showed "GMT-14", a zone no place keeps.
  it.each(['-14', '+05:30', '+0530', '-2359', 'Mars/Olympus', '../etc', 'Europe//Berlin'])('refuses %s, which is no zone name', (timeZone) => {
    expect(refusals({ ...valid, timeZone })).toEqual({ timeZone: 'Pick a time zone from the list.' });
  });
});

describe('a payload with fields missing or of the wrong type', () => {
  it('an empty booking names every required field in words a visitor can act on', () => {
    expect(refusals({})).toEqual({
      start: 'Pick a time from the list.',
      name: 'Enter your name.',
      email: EMAIL_MESSAGE,
      company: 'Enter your company.',
      companySize: 'Pick the size of your company.',
      area: 'Pick the area of the workflow.',
      goal: 'Say in a sentence or two what you want to fix (at least 10 characters).',
      timeZone: 'Pick a time zone from the list.',
      consent: 'Tick the box so we may use these details to prepare and hold the call.',
    });
  });

  it('a number, null or a list where text belongs gets the same message as a wrong text', () => {
    expect(refusals({ ...valid, name: 42, company: null, goal: ['x'], timeZone: 7, start: false })).toEqual({
      name: 'Enter your name.',
      company: 'Enter your company.',
      goal: 'Say in a sentence or two what you want to fix (at least 10 characters).',
      timeZone: 'Pick a time zone from the list.',
      start: 'Pick a time from the list.',
    });
  });

  it('what the page fills in itself asks for a reload, and a bad context names the box to untick', () => {
    expect(refusals({ ...valid, idempotencyKey: 5, fillMs: 'soon', website: {} })).toEqual({
      idempotencyKey: 'Reload the page and try again.',
      fillMs: 'Reload the page and try again.',
      website: 'Reload the page and try again.',
    });
    const context = 'What was sent with the booking (your calculator or readiness answers) is not valid. Untick “Send these with my booking”, or reload the page.';
    expect(refusals({ ...valid, context: 'x' })).toEqual({ context });
    expect(refusals({ ...valid, context: { scenario: 3 } })).toEqual({ context });
  });

  it('an empty hold asks for a time, and a replaced hold that is not one asks to pick again', () => {
    const hold = slotHoldRequestSchema.safeParse({ replaces: 12 });
    expect(hold.success ? [] : hold.error.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['start', 'Pick a time from the list.'],
      ['replaces', 'Pick the time again.'],
    ]);
  });
});
