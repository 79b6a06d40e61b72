// One active booking per address, through HTTP on the real local server with a database file and the
// file outbox: a retried request (same idempotency key) answers the same booking, a second booking from
// the address is refused without naming the first one's time, and its tries email the call's invite
// and a working manage link once a day (three tries, one email, same UID), the operator not told.
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { BOOKINGS_SERVER, bookingsOver, icsField, manageLink } from '../fixtures/bookings-http.ts';

const started = await startApiServer('bookings-one-per-address', BOOKINGS_SERVER);
const { server } = started;
const { post, request, slotAfter, settle, mails, attachment, count } = bookingsOver(started);

describe('POST /api/bookings', () => {
  it('keeps one active booking per address, and makes a retried request safe', async () => {
    const [first, second] = [await slotAfter(60), await slotAfter(62)];
    const payload = request(first.start, { idempotencyKey: 'retry-key-123456' });
    const replies = [await post('/api/bookings', payload), await post('/api/bookings', payload)];
    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    expect(JSON.parse(replies[1]!.body).booking.id).toBe(JSON.parse(replies[0]!.body).booking.id);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = ?`, [payload.email])).toBe(1);

    const again = await post('/api/bookings', { ...payload, start: second.start, idempotencyKey: undefined });
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body).error.code).toBe('already_booked');
    expect(JSON.parse(again.body).error.message).toContain('we send it to that address again (once a day at most)');
    // Nothing in the answer names the other booking's time.
    expect(again.body).not.toContain(first.start);
  });

  it('emails the call and its link to an address that tries to book twice, once a day, and tells the operator nothing', async () => {
    const [first, second] = [await slotAfter(64), await slotAfter(66)];
    const payload = request(first.start);
    expect((await post('/api/bookings', payload)).status).toBe(201);
    await settle();
    const operatorMails = () => mails('operator@site.test').filter((m) => m.text.includes(payload.email)).length;
    expect(operatorMails()).toBe(1);

    for (let attempt = 0; attempt < 3; attempt++) {
      const again = await post('/api/bookings', { ...payload, start: second.start });
      expect(again.status).toBe(409);
    }
    await settle();
    const resent = mails(payload.email).filter((m) => m.subject === 'Your workflow audit: the link to move or cancel it');
    expect(resent).toHaveLength(1);
    expect(resent[0]!.text).toContain('nothing new was booked');
    // The same call: its invite (same UID, the time first booked) and a working manage link built from SITE_URL.
    const [confirmation] = mails(payload.email);
    expect(icsField(attachment(resent[0]!), 'UID')).toBe(icsField(attachment(confirmation!), 'UID'));
    expect(icsField(attachment(resent[0]!), 'DTSTART')).toBe(first.start.replace(/[-:]/g, '').replace('.000', ''));
    const page = await server.send(manageLink(resent[0]!));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Move the call');
    expect(operatorMails()).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = ?`, [payload.email])).toBe(1);
  });
});
