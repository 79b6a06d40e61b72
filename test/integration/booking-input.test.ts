// What the booking API refuses, and what it survives, through HTTP on the real local server with a
// database file and the file outbox: one email rule for the form, the API and the invite; a booking
// stored under an older, looser rule still reaching both sides; hidden characters in one-line fields;
// and requests that used to answer 500 (a prototype key as a notice, dates out of any sane range,
// days that do not exist). Every expected message is written out here, not read from the code.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPEN_EVERY_HOUR, startApiServer } from '../fixtures/api-server.ts';
import { bookingPayload, emailSequence } from '../fixtures/booking-request.ts';
import { fileOutbox, settleOutbox } from '../fixtures/file-outbox.ts';

const { server, apiContext, deliverDue, dataDir } = await startApiServer('booking-input', {
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  ...OPEN_EVERY_HOUR,
  NEWSLETTER_RATE_LIMIT: '1000',
  RESEND_API_KEY: undefined,
});
const { createToken } = await import('../../api/_lib/signing/tokens.ts');
const { createBooking } = await import('../../api/_lib/booking/create-booking.ts');

const outbox = fileOutbox(dataDir);
let nextAddress = 2;
const freshAddress = () => `127.0.2.${nextAddress++}`;
const freshEmail = emailSequence('input');

const post = (path: string, payload: unknown) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), from: freshAddress() });
const request = (start: string, overrides: Record<string, unknown> = {}) => bookingPayload(start, freshEmail(), overrides);
const errorOf = (body: string) => JSON.parse(body).error as { code: string; message: string; fields: Record<string, string> };

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Free slots at least `hours` ahead (two weeks are asked for: more than the tests book). */
async function freeSlots(hours: number): Promise<{ start: string; end: string }[]> {
  const reply = await server.send(`/api/slots?from=${isoDate(Date.now())}&to=${isoDate(Date.now() + 13 * 86_400_000)}&tz=UTC`);
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.body).slots as { start: string; end: string }[]).filter((s) => Date.parse(s.start) >= Date.now() + hours * 3600_000);
}
/** A different free slot each call, so no test takes another's time. */
let taken = 0;
const nextSlot = async () => (await freeSlots(30))[taken++ * 3]!;

const settle = () => settleOutbox(apiContext, deliverDue);

