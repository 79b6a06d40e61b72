// Moving and cancelling a call from the emailed link, through HTTP on the real local server with a
// database file and the file outbox: a reschedule keeps the booking (same UID, higher SEQUENCE, METHOD
// REQUEST at the new UTC start), frees the old time and moves the reminder; a time taken meanwhile
// sends the visitor back to the manage page with a notice (a forged way back refused), and so does a
// time that has passed or that the hours never offer (JSON: 422 with the booking's own message on
// `start`, no alternatives), and so does a start that is no time at all (a page, never raw JSON, for a
// form post); a cancel sends
// METHOD:CANCEL with the same UID, frees the time, drops the reminder, is harmless pressed twice, and
// lets the address book again; a call whose time has passed is neither moved nor cancelled.
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { BOOKINGS_SERVER, bookingsOver, formOn, icsField, manageLink } from '../fixtures/bookings-http.ts';

const started = await startApiServer('bookings-reschedule-cancel', BOOKINGS_SERVER);
const { server, apiContext } = started;
const { post, form, request, slots, slotAfter, settle, mails, attachment, count } = bookingsOver(started);
const { cancelBooking } = await import('../../api/_lib/booking/cancel-booking.ts');
const { rescheduleBooking } = await import('../../api/_lib/booking/reschedule-booking.ts');

