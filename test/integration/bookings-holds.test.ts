// Holding a picked time, through HTTP on the real local server with a database file: others neither
// see nor book a held time and its holder books it (its claims handed over); a visitor who already has
// a call gets the held time back at once; 50 simultaneous holds of one time give one 201; a hold placed
// on a fixed clock 9 minutes ago still blocks and one 10.5 minutes ago does not; `replaces` (from the
// same address or another) and one hold per client; bad holds answered with the field named and nothing held; a start that has passed or
// that the hours never offer refused with 422 and its own message (as a booking is), the visitor's
// earlier hold kept.
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { BOOKINGS_SERVER, bookingsOver, isoDate } from '../fixtures/bookings-http.ts';

const started = await startApiServer('bookings-holds', BOOKINGS_SERVER);
const { server, apiContext } = started;
const { freshAddress, post, request, slotAfter, count } = bookingsOver(started);
const { placeHold } = await import('../../api/_lib/booking/slot-holds.ts');

describe('slot holds', () => {
  const hold = (start: string, from: string, replaces?: string) => post('/api/slots/hold', { start, ...(replaces ? { replaces } : {}) }, from);
  const heldId = (reply: { body: string }) => (JSON.parse(reply.body) as { hold: { id: string } }).hold.id;
  const freeStarts = async (holdId?: string) => {
    const from = Date.now();
    const reply = await server.send(`/api/slots?from=${isoDate(from)}&to=${isoDate(from + 13 * 86_400_000)}&tz=UTC${holdId ? `&hold=${holdId}` : ''}`);
    expect(reply.status).toBe(200);
    return (JSON.parse(reply.body).slots as { start: string }[]).map((s) => s.start);
  };

  it('keeps a picked time for its visitor: others neither see nor book it, the holder books it', async () => {
    const slot = await slotAfter(160);
    const visitor = freshAddress();
    const before = Date.now();
    const reply = await hold(slot.start, visitor);
    expect(reply.status).toBe(201);
    const held = JSON.parse(reply.body).hold as { id: string; start: string; end: string; expiresAt: string };
    expect(held.start).toBe(slot.start);
    expect(held.end).toBe(slot.end);
    // Ten minutes from the moment it was placed.
    expect(Date.parse(held.expiresAt) - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(Date.parse(held.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    expect(await freeStarts()).not.toContain(slot.start);
    expect(await freeStarts(held.id)).toContain(slot.start);
    const other = await post('/api/bookings', request(slot.start));
    expect(other.status).toBe(409);
    expect(JSON.parse(other.body).error.code).toBe('slot_taken');
    const otherHold = await hold(slot.start, freshAddress());
    expect(otherHold.status).toBe(409);
    expect(JSON.parse(otherHold.body).alternatives.map((s: { start: string }) => s.start)).not.toContain(slot.start);

    const booked = await post('/api/bookings', request(slot.start, { holdId: held.id }), visitor);
    expect(booked.status).toBe(201);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE id = ?`, [held.id])).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_claims WHERE booking_id = ?`, [`hold:${held.id}`])).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_claims WHERE booking_id = ?`, [JSON.parse(booked.body).booking.id])).toBe(8);
  });

  it('gives a held time back at once when its visitor already has a call', async () => {
    const [first, second] = [await slotAfter(162), await slotAfter(164)];
    const payload = request(first.start);
    expect((await post('/api/bookings', payload)).status).toBe(201);
    const visitor = freshAddress();
    const held = heldId(await hold(second.start, visitor));
    expect(await freeStarts()).not.toContain(second.start);

    const again = await post('/api/bookings', { ...payload, start: second.start, holdId: held }, visitor);
    expect(JSON.parse(again.body).error.code).toBe('already_booked');
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE id = ?`, [held])).toBe(0);
    expect(await freeStarts()).toContain(second.start);
  });

  it('gives 50 simultaneous holds of one time exactly one 201', async () => {
    const slot = await slotAfter(170);
    const replies = await Promise.all(Array.from({ length: 50 }, () => hold(slot.start, freshAddress())));
    expect(replies.map((r) => r.status).sort()).toEqual([201, ...Array(49).fill(409)]);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE start_at = ?`, [slot.start])).toBe(1);
  });

  it('lets a hold block others for its ten minutes and not a moment longer (placed on a fixed clock)', async () => {
    const ctx = await apiContext();
    const [stillHeld, runOut] = [await slotAfter(180), await slotAfter(182)];
    const placedAt = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await ctx.writes.run((tx) => placeHold(ctx, tx, { start: stillHeld.start, clientAddress: freshAddress() }, placedAt(9)));
    await ctx.writes.run((tx) => placeHold(ctx, tx, { start: runOut.start, clientAddress: freshAddress() }, placedAt(10.5)));
    const free = await freeStarts();
    expect(free).not.toContain(stillHeld.start);
    expect(free).toContain(runOut.start);
    expect((await post('/api/bookings', request(stillHeld.start))).status).toBe(409);
    expect((await post('/api/bookings', request(runOut.start))).status).toBe(201);
    // The booking's transaction swept the expired hold and its claims.
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE start_at = ?`, [runOut.start])).toBe(0);
  });

  it('gives the previous time back when the visitor picks another, and keeps one time per client', async () => {
    const [a, b, c] = [await slotAfter(190), await slotAfter(192), await slotAfter(194)];
    const visitor = freshAddress();
    const first = heldId(await hold(a.start, visitor));
    const second = await hold(b.start, visitor, first);
    expect(second.status).toBe(201);
    let free = await freeStarts();
    expect(free).toContain(a.start);
    expect(free).not.toContain(b.start);
    // Without `replaces` (a second tab), the new hold still takes the old one's place.
    expect((await hold(c.start, visitor)).status).toBe(201);
    free = await freeStarts();
    expect(free).toContain(b.start);
    expect(free).not.toContain(c.start);
  });

  it('gives the replaced time back even when the new hold comes from another address (a phone moving from Wi-Fi to mobile data)', async () => {
    // Days no other test holds times on: a day shows at most three held times.
    const [a, b] = [await slotAfter(220), await slotAfter(222)];
    const first = heldId(await hold(a.start, freshAddress()));
    // From another address, the one-per-client rule finds nothing of this client's to release: only `replaces` frees the first time.
    const second = await hold(b.start, freshAddress(), first);
    expect(second.status).toBe(201);
    const free = await freeStarts();
    expect(free).toContain(a.start);
    expect(free).not.toContain(b.start);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE id = ?`, [first])).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_claims WHERE booking_id = ?`, [`hold:${first}`])).toBe(0);
  });

  it('refuses a bad hold with the field named, and holds nothing', async () => {
    const slot = await slotAfter(200);
    const holds = () => count(`SELECT COUNT(*) AS n FROM booking_holds`);
    const before = await holds();
    const cases: [unknown, number, string][] = [
      [{ start: 'tomorrow at 3' }, 422, 'start'],
      [{ start: slot.start, replaces: 'not-a-hold' }, 422, 'replaces'],
      [{}, 422, 'start'],
    ];
    for (const [payload, status, field] of cases) {
      const reply = await post('/api/slots/hold', payload);
      expect(reply.status, JSON.stringify(payload)).toBe(status);
      expect(JSON.parse(reply.body).error.fields).toHaveProperty(field);
    }
    const plain = await server.send('/api/slots/hold', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: slot.start });
    expect(plain.status).toBe(415);
    expect(await holds()).toBe(before);
    const badQuery = await server.send(`/api/slots?from=${isoDate(Date.now())}&to=${isoDate(Date.now())}&tz=UTC&hold=nope`);
    expect(badQuery.status).toBe(400);
    expect(JSON.parse(badQuery.body).error.fields).toHaveProperty('hold');
  });

  it('refuses a start that has passed, or is not one of the offered times, with 422 and its own message, as a booking; the earlier hold stays; a taken time is still 409', async () => {
    const [slot, mine] = [await slotAfter(204), await slotAfter(206)];
    const visitor = freshAddress();
    const held = heldId(await hold(mine.start, visitor));
    const holds = () => count(`SELECT COUNT(*) AS n FROM booking_holds`);
    const before = await holds();
    // The booking's own answers (bookings-slots-and-bad-input.test.ts): the message on `start`, no alternatives.
    const cases: [string, string, string][] = [
      ['2020-01-06T09:00:00Z', 'start_passed', 'That time has already passed. Pick another one.'],
      [new Date(Date.parse(slot.start) + 7 * 60_000).toISOString(), 'start_not_offered', 'That is not one of the times we offer. Pick one from the list.'],
      [slot.start.replace(':00Z', ':30Z'), 'start_not_offered', 'That is not one of the times we offer. Pick one from the list.'],
    ];
    for (const [start, code, message] of cases) {
      const reply = await hold(start, visitor, held);
      expect(reply.status, start).toBe(422);
      expect(JSON.parse(reply.body), start).toEqual({ error: { code, message, fields: { start: message } } });
    }
    // Nothing was given back with `replaces`, nothing new held: the visitor's time is still theirs.
    expect(await holds()).toBe(before);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE id = ?`, [held])).toBe(1);
    expect(await freeStarts()).not.toContain(mine.start);

    // Someone else's hold on an offered time: still the conflict, with the next free times.
    const taken = await hold(mine.start, freshAddress());
    expect(taken.status).toBe(409);
    const body = JSON.parse(taken.body);
    expect(body.error).toEqual({ code: 'slot_taken', message: 'That time is no longer free. Pick another one.', fields: { start: 'That time is no longer free.' } });
    expect(body.alternatives.length).toBeGreaterThan(0);
  });
});