const { mails, attachment } = outbox;
const count = async (sql: string, args: (string | number)[] = []) => Number((await (await apiContext()).db.execute({ sql, args })).rows[0]?.n ?? 0);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('one email rule for the form, the API and the invite', () => {
  it('refuses, with a 422 naming email, an address the invite could not carry, and stores nothing', async () => {
    const slot = await nextSlot();
    const refused = [
      'x@a-.com', // a domain label ending in a hyphen: the address that used to leave a booking without any email
      'x@-a.com',
      `x@${'a'.repeat(64)}.com`, // a domain label longer than DNS allows
      'x;y@example.com', // `;` would end the mailto: value in the invite's ATTENDEE line
      'x:y@example.com',
      'x,y@example.com',
      '"x y"@example.com',
    ];
    for (const email of refused) {
      const reply = await post('/api/bookings', request(slot.start, { email }));
      expect(reply.status, email).toBe(422);
      expect(errorOf(reply.body).fields, email).toEqual({ email: 'Enter a valid email address, like name@company.com.' });
      expect(await count('SELECT COUNT(*) AS n FROM bookings WHERE email = ?', [email.toLowerCase()]), email).toBe(0);
    }
    // The newsletter form shares the rule.
    const signup = await post('/api/newsletter', { email: 'x@a-.com', consent: true });
    expect(signup.status).toBe(422);
    expect(errorOf(signup.body).fields).toEqual({ email: 'Enter a valid email address, like name@company.com.' });
  });

  it('emails both sides about a call stored with an address the invite refuses, without the invite, and logs why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ctx = await apiContext();
    const slot = await nextSlot();
    const email = 'old.rule@a-.com';
    // A booking made before the rule was shared: the schema is bypassed, as the old one let it through.
    const { booking } = await ctx.writes.run((tx) =>
      createBooking(ctx, tx, { ...request(slot.start), email, name: 'Olga Old', company: 'Old Rule Ltd' } as Parameters<typeof createBooking>[2], { clientAddress: '127.0.2.250', now: new Date() }),
    );
    await settle();

    const [visitor] = mails((m) => m.to === email);
    expect(visitor?.subject).toBe('Booked: your 20-minute workflow audit');
    expect(visitor!.attachments).toEqual([]);
    // No attachment, so the email neither promises one nor links a download that cannot be made.
    expect(visitor!.text).not.toContain('attached');
    expect(visitor!.text).not.toContain('Download .ics');
    expect(visitor!.text).toContain('calendar.google.com');
    const [operator] = mails((m) => m.to === 'operator@site.test' && m.text.includes(email));
    expect(operator?.subject).toBe('New audit: Old Rule Ltd (Olga Old)');
    expect(operator!.attachments).toEqual([]);
    expect(operator!.text).toContain('Calendar invite: Not attached (attendee.email is not a valid email address). Add the call to your calendar by hand.');
    expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ? AND status = 'sent'`, [booking.id])).toBe(2);
    expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ? AND status = 'dead'`, [booking.id])).toBe(0);
    expect(warn).toHaveBeenCalledWith(`[booking email] confirmed email to the visitor for ${booking.uid} goes without its invite: attendee.email is not a valid email address`);
    expect(warn).toHaveBeenCalledWith(`[booking email] confirmed email to the operator for ${booking.uid} goes without its invite: attendee.email is not a valid email address`);

    // The download link answers a clear 409, not a 500.
    const manage = createToken(ctx.secret, 'booking-manage', booking.id, 3600);
    const download = await server.send(`/api/bookings/invite?token=${manage}`);
    expect(download.status).toBe(409);
    expect(errorOf(download.body)).toEqual({
      code: 'invite_unavailable',
      message: 'A calendar file cannot be made for this call. The Google and Outlook links in your booking email still add it to your calendar.',
      fields: {},
    });
    expect(warn).toHaveBeenCalledWith(`[bookings] no calendar file for ${booking.uid}: attendee.email is not a valid email address`);

    // A move reaches both sides too, without the invite.
    const newStart = (await nextSlot()).start;
    const moved = await post('/api/bookings/reschedule', { token: createToken(ctx.secret, 'booking-reschedule', booking.id, 3600), start: newStart });
    expect(moved.status).toBe(200);
    await settle();
    const update = mails((m) => m.to === email && m.subject === 'Moved: your workflow audit has a new time');
    expect(update).toHaveLength(1);
    expect(update[0]!.attachments).toEqual([]);
    expect(mails((m) => m.to === 'operator@site.test' && m.subject === 'Moved audit: Old Rule Ltd (Olga Old)')).toHaveLength(1);
  });

  it('still attaches the invite for a good address (the fallback is only a fallback)', async () => {
    const payload = request((await nextSlot()).start, { email: 'dana.o-neil+audit@mail.example-co.com' });
    expect((await post('/api/bookings', payload)).status).toBe(201);
    await settle();
    const [visitor] = mails((m) => m.to === payload.email);
    expect(visitor!.attachments.map((a) => a.filename)).toEqual(['invite.ics']);
    expect(visitor!.text).toContain('The invite is attached');
    expect(attachment(visitor!).replace(/\r\n /g, '')).toContain(':mailto:dana.o-neil+audit@mail.example-co.com\r\n');
  });
});

