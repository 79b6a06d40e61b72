// The newsletter through the real resend SDK against a local server that answers like Resend:
// the double opt-in round trip, an outage (500 then 429) that loses nothing and sends once, an
// unsubscribe that must win over a create still retrying, and a welcome email that must not go out
// to someone who unsubscribed while it waited.
import { afterAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { startFakeResend, type FakeResend } from '../fixtures/fake-resend.ts';

const resend: FakeResend = await startFakeResend();
afterAll(() => resend.close());
const { server, apiContext, deliverDue } = await startApiServer('newsletter-resend', {
  RESEND_API_KEY: 're_test_key',
  RESEND_BASE_URL: resend.url,
  RESEND_SEGMENT_ID: 'seg_test',
  NEWSLETTER_RATE_LIMIT: '100',
  SITE_URL: 'https://site.test',
});

const post = (path: string, payload: unknown) => server.send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
const formPost = (path: string, fields: Record<string, string>) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

/** Runs the retry job until nothing is in flight, with the clock moved far enough for every backoff. */
async function drain(later = 0) {
  const ctx = await apiContext();
  for (let i = 0; i < 50; i++) {
    await deliverDue(ctx.db, ctx.mailer, { now: new Date(Date.now() + later) });
    const open = await ctx.db.execute(`SELECT COUNT(*) AS n FROM messages WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= ?)`, [new Date(Date.now() + later).toISOString()]);
    if (Number(open.rows[0]?.n) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const statusCounts = async () =>
  Object.fromEntries((await (await apiContext()).db.execute('SELECT status, COUNT(*) AS n FROM messages GROUP BY status')).rows.map((r) => [String(r.status), Number(r.n)]));

/** The token of the confirmation email queued for `email`, read from the outbox row (what the email links to). */
async function confirmToken(email: string): Promise<string> {
  const ctx = await apiContext();
  const row = (await ctx.db.execute(`SELECT payload FROM messages WHERE kind = 'email' AND payload ->> '$.email.to' = ? AND payload ->> '$.email.template' = 'confirm-subscription' ORDER BY rowid DESC LIMIT 1`, [email])).rows[0]!;
  return new URL(JSON.parse(String(row.payload)).email.props.confirmUrl).searchParams.get('token')!;
}

async function unsubscribeToken(email: string): Promise<string> {
  const ctx = await apiContext();
  const row = (await ctx.db.execute(`SELECT payload FROM messages WHERE payload ->> '$.email.to' = ? AND payload ->> '$.email.template' = 'welcome'`, [email])).rows[0]!;
  return new URL(JSON.parse(String(row.payload)).email.props.unsubscribeUrl).searchParams.get('token')!;
}

/** No idempotency key reached the provider twice: every accepted send is a distinct email. */
const expectNoDoubleSend = () => expect([...resend.sendsPerKey].filter(([, n]) => n > 1)).toEqual([]);

describe('newsletter through Resend', () => {
  it('runs the double opt-in and adds the confirmed contact to the segment', async () => {
    expect((await post('/api/newsletter', { email: 'lou@example.com', consent: true })).status).toBe(200);
    await drain();
    const confirmation = resend.delivered.find((m) => m.to === 'lou@example.com');
    expect(confirmation?.subject).toBe('Confirm your AI Operator newsletter subscription');
    expect((await formPost('/api/newsletter/confirm', { token: await confirmToken('lou@example.com') })).headers.location).toBe('/newsletter/confirmed');
    await drain();
    expect(resend.contacts.get('lou@example.com')).toEqual({ segments: [{ id: 'seg_test' }], unsubscribed: false });
    const welcome = resend.delivered.find((m) => m.to === 'lou@example.com' && m.subject.startsWith('You are subscribed'));
    expect(welcome?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // One click in the mail client stops the provider's sends too, not only ours.
    const unsubscribeUrl = new URL(welcome!.headers['List-Unsubscribe']!.slice(1, -1));
    expect(unsubscribeUrl.origin).toBe('https://site.test');
    expect((await formPost(unsubscribeUrl.pathname + unsubscribeUrl.search, { 'List-Unsubscribe': 'One-Click' })).status).toBe(200);
    await drain();
    expect(resend.contacts.get('lou@example.com')?.unsubscribed).toBe(true);

    // Back again: confirmed anew, the existing contact is switched back on.
    expect((await post('/api/newsletter', { email: 'lou@example.com', consent: true })).status).toBe(200);
    await drain();
    await formPost('/api/newsletter/confirm', { token: await confirmToken('lou@example.com') });
    await drain();
    expect(resend.contactLog.filter((op) => op.endsWith('lou@example.com'))).toEqual(['create lou@example.com', 'unsubscribe lou@example.com', 'resubscribe lou@example.com']);
    expect(resend.contacts.get('lou@example.com')?.unsubscribed).toBe(false);
    expectNoDoubleSend();
  });

  it('adds a contact the provider already had (made by hand, or before a segment was set) to the segment', async () => {
    resend.contacts.set('kim@example.com', { segments: undefined, unsubscribed: true });
    expect((await post('/api/newsletter', { email: 'kim@example.com', consent: true })).status).toBe(200);
    await drain();
    expect((await formPost('/api/newsletter/confirm', { token: await confirmToken('kim@example.com') })).headers.location).toBe('/newsletter/confirmed');
    await drain();
    expect(resend.contacts.get('kim@example.com')).toEqual({ segments: [{ id: 'seg_test' }], unsubscribed: false });
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
    for (const mail of outageMail) expect(resend.sendsPerKey.get(mail.idempotencyKey), mail.to).toBe(1);
    expectNoDoubleSend();
    expect(await statusCounts()).not.toHaveProperty('pending');
    expect(await statusCounts()).not.toHaveProperty('dead');
  });

  it('never lets a create still retrying undo an unsubscribe queued after it', async () => {
    await post('/api/newsletter', { email: 'ray@example.com', consent: true });
    await drain();
    // The provider's contacts endpoint fails while the reader confirms: the create is queued and retrying.
    resend.fail(1, 500, 'contacts');
    await formPost('/api/newsletter/confirm', { token: await confirmToken('ray@example.com') });
    await drain();
    expect(resend.contacts.has('ray@example.com')).toBe(false);

    // The reader unsubscribes before the create's retry is due. Delivered now, the unsubscribe would
    // find no contact (nothing to stop), and the create would then add a subscribed contact.
    await drain(); // the welcome email has gone; the create waits for its backoff
    const token = await unsubscribeToken('ray@example.com');
    expect((await formPost(`/api/newsletter/unsubscribe?token=${token}`, { 'List-Unsubscribe': 'One-Click' })).status).toBe(200);
    await drain();
    expect(resend.contactLog.filter((op) => op.endsWith('ray@example.com'))).toEqual([]);

    await drain(60 * 60_000);
    expect(resend.contactLog.filter((op) => op.endsWith('ray@example.com'))).toEqual(['create ray@example.com', 'unsubscribe ray@example.com']);
    expect(resend.contacts.get('ray@example.com')?.unsubscribed).toBe(true);
  });

  it('does not send the welcome email to a reader who unsubscribed while it waited out an outage', async () => {
    await post('/api/newsletter', { email: 'tess@example.com', consent: true });
    await drain();
    resend.fail(1_000, 503, 'emails');
    await formPost('/api/newsletter/confirm', { token: await confirmToken('tess@example.com') });
    await drain();
    await formPost(`/api/newsletter/unsubscribe?token=${await unsubscribeToken('tess@example.com')}`, { 'List-Unsubscribe': 'One-Click' });
    resend.fail(0, 503);
    await drain(2 * 60 * 60_000);
    expect(resend.delivered.filter((m) => m.to === 'tess@example.com').map((m) => m.subject)).toEqual(['Confirm your AI Operator newsletter subscription']);
    const ctx = await apiContext();
    const welcome = (await ctx.db.execute(`SELECT status, last_error FROM messages WHERE payload ->> '$.email.to' = 'tess@example.com' AND payload ->> '$.email.template' = 'welcome'`)).rows[0]!;
    expect(welcome.status).toBe('cancelled');
    expect(String(welcome.last_error)).toContain('unsubscribed');
  });
});