describe('the manage link, reschedule and cancel', () => {
  it('reschedules the same booking: same UID, higher SEQUENCE, old time freed, reminder moved', async () => {
    const slot = await slotAfter(90);
    const payload = request(slot.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    await settle();
    const link = manageLink(mails(payload.email)[0]!);
    const page = (await server.send(link)).body;
    const fields = formOn(page, '/api/bookings/reschedule');
    // The list ends before the booking page's horizon, and the page names the day it ends on.
    const lastDay = [...page.matchAll(/<optgroup label="([^"]+)">/g)].at(-1)![1]!;
    expect(page).toContain(`Pick another time, up to ${lastDay}, or cancel.`);
    // A new time more than a day away, so the moved call gets a reminder of its own.
    const offered = [...page.slice(page.indexOf('/api/bookings/reschedule')).matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]!);
    const newStart = offered.find((start) => Date.parse(start) > Date.now() + 30 * 3600_000)!;
    expect(newStart).not.toBe(slot.start);
    const moved = await form('/api/bookings/reschedule', { ...fields, start: newStart });
    expect(moved.status).toBe(303);
    // Back on the manage page, which says it is done and shows the new time.
    expect(moved.headers.location).toBe(`${link}&notice=moved`);
    const after = (await server.send(moved.headers.location as string)).body;
    expect(after).toContain('<p class="notice done" role="status">Done: your call has moved to the time below.');
    // A page loaded after a redirect does not announce its status line: the title says the outcome.
    expect(after).toContain('<title>Your call has moved | AI Operator</title>');
    expect(after).toContain('<h1>Your call has moved</h1>');
    expect((await server.send(link)).body).toContain('<h1>Your workflow audit</h1>');
    expect((await server.send(`${link}&notice=slot_taken`)).body).toContain('<title>Your call did not move | AI Operator</title>');
    expect((await server.send(`${link}&notice=toString`)).body).toContain('<h1>Your workflow audit</h1>');
    expect(after).not.toContain(`value="${newStart}"`); // its own time is no longer offered: it is the call's
    expect(after).toContain(`value="${slot.start}"`); // the old time is free again
    // The same press sent again (Enter twice): the same answer, and no second round of emails (below).
    expect((await form('/api/bookings/reschedule', { ...fields, start: newStart })).headers.location).toBe(`${link}&notice=moved`);
    // Without a way back (a forged one is not followed), the plain page says it moved.
    expect((await form('/api/bookings/reschedule', { ...fields, back: 'https://evil.example/', start: newStart })).headers.location).toBe('/book-audit/rescheduled');
    await settle();

    expect(mails(payload.email).filter((m) => m.attachments.length)).toHaveLength(2);
    const [created, update] = mails(payload.email).filter((m) => m.attachments.length);
    expect(update!.subject).toBe('Moved: your workflow audit has a new time');
    const [first, second] = [attachment(created!), attachment(update!)];
    expect(icsField(second, 'UID')).toBe(icsField(first, 'UID'));
    expect(icsField(second, 'SEQUENCE')).toBe('1');
    expect(icsField(second, 'METHOD')).toBe('REQUEST');
    expect(icsField(second, 'DTSTART')).toBe(newStart.replace(/[-:]/g, ''));
    const free = (await slots(14)).map((s) => s.start);
    expect(free).toContain(slot.start);
    expect(free).not.toContain(newStart);
    const reminders = (await (await apiContext()).db.execute({ sql: `SELECT status, next_attempt_at FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-reminder' ORDER BY rowid`, args: [booking.id] })).rows;
    expect(reminders.map((r) => [r.status, r.next_attempt_at])).toEqual([
      ['cancelled', new Date(Date.parse(slot.start) - 86_400_000).toISOString()],
      ['pending', new Date(Date.parse(newStart) - 86_400_000).toISOString()],
    ]);
  });

  it('sends a reschedule to a time taken meanwhile back to the manage page with a notice', async () => {
    const [mine, theirs] = [await slotAfter(100), await slotAfter(103)];
    const payload = request(mine.start);
    await post('/api/bookings', payload);
    await settle();
    const link = manageLink(mails(payload.email)[0]!);
    const fields = formOn((await server.send(link)).body, '/api/bookings/reschedule');
    // Its own time, never moved: back to the manage page, which says so.
    expect((await form('/api/bookings/reschedule', { ...fields, start: mine.start })).headers.location).toBe(`${link}&notice=same_time`);
    expect((await post('/api/bookings', request(theirs.start))).status).toBe(201);
    const reply = await form('/api/bookings/reschedule', { ...fields, start: theirs.start });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe(`${link}&notice=slot_taken`);
    expect((await server.send(reply.headers.location as string)).body).toContain('stopped being free');
    // A forged way back is refused rather than followed.
    expect((await form('/api/bookings/reschedule', { ...fields, back: 'https://evil.example/', start: theirs.start })).headers.location).toBe('/book-audit/link-expired');
  });

  it('refuses a move to a start that has passed or is not offered as a booking is: 422 to JSON, the manage page with its message to a person; a taken time is still 409', async () => {
    const [mine, theirs] = [await slotAfter(130), await slotAfter(133)];
    const payload = request(mine.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    await settle();
    const link = manageLink(mails(payload.email)[0]!);
    const fields = formOn((await server.send(link)).body, '/api/bookings/reschedule');
    const cases: [string, string, string][] = [
      ['2020-01-06T09:00:00Z', 'start_passed', 'That time has already passed. Pick another one.'],
      [new Date(Date.parse(theirs.start) + 7 * 60_000).toISOString(), 'start_not_offered', 'That is not one of the times we offer. Pick one from the list.'],
    ];
    for (const [start, code, message] of cases) {
      const json = await post('/api/bookings/reschedule', { ...fields, start });
      expect(json.status, start).toBe(422);
      // The booking's answer (bookings-slots-and-bad-input.test.ts): the message on `start`, and no alternatives to offer.
      expect(JSON.parse(json.body), start).toEqual({ error: { code, message, fields: { start: message } }, next: `${link}&notice=${code}` });
      const person = await form('/api/bookings/reschedule', { ...fields, start });
      expect(person.status, start).toBe(303);
      expect(person.headers.location, start).toBe(`${link}&notice=${code}`);
      expect((await server.send(person.headers.location as string)).body, start).toContain(`<p class="notice" role="status">${message}</p>`);
    }
    // The call kept its time, and nobody was emailed about a move.
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND start_at = ? AND sequence = 0`, [booking.id, mine.start])).toBe(1);
    await settle();
    expect(mails(payload.email)).toHaveLength(1);

    // Someone else's call: the conflict keeps its 409 with the next free times, its message on `start` as a booking's.
    expect((await post('/api/bookings', request(theirs.start))).status).toBe(201);
    const taken = await post('/api/bookings/reschedule', { ...fields, start: theirs.start });
    expect(taken.status).toBe(409);
    const body = JSON.parse(taken.body);
    expect(body.error).toEqual({ code: 'slot_taken', message: 'That time is no longer free. Pick another one.', fields: { start: 'That time is no longer free.' } });
    expect(body.alternatives.length).toBeGreaterThan(0);
  });

  it("never offers the call's own time as an alternative to a taken one (JSON), as the manage page does not", async () => {
    // Someone's call, then mine two slots later (both calls' buffers block the slot between): the free
    // times after theirs start with my own, since a call being moved does not stand in its own way.
    const theirs = await slotAfter(160);
    const mine = (await slots(14)).find((s) => Date.parse(s.start) === Date.parse(theirs.start) + 40 * 60_000)!;
    expect((await post('/api/bookings', request(theirs.start))).status).toBe(201);
    const payload = request(mine.start);
    expect((await post('/api/bookings', payload)).status).toBe(201);
    await settle();
    const link = manageLink(mails(payload.email)[0]!);
    const page = (await server.send(link)).body;
    expect(page).not.toContain(`value="${mine.start}"`);
    const taken = await post('/api/bookings/reschedule', { ...formOn(page, '/api/bookings/reschedule'), start: theirs.start });
    expect(taken.status).toBe(409);
    const alternatives = (JSON.parse(taken.body).alternatives as { start: string }[]).map((slot) => slot.start);
    expect(alternatives).not.toContain(mine.start);
    // Still five of them: the call's own time is left out before they are counted.
    expect(alternatives).toHaveLength(5);
  });

  it('sends a form post whose start is no time at all back to the manage page with a notice, never raw JSON; JSON gets its 422', async () => {
    const slot = await slotAfter(136);
    const payload = request(slot.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    await settle();
    const link = manageLink(mails(payload.email)[0]!);
    const fields = formOn((await server.send(link)).body, '/api/bookings/reschedule');
    for (const start of ['nope', '']) {
      const person = await form('/api/bookings/reschedule', { ...fields, start });
      expect(person.status, start).toBe(303);
      expect(person.headers.location, start).toBe(`${link}&notice=invalid_start`);
      expect(person.body, start).toBe('');
    }
    // No start at all (the page's select left out).
    expect((await form('/api/bookings/reschedule', fields)).headers.location).toBe(`${link}&notice=invalid_start`);
    expect((await server.send(`${link}&notice=invalid_start`)).body).toContain('<p class="notice" role="status">Pick a new time from the list.</p>');
    // A JSON client (or a form asking for JSON) still gets JSON, the field named.
    const json = await post('/api/bookings/reschedule', { ...fields, start: 'nope' });
    expect(json.status).toBe(422);
    expect(JSON.parse(json.body).error).toEqual({ code: 'invalid_input', message: 'Pick a new time from the list.', fields: { start: 'Pick a new time from the list.' } });
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND start_at = ? AND sequence = 0`, [booking.id, slot.start])).toBe(1);
  });

  it('cancels from the emailed link: METHOD:CANCEL with the same UID, the slot free again, the reminder dropped', async () => {
    const slot = await slotAfter(110);
    const payload = request(slot.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    await settle();
    const manage = manageLink(mails(payload.email)[0]!);
    // The manage page's Cancel only asks (a GET to the same page): one press there cancelled the call, with no undo.
    const managePage = (await server.send(manage)).body;
    expect(managePage).not.toContain('action="/api/bookings/cancel"');
    const ask = formOn(managePage, '/book-audit/manage', 'get');
    expect(ask.step).toBe('cancel');
    const question = await server.send(`/book-audit/manage?${new URLSearchParams(ask)}`);
    expect(question.body).toContain('<h1>Cancel this call?</h1>');
    expect(question.body).toContain(`<a href="${manage.replace(/&/g, '&amp;')}">No, keep the call</a>`);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND status = 'confirmed'`, [booking.id])).toBe(1);
    const page = question.body;
    const cancelled = await form('/api/bookings/cancel', formOn(page, '/api/bookings/cancel'));
    expect(cancelled.headers.location).toBe('/book-audit/cancelled');
    await settle();
    const cancel = mails(payload.email).find((m) => m.subject.startsWith('Cancelled'))!;
    expect(cancel.attachments[0]).toMatchObject({ filename: 'cancel.ics', contentType: 'text/calendar; charset=utf-8; method=CANCEL' });
    const ics = attachment(cancel);
    expect(icsField(ics, 'METHOD')).toBe('CANCEL');
    expect(icsField(ics, 'STATUS')).toBe('CANCELLED');
    expect(icsField(ics, 'SEQUENCE')).toBe('1');
    expect(icsField(ics, 'UID')).toBe(icsField(attachment(mails(payload.email)[0]!), 'UID'));
    expect((await slots(14)).map((s) => s.start)).toContain(slot.start);
    // Free in fact, not only in the list: the call's claims are gone, so someone else can book the time.
    expect(await count(`SELECT COUNT(*) AS n FROM booking_claims WHERE booking_id = ?`, [booking.id])).toBe(0);
    expect((await post('/api/bookings', request(slot.start))).status).toBe(201);
    expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-reminder' AND status = 'cancelled'`, [booking.id])).toBe(1);
    // A second press is harmless; the link now says the call was cancelled.
    expect((await form('/api/bookings/cancel', formOn(page, '/api/bookings/cancel'))).headers.location).toBe('/book-audit/cancelled');
    expect((await server.send(manageLink(mails(payload.email)[0]!))).body).toContain('This call was cancelled');
    // The address may book again.
    expect((await post('/api/bookings', { ...payload, start: (await slotAfter(120)).start })).status).toBe(201);
  });
  describe('a call whose time has passed', () => {
    /**
     * A call booked ahead, its move and cancel forms taken from the emailed link while it was, then its
     * time put 30 minutes in the past (as lead-loop.test.ts does): the forms' tokens are still valid,
     * so only the call's own time can refuse them.
     */
    async function pastCall(hours: number) {
      const slot = await slotAfter(hours);
      const payload = request(slot.start);
      const booking = JSON.parse((await post('/api/bookings', payload)).body).booking as { id: string };
      await settle();
      const manage = manageLink(mails(payload.email)[0]!);
      const page = (await server.send(manage)).body;
      const move = formOn(page, '/api/bookings/reschedule');
      const newStart = [...page.slice(page.indexOf('/api/bookings/reschedule')).matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]!).find((start) => Date.parse(start) > Date.now() + 30 * 3600_000)!;
      const cancel = formOn((await server.send(`/book-audit/manage?${new URLSearchParams(formOn(page, '/book-audit/manage', 'get'))}`)).body, '/api/bookings/cancel');
      const start = new Date(Date.now() - 30 * 60_000);
      await (await apiContext()).db.execute({ sql: 'UPDATE bookings SET start_at = ?, end_at = ? WHERE id = ?', args: [start.toISOString(), new Date(start.getTime() + 20 * 60_000).toISOString(), booking.id] });
      const messages = await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ?`, [booking.id]);
      return { booking, email: payload.email, start: start.toISOString(), move, newStart, cancel, messages };
    }
    const pastAnswer = { error: { code: 'invalid_link', message: 'This call has already taken place.', fields: {} }, next: '/book-audit/link-expired' };

    it('refuses to cancel it: the call stays confirmed, nothing is sent', async () => {
      const call = await pastCall(140);
      const reply = await post('/api/bookings/cancel', call.cancel);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toEqual(pastAnswer);
      expect(await cancelBooking(await apiContext(), call.booking.id)).toEqual({ outcome: 'past', queued: 0 });
      expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND status = 'confirmed' AND sequence = 0 AND cancelled_at IS NULL`, [call.booking.id])).toBe(1);
      expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ?`, [call.booking.id])).toBe(call.messages);
      await settle();
      expect(mails(call.email)).toHaveLength(1);
    });

    it('refuses to move it, even to a free time: its time and SEQUENCE stay, nothing is sent', async () => {
      const call = await pastCall(146);
      const reply = await post('/api/bookings/reschedule', { ...call.move, start: call.newStart });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toEqual(pastAnswer);
      expect(await rescheduleBooking(await apiContext(), call.booking.id, call.newStart)).toEqual({ outcome: 'past', queued: 0 });
      expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND start_at = ? AND sequence = 0`, [call.booking.id, call.start])).toBe(1);
      expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ?`, [call.booking.id])).toBe(call.messages);
      await settle();
      expect(mails(call.email)).toHaveLength(1);
      // The new time was never taken: it is still offered.
      expect((await slots(14)).map((s) => s.start)).toContain(call.newStart);
    });
  });
});