describe('one-line fields refuse hidden characters', () => {
  const hidden: [string, string][] = [
    ['U+202E right-to-left override', '\u202e'],
    ['U+202A left-to-right embedding', '\u202a'],
    ['U+2066 left-to-right isolate', '\u2066'],
    ['U+2069 pop directional isolate', '\u2069'],
    ['U+0085 next line', '\u0085'],
    ['U+009B control sequence introducer', '\u009b'],
    ['U+2028 line separator', '\u2028'],
    ['U+2029 paragraph separator', '\u2029'],
    ['U+200B zero-width space', '\u200b'],
    ['U+FEFF byte order mark', '\ufeff'],
    ['U+0009 tab', '\t'],
  ];
  const messages = {
    name: 'Write your name on one line, without hidden formatting characters.',
    company: 'Write your company on one line, without hidden formatting characters.',
  };

  it('answers 422 naming the field for each character, in the name and in the company', async () => {
    const slot = await nextSlot();
    for (const field of ['name', 'company'] as const) {
      for (const [what, char] of hidden) {
        const email = freshEmail();
        const reply = await post('/api/bookings', request(slot.start, { email, [field]: `Dana${char}Reyes` }));
        expect(reply.status, `${field}: ${what}`).toBe(422);
        expect(errorOf(reply.body).fields, `${field}: ${what}`).toEqual({ [field]: messages[field] });
        expect(await count('SELECT COUNT(*) AS n FROM bookings WHERE email = ?', [email])).toBe(0);
      }
    }
  });

  it('books names that need joiners (emoji, a Persian name with ZWNJ) and writes them whole in the invite', async () => {
    const names = ['Zoë 👩‍💻', 'علی‌رضا محمدی', 'Ngozi Ọkọnjọ-Iweala'];
    for (const name of names) {
      const payload = request((await nextSlot()).start, { name, company: `${name} & Co.` });
      const reply = await post('/api/bookings', payload);
      expect(reply.status, name).toBe(201);
      await settle();
      const [visitor] = mails((m) => m.to === payload.email);
      expect(attachment(visitor!).replace(/\r\n /g, ''), name).toContain(`;CN="${name}":mailto:${payload.email}\r\n`);
    }
  });
});

describe('free text drops hidden characters', () => {
  it('stores the goal and mails it and the readiness answers without bidi overrides, isolates, zero-width spaces or a BOM', async () => {
    const payload = request((await nextSlot()).start, {
      goal: 'Fix it now\u202eetalp\u200b and the \u2066isolate\u2069 too\ufeff.\u2028Second line, and a\ttab.',
      context: { readiness: { area: 'documents', workflowName: 'Invoice\u202e intake', processSteps: 'Scan\u200b\nKey in' } },
    });
    expect((await post('/api/bookings', payload)).status).toBe(201);
    const stored = (await (await apiContext()).db.execute({ sql: 'SELECT goal FROM bookings WHERE email = ?', args: [payload.email] })).rows[0]!;
    expect(stored.goal).toBe('Fix it nowetalp and the isolate too.\nSecond line, and a\ttab.');
    await settle();
    const sent = [...mails((m) => m.to === payload.email), ...mails((m) => m.to === 'operator@site.test' && m.text.includes(payload.email))];
    expect(sent).toHaveLength(2);
    for (const mail of sent) expect(`${mail.subject}${mail.text}`).not.toMatch(/[\u200b\u202a-\u202e\u2066-\u2069\ufeff\u2028]/);
    expect(sent[1]!.text).toContain('Invoice intake');
  });

  it('refuses a goal that is only hidden characters, naming the goal, and books nothing', async () => {
    for (const goal of ['\u200b'.repeat(12), '\u202e\u202e\u202e\u202e\u202e\u2066\u2069\ufeff\ufeff\ufeff\ufeff', 'Fix\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b']) {
      const payload = request((await nextSlot()).start, { goal });
      const reply = await post('/api/bookings', payload);
      expect(reply.status, JSON.stringify(goal)).toBe(422);
      expect(errorOf(reply.body).fields).toEqual({ goal: 'Say in a sentence or two what you want to fix (at least 10 characters).' });
      const stored = await (await apiContext()).db.execute({ sql: 'SELECT COUNT(*) AS n FROM bookings WHERE email = ?', args: [payload.email] });
      expect(Number(stored.rows[0]!.n)).toBe(0);
    }
  });
});

