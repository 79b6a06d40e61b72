// The manage page's choice of new times, on a server with office hours (the shared booking server is
// open every hour, where a thousand options are two weeks): a call booked weeks ahead can move later
// than its own date, and to a time in the coming days.
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { BOOKINGS_SERVER, bookingsOver, manageLink } from '../fixtures/bookings-http.ts';

const started = await startApiServer('bookings-manage-window', {
  ...BOOKINGS_SERVER,
  BOOKING_HOURS: 'mon-fri 09:00-17:00',
  BOOKING_NOTICE_HOURS: '2',
  BOOKING_HORIZON_DAYS: '60',
});
const { server } = started;
const { post, request, slots, settle, mails } = bookingsOver(started);
const DAY = 86_400_000;

describe('the manage page', () => {
  it('offers a call booked five weeks ahead times after its own date and times in the coming week', async () => {
    const far = (await slots(31, Date.now() + 30 * DAY)).find((s) => Date.parse(s.start) >= Date.now() + 35 * DAY)!;
    const payload = request(far.start);
    expect((await post('/api/bookings', payload)).status).toBe(201);
    await settle();
    const page = (await server.send(manageLink(mails(payload.email)[0]!))).body;
    const offered = [...page.slice(page.indexOf('/api/bookings/reschedule')).matchAll(/<option value="([^"]+)">/g)].map((m) => Date.parse(m[1]!));
    // The page used to stop 21 days from today: a call 35 days out could only move earlier.
    expect(offered.some((start) => start > Date.parse(far.start) + 7 * DAY)).toBe(true);
    expect(offered.some((start) => start < Date.now() + 7 * DAY)).toBe(true);
    expect(offered).not.toContain(Date.parse(far.start));
  });
});
