// The emailed manage link and the tokens behind it, through HTTP on the real local server with a
// database file and the file outbox: tampered, expired and wrong-purpose tokens are sent to the
// expired-link page by cancel, reschedule and the manage page, the booking untouched; and a scanner's
// GETs and HEADs of the link show the call and change nothing (no referrer, every new time naming its day).
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { BOOKINGS_SERVER, bookingsOver, manageLink } from '../fixtures/bookings-http.ts';

const started = await startApiServer('bookings-manage-link', BOOKINGS_SERVER);
const { server, apiContext } = started;
const { post, form, request, slotAfter, settle, mails, count } = bookingsOver(started);
const { createToken } = await import('../../api/_lib/signing/tokens.ts');

describe('the manage link, reschedule and cancel', () => {
  it('refuses tampered, expired and wrong-purpose tokens, and changes nothing', async () => {
    const slot = await slotAfter(130);
    const payload = request(slot.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    const ctx = await apiContext();
    const expired = createToken(ctx.secret, 'booking-cancel', booking.id, 60, Date.now() - 3600_000);
    const wrongPurpose = createToken(ctx.secret, 'newsletter-unsubscribe', booking.id, 3600);
    const manageOnly = createToken(ctx.secret, 'booking-manage', booking.id, 3600);
    const good = createToken(ctx.secret, 'booking-cancel', booking.id, 3600);
    const tampered = good.slice(0, -2) + (good.endsWith('AA') ? 'BB' : 'AA');
    for (const token of [expired, wrongPurpose, manageOnly, tampered, '', 'x.y']) {
      expect((await form('/api/bookings/cancel', { token })).headers.location).toBe('/book-audit/link-expired');
      expect((await form('/api/bookings/reschedule', { token, start: slot.start })).headers.location).toBe('/book-audit/link-expired');
    }
    for (const token of [createToken(ctx.secret, 'booking-cancel', booking.id, 3600), tampered]) {
      expect((await server.send(`/book-audit/manage?token=${token}`)).headers.location).toBe('/book-audit/link-expired');
    }
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND status = 'confirmed' AND sequence = 0`, [booking.id])).toBe(1);
  });

  it("the booking answer's links add the call to a calendar and do nothing more: moving and cancelling need the mailed link", async () => {
    const slot = await slotAfter(150);
    const payload = request(slot.start);
    const answer = JSON.parse((await post('/api/bookings', payload)).body) as { booking: { id: string }; calendar: { ics: string; google: string; outlook: string } };
    const invite = await server.send(answer.calendar.ics);
    expect(invite.status).toBe(200);
    expect(invite.body).toContain('BEGIN:VCALENDAR');
    // Whoever booked with this address (perhaps not its owner) cannot open the manage page with it, so
    // cannot get the move and cancel forms: before, book-move-cancel mailed a stranger five times a round.
    const token = new URL(answer.calendar.ics, 'http://x').searchParams.get('token')!;
    expect((await server.send(`/book-audit/manage?token=${token}`)).headers.location).toBe('/book-audit/link-expired');
    expect((await form('/api/bookings/cancel', { token })).headers.location).toBe('/book-audit/link-expired');
    for (const link of [answer.calendar.google, answer.calendar.outlook]) {
      expect(link).not.toContain('token');
      expect(decodeURIComponent(link)).toContain('The link to move or cancel the call is in its confirmation email.');
    }
    // The address's owner has the manage link, and it still downloads the invite too.
    await settle();
    const manage = new URL(manageLink(mails(payload.email)[0]!), 'http://x').searchParams.get('token')!;
    expect((await server.send(`/api/bookings/invite?token=${manage}`)).status).toBe(200);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND status = 'confirmed'`, [answer.booking.id])).toBe(1);
  });

  it('shows the call on GET and changes nothing, however often a scanner opens it', async () => {
    const slot = await slotAfter(80);
    const payload = request(slot.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    await settle();
    const link = manageLink(mails(payload.email)[0]!);
    const before = await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ?`, [booking.id]);
    for (let i = 0; i < 3; i++) {
      for (const method of ['GET', 'HEAD']) expect((await server.send(link, { method })).status).toBe(200);
    }
    const page = await server.send(link);
    expect(page.body).toContain('Your workflow audit');
    expect(page.body).toContain('Reyes Logistics');
    // Each new time names its day: a closed select shows the option alone, not its group's label.
    expect(page.body).toMatch(/<option value="[^"]+">(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2} [AP]M GMT-[78]<\/option>/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND status = 'confirmed' AND sequence = 0`, [booking.id])).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ?`, [booking.id])).toBe(before);
  });
});
