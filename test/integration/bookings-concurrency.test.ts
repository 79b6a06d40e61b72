// Bookers racing for one time, through HTTP on the real local server with a database file: 50
// simultaneous bookings of one slot give one 201 and 49 409s with alternatives and one stored row, also
// when split across two server processes on one database file, and two calls whose buffers collide
// never both succeed.
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { BOOKINGS_SERVER, bookingsOver } from '../fixtures/bookings-http.ts';
import { secondServer } from '../fixtures/second-server.ts';

const started = await startApiServer('bookings-concurrency', BOOKINGS_SERVER);
const { post, request, slotAfter, count } = bookingsOver(started);

describe('POST /api/bookings', () => {
  it('gives 50 simultaneous bookings of one slot exactly one 201 and 49 409s with alternatives', async () => {
    const slot = await slotAfter(40);
    const replies = await Promise.all(Array.from({ length: 50 }, () => post('/api/bookings', request(slot.start))));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(49).fill(409)]);
    const conflict = JSON.parse(replies.find((r) => r.status === 409)!.body);
    expect(conflict.error.code).toBe('slot_taken');
    expect(conflict.alternatives.length).toBeGreaterThan(0);
    expect(conflict.alternatives.map((s: { start: string }) => s.start)).not.toContain(slot.start);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE start_at = ? AND status = 'confirmed'`, [slot.start])).toBe(1);
  });

  it('never lets two overlapping calls both succeed when only their buffers collide', async () => {
    // With 10-minute buffers on both sides, calls 20 minutes apart have overlapping blocks.
    const slot = await slotAfter(50);
    for (let round = 0; round < 5; round++) {
      const base = Date.parse(slot.start) + round * 3 * 3600_000;
      const a = new Date(base).toISOString().replace('.000Z', 'Z');
      const b = new Date(base + 20 * 60_000).toISOString().replace('.000Z', 'Z');
      const replies = await Promise.all([post('/api/bookings', request(a)), post('/api/bookings', request(b))]);
      expect(replies.map((r) => r.status).sort(), `${a} and ${b}`).toEqual([201, 409]);
      // The one that won is the one stored: exactly one confirmed call across the two times.
      expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE status = 'confirmed' AND start_at IN (?, ?)`, [a, b]), `${a} and ${b}`).toBe(1);
    }
  });
});

describe('across processes', () => {
  const other = secondServer();

  it('gives 50 bookings of one slot split across two server processes exactly one 201', async () => {
    const slot = await slotAfter(140);
    const viaChild = (payload: unknown) =>
      fetch(`${other.origin()}/api/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? viaChild(request(slot.start)) : post('/api/bookings', request(slot.start)).then((r) => r.status))));
    expect(statuses.sort()).toEqual([201, ...Array(49).fill(409)]);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE start_at = ?`, [slot.start])).toBe(1);
  });
});
