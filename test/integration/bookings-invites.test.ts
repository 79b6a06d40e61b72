// A booking and what it carries, through HTTP on the real local server with a database file and the
// file outbox: the visitor and the operator mailed the same invite (METHOD, SEQUENCE, UID, the UTC
// start), the operator's brief with the calculator's figures and the checklist's result, the manage
// link, the reminder due 24 elapsed hours before the call (none for a call less than a day away), and
// the operator's export of bookings with their context as CSV.
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { BOOKINGS_SERVER, bookingsOver, icsField, isoDate, manageLink } from '../fixtures/bookings-http.ts';

const started = await startApiServer('bookings-invites', BOOKINGS_SERVER);
const { apiContext } = started;
const { post, request, slots, slotAfter, settle, mails, attachment, count } = bookingsOver(started);

describe('POST /api/bookings', () => {
  it('books a call, mails both sides the same invite, and takes the time off the list', async () => {
    const slot = await slotAfter(30);
    const payload = request(slot.start, { context: { scenario: 'p=document-intake&n=300', readiness: { area: 'documents', workflowName: 'Supplier invoice intake' } } });
    const reply = await post('/api/bookings', payload);
    expect(reply.status).toBe(201);
    const body = JSON.parse(reply.body);
    expect(body.booking).toEqual({ id: expect.any(String), start: slot.start, end: slot.end });
    expect(body.calendar.ics).toMatch(/^\/api\/bookings\/invite\?token=/);
    expect(body.calendar.google).toContain('calendar.google.com');
    expect((await slots(14)).map((s) => s.start)).not.toContain(slot.start);
    await settle();

    const [visitor] = mails(payload.email);
    expect(visitor?.subject).toBe('Booked: your 20-minute workflow audit');
    expect(visitor!.attachments[0]).toMatchObject({ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST' });
    const ics = attachment(visitor!);
    expect(icsField(ics, 'METHOD')).toBe('REQUEST');
    expect(icsField(ics, 'SEQUENCE')).toBe('0');
    expect(icsField(ics, 'DTSTART')).toBe(slot.start.replace(/[-:]/g, '').replace('.000', ''));
    expect(visitor!.text).toMatch(/https:\/\/site\.test\/book-audit\/manage\?token=/);
    // How to join: the company's video-call link in the email, the invite's LOCATION and the calendar links.
    const { company } = await import('../../src/config/company.ts');
    expect(visitor!.text).toContain(`Join the video call: ${company.meetingUrl}`);
    expect(icsField(ics, 'LOCATION')).toBe(company.meetingUrl);
    expect(new URL(body.calendar.google).searchParams.get('location')).toBe(company.meetingUrl);
    expect(new URL(body.calendar.outlook).searchParams.get('location')).toBe(company.meetingUrl);

    const operator = mails('operator@site.test').find((m) => m.text.includes(payload.email))!;
    expect(operator.subject).toBe('New audit: Reyes Logistics (Dana Reyes)');
    // Reply on the notice writes to the visitor; the visitor's replies go to the sender as usual.
    expect(operator.replyTo).toBe(payload.email);
    expect(operator.text).toContain(`Join the video call: ${company.meetingUrl}`);
    // The operator can move or cancel it too, on the visitor's page.
    expect(operator.text).toMatch(/move or cancel this call yourself[^\n]*https:\/\/site\.test\/book-audit\/manage\?token=/);
    expect(icsField(attachment(operator), 'LOCATION')).toBe(company.meetingUrl);
    expect(visitor!.replyTo).toBeUndefined();
    // The operator's brief carries the recomputed calculator figures and the checklist's result.
    expect(operator.text).toContain('Document intake');
    expect(operator.text).toContain('h saved a month');
    expect(operator.text).toContain('Supplier invoice intake (Documents)');
    expect(icsField(attachment(operator), 'UID')).toBe(icsField(ics, 'UID'));

    // The call is more than a day away: its reminder waits, due exactly 24 elapsed hours before.
    const reminder = (await (await apiContext()).db.execute({ sql: `SELECT status, next_attempt_at FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-reminder'`, args: [body.booking.id] })).rows;
    expect(reminder).toEqual([expect.objectContaining({ status: 'pending', next_attempt_at: new Date(Date.parse(slot.start) - 86_400_000).toISOString() })]);
  });

  it('downloads the invite the visitor was mailed, DTSTAMP aside; the booking answer\'s download names no manage link', async () => {
    const slot = await slotAfter(34);
    const payload = request(slot.start);
    const answer = JSON.parse((await post('/api/bookings', payload)).body) as { calendar: { ics: string } };
    await settle();
    const [visitor] = mails(payload.email);
    const mailed = attachment(visitor!);
    const manageToken = new URL(manageLink(visitor!), 'https://site.test').searchParams.get('token')!;
    const download = await started.server.send(`/api/bookings/invite?token=${manageToken}`);
    expect(download.status).toBe(200);
    const withoutStamp = (ics: string) => ics.replace(/\r\nDTSTAMP:[^\r]*/, '');
    // The manage text and link, and URL: calendars that ignore attachments get the same event.
    expect(withoutStamp(download.body)).toBe(withoutStamp(mailed));
    expect(download.body.replace(/\r\n /g, '')).toContain(`Move or cancel: https://site.test/book-audit/manage?token=${manageToken}`);
    // The booking answer's token shows the call only: whoever booked may not own the address.
    const shown = (await started.server.send(answer.calendar.ics)).body.replace(/\r\n /g, '');
    expect(shown).toContain('The link to move or cancel the call is in its confirmation email.');
    expect(shown).not.toContain('/book-audit/manage');
    expect(icsField(shown, 'UID')).toBe(icsField(mailed, 'UID'));
  });

  it('queues no reminder for a call less than a day away', async () => {
    const slot = await slotAfter(3);
    expect(Date.parse(slot.start) - Date.now()).toBeLessThan(20 * 3600_000);
    const reply = await post('/api/bookings', request(slot.start));
    expect(reply.status).toBe(201);
    expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-reminder'`, [JSON.parse(reply.body).booking.id])).toBe(0);
  });
});

describe('operator export', () => {
  it('lists bookings from a date with the context they brought, as CSV a spreadsheet reads safely', async () => {
    const { bookings, messages, toCsv } = await import('../../scripts/_lib/leads-report.ts');
    const ctx = await apiContext();
    // The message list names each email's recipient: the visitor's and the operator's copies of a booking.
    const recipients = new Set((await messages(ctx.db)).map((m) => m.recipient));
    expect(recipients).toContain('booker1@example.com');
    expect(recipients).toContain('operator@site.test');
    const rows = await bookings(ctx.db, isoDate(Date.now()), 'Europe/Berlin');
    const withScenario = rows.find((r) => r.calculator !== '');
    // Each call leads with its start in the operator's zone, as their calendar shows it.
    const start = String(withScenario!.start_at);
    const berlin = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hour: 'numeric', minute: '2-digit' }).format(new Date(start));
    expect(withScenario!.when).toMatch(new RegExp(`^\\w{3}, \\w{3} \\d{1,2}, ${berlin.replace(/\s/g, '\\s')} GMT\\+[12]$`));
    expect(withScenario).toMatchObject({ status: 'confirmed', company: 'Reyes Logistics', area: 'documents' });
    // What the visitor brought, summed up as in the operator's email, not as stored (a query string, JSON):
    // 300 files at 15 minutes by hand and 5 with AI assistance save 50 hours.
    expect(withScenario!.calculator).toMatch(/^Document intake: 50 h saved a month, \$[\d,]+ net a month; Payback /);
    expect(String(withScenario!.calculator_link)).toMatch(/^\/resources\/ai-automation-roi-calculator\?/);
    expect(new URLSearchParams(String(withScenario!.calculator_link).split('?')[1]).get('n')).toBe('300');
    expect(withScenario!.readiness).toMatch(/^Supplier invoice intake \(Documents\): \d{1,3}\/100, [A-Z][^;]+; Blockers: /);
    expect(JSON.stringify(withScenario)).not.toContain('workflowName');
    expect(await bookings(ctx.db, '2999-01-01')).toEqual([]);
    const csv = toCsv(rows);
    expect(csv.split('\n')[0]).toBe('when,start_at,end_at,status,name,email,company,company_size,area,goal,time_zone,sequence,calculator,calculator_link,readiness,created_at,cancelled_at,source_page,source_referrer,utm_source,utm_medium,utm_campaign,utm_term,utm_content,outcome,outcome_at');
  });
});
