// The newsletter through the real resend SDK against a local server that answers like Resend:
// the double opt-in round trip, and an outage (500 then 429) that loses nothing and sends once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeResend, type FakeResend } from '../fixtures/fake-resend.ts';

const resend: FakeResend = await startFakeResend();
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'newsletter-resend-'));
process.env.RESEND_API_KEY = 're_test_key';
process.env.RESEND_BASE_URL = resend.url;
process.env.RESEND_SEGMENT_ID = 'seg_test';
process.env.NEWSLETTER_RATE_LIMIT = '100';
delete process.env.DATABASE_URL;

const { startTestServer } = await import('../fixtures/http-client.ts');
const { apiContext } = await import('../../api/_lib/context.ts');
const { deliverDue } = await import('../../api/_lib/outbox.ts');

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  server.close();
  await resend.close();
});

const post = (path: string, payload: unknown) => server.send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
const get = async (path: string) => {
  const reply = await server.send(path);
  return { status: reply.status, location: reply.headers.location as string | undefined };
};

/** Runs the retry job until nothing is in flight, with the clock moved far enough for every backoff. */
async function drain(later = 0) {
  const ctx = await apiContext();
  for (let i = 0; i < 50; i++) {
    await deliverDue(ctx.db, ctx.mailer, { now: new Date(Date.now() + later) });
    const open = await ctx.db.execute(`SELECT COUNT(*) AS n FROM messages WHERE status IN ('pending', 'sending')`);
    if (Number(open.rows[0]?.n) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const statusCounts = async () =>
  Object.fromEntries((await (await apiContext()).db.execute('SELECT status, COUNT(*) AS n FROM messages GROUP BY status')).rows.map((r) => [String(r.status), Number(r.n)]));

describe('newsletter through Resend', () => {
  it('runs the double opt-in and adds the confirmed contact to the segment', async () => {
    expect((await post('/api/newsletter', { email: 'lou@example.com', consent: true })).status).toBe(200);
    await drain();
    const confirmation = resend.delivered.find((m) => m.to === 'lou@example.com');
    expect(confirmation?.subject).toBe('Confirm your AI Operator newsletter subscription');
    const ctx = await apiContext();
    const payload = JSON.parse(String((await ctx.db.execute(`SELECT payload FROM messages WHERE idempotency_key = ?`, [confirmation!.idempotencyKey])).rows[0]!.payload));
    const link = /\/api\/newsletter\/confirm\?token=[\w.-]+/.exec(payload.email.props.confirmUrl)![0];
    expect((await get(link)).location).toBe('/newsletter/confirmed');
    await drain();
    expect(resend.contacts).toEqual([{ email: 'lou@example.com', segments: [{ id: 'seg_test' }] }]);
    const welcome = resend.delivered.find((m) => m.to === 'lou@example.com' && m.subject.startsWith('You are subscribed'));
    expect(welcome?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // One click in the mail client stops the provider's sends too, not only ours.
    const unsubscribeUrl = new URL(welcome!.headers['List-Unsubscribe']!.slice(1, -1));
    expect((await post(unsubscribeUrl.pathname + unsubscribeUrl.search, {})).status).toBe(200);
    await drain();
    expect(resend.unsubscribed).toEqual(['lou@example.com']);
  });

  it('keeps accepting sign-ups through an outage and delivers each email exactly once afterwards', async () => {
    const before = resend.delivered.length;
    resend.fail(8, 500);
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await post('/api/newsletter', { email: `out${i}@example.com`, consent: true }));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await drain();
    expect(resend.delivered.length).toBe(before); // nothing got through yet
    expect((await statusCounts()).pending).toBe(5);

    resend.fail(3, 429);
    await drain(60 * 60_000); // an hour on: every backoff has passed
    await drain(2 * 60 * 60_000);
    const outageMail = resend.delivered.filter((m) => m.to.startsWith('out'));
    expect(outageMail.map((m) => m.to).sort()).toEqual(['out0@example.com', 'out1@example.com', 'out2@example.com', 'out3@example.com', 'out4@example.com']);
    expect(new Set(outageMail.map((m) => m.idempotencyKey)).size).toBe(5);
    expect(await statusCounts()).not.toHaveProperty('pending');
    expect(await statusCounts()).not.toHaveProperty('dead');
  });
});