describe('requests that used to answer 500', () => {
  it('books with readiness answers nested 10,000 deep, keeping only what the answers hold (JSON.stringify overflowed)', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    // Written by hand: JSON.stringify cannot write this value either.
    const withReadiness = (payload: Record<string, unknown>, readiness: string) => `${JSON.stringify(payload).slice(0, -1)},"context":{"readiness":${readiness}}}`;
    const bare = request((await nextSlot()).start);
    const nested = request((await nextSlot()).start);
    for (const [payload, readiness] of [[bare, deep], [nested, `{"area":"documents","workflowName":"Invoice intake","signals":${deep}}`]] as const) {
      const reply = await server.send('/api/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: withReadiness(payload, readiness), from: freshAddress() });
      expect(reply.status, reply.body.slice(0, 200)).toBe(201);
    }
    const context = async (email: unknown) => JSON.parse(String((await (await apiContext()).db.execute({ sql: 'SELECT context FROM bookings WHERE email = ?', args: [email as string] })).rows[0]!.context));
    expect((await context(bare.email)).readiness).toMatchObject({ area: null, workflowName: '', processSteps: '' });
    expect((await context(nested.email)).readiness).toMatchObject({ area: 'documents', workflowName: 'Invoice intake', processSteps: '' });
    await settle();
    expect(mails((m) => m.to === 'operator@site.test' && m.text.includes(nested.email as string))[0]!.text).toContain('Invoice intake');
  });

  it('shows the manage page without a notice for a notice name that is not one (prototype keys included)', async () => {
    const payload = request((await nextSlot()).start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking as { id: string };
    const token = createToken((await apiContext()).secret, 'booking-manage', booking.id, 3600);
    for (const notice of ['constructor', '__proto__', 'toString', 'nonsense']) {
      const page = await server.send(`/book-audit/manage?token=${token}&notice=${notice}`);
      expect(page.status, notice).toBe(200);
      expect(page.body, notice).toContain('Your workflow audit');
      expect(page.body, notice).not.toContain('role="status"');
      expect(page.body, notice).not.toContain('[native code]');
    }
    // A real notice still shows.
    const known = await server.send(`/book-audit/manage?token=${token}&notice=slot_taken`);
    expect(known.body).toContain('That time stopped being free a moment ago. Pick another one.');
  });

  it('refuses slot dates outside 2000-2100 with a 400 naming the field', async () => {
    const today = isoDate(Date.now());
    const cases: [string, Record<string, string>][] = [
      ['from=9999-12-31&to=9999-12-31&tz=UTC', { from: 'from must be between 2000-01-01 and 2100-12-31.', to: 'to must be between 2000-01-01 and 2100-12-31.' }],
      [`from=1999-12-31&to=${today}&tz=UTC`, { from: 'from must be between 2000-01-01 and 2100-12-31.' }],
      [`from=${today}&to=2101-01-01&tz=UTC`, { to: 'to must be between 2000-01-01 and 2100-12-31.' }],
      ['from=0000-01-01&to=0000-01-02&tz=Pacific/Kiritimati', { from: 'from must be between 2000-01-01 and 2100-12-31.', to: 'to must be between 2000-01-01 and 2100-12-31.' }],
    ];
    for (const [query, fields] of cases) {
      const reply = await server.send(`/api/slots?${query}`);
      expect(reply.status, query).toBe(400);
      expect(errorOf(reply.body).fields, query).toEqual(fields);
    }
    // The range's own ends are dates the API answers (with no slot, far outside the horizon).
    for (const query of ['from=2100-12-31&to=2100-12-31&tz=Pacific/Kiritimati', 'from=2000-01-01&to=2000-01-01&tz=Etc%2FGMT%2B12']) {
      const reply = await server.send(`/api/slots?${query}`);
      expect(reply.status, query).toBe(200);
      expect(JSON.parse(reply.body).slots, query).toEqual([]);
    }
  });

  it('refuses a start that does not exist or is out of range, for a booking and a hold, with a 422 naming start', async () => {
    const starts = ['2026-02-30T10:00:00Z', '2027-02-29T10:00:00Z', '2026-04-31T10:00:00Z', '2026-12-10T24:00:00Z', '2026-12-10T10:60:00Z', '9999-12-31T23:40:00Z', '1999-12-31T23:40:00Z'];
    for (const start of starts) {
      const booking = await post('/api/bookings', request(start));
      expect(booking.status, start).toBe(422);
      expect(errorOf(booking.body).fields, start).toEqual({ start: 'Pick a time from the list.' });
      const hold = await post('/api/slots/hold', { start });
      expect(hold.status, start).toBe(422);
      expect(errorOf(hold.body).fields, start).toEqual({ start: 'Pick a time from the list.' });
    }
  });
});
