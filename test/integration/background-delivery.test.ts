// Delivery after a request (deliverInBackground, api/_lib/mail/deliver.ts), against a real (temporary)
// database and a scripted mailer: a message queued while a pass is sending goes out in one more pass
// of the same run, not at the next retry job; and a pass goes on past its first batch of 50 while
// messages are due. The run is awaited as Vercel's waitUntil receives it, so no test waits on a timer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliverInBackground } from '../../api/_lib/mail/deliver.ts';
import { enqueue } from '../../api/_lib/mail/outbox.ts';
import type { Mailer, SendResult } from '../../api/_lib/mail/mailer.ts';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import type { ApiContext } from '../../api/_lib/runtime/context.ts';
import { getDb } from '../../api/_lib/store/db.ts';
import { createWriteBatches } from '../../api/_lib/store/write-batches.ts';
import { createWebhookSender } from '../../api/_lib/webhook/send.ts';
import { afterTheAnswer } from '../fixtures/after-the-answer.ts';

/** The site's context on a fresh database, with `mailer` in place of the file outbox. */
async function contextWith(mailer: Mailer): Promise<ApiContext> {
  const config = readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'background-delivery-')) });
  const db = await getDb(config);
  return { config, db, writes: createWriteBatches(db), secret: 'b'.repeat(40), mailer, webhook: createWebhookSender(config.operatorWebhook) };
}

/** Queues one provider contact per address (no template to render), as a request does: then asks for delivery. */
async function queueContacts(ctx: ApiContext, emails: string[]): Promise<void> {
  const queued = await ctx.writes.run(async (tx) => {
    for (const email of emails) await enqueue(tx, { idempotencyKey: `contact-${email}`, payload: { kind: 'contact', email } });
    return emails.length;
  });
  deliverInBackground(ctx, queued);
}

const statuses = async (ctx: ApiContext) => (await ctx.db.execute('SELECT status FROM messages ORDER BY rowid')).rows.map((r) => r.status);

/** A mailer whose contacts are created at once, unless `gate` holds the first until the test opens it. */
function contactMailer(gate?: Promise<void>) {
  const created: string[] = [];
  let arrived!: () => void;
  const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
  const ok: SendResult = { ok: true, providerId: 'c' };
  const mailer: Mailer = {
    kind: 'resend',
    concurrency: 1,
    sendEmail: async () => ok,
    async createContact(email) {
      if (created.length === 0 && gate) {
        arrived();
        await gate;
      }
      created.push(email);
      return ok;
    },
    unsubscribeContact: async () => ok,
  };
  return { mailer, created, firstArrived };
}

describe('delivery after a request', () => {
  it('sends a message queued while a pass is sending in one more pass, without waiting for the retry job', async () => {
    let open!: () => void;
    const { mailer, created, firstArrived } = contactMailer(new Promise<void>((resolve) => (open = resolve)));
    const ctx = await contextWith(mailer);
    const work = afterTheAnswer();
    await queueContacts(ctx, ['a@example.com']);
    // The pass has claimed A and is sending it: B, queued now, is not in its batch.
    await firstArrived;
    await queueContacts(ctx, ['b@example.com']);
    open();
    // Both requests handed over the same run, and it ends only when nothing it was asked for is left.
    expect(await work.stop()).toBe(2);
    expect(created).toEqual(['a@example.com', 'b@example.com']);
    expect(await statuses(ctx)).toEqual(['sent', 'sent']);
  });

  it('goes on past a full batch of 50 while messages are due: 120 queued, one request, all sent', async () => {
    const { mailer, created } = contactMailer();
    const ctx = await contextWith(mailer);
    const work = afterTheAnswer();
    const emails = Array.from({ length: 120 }, (_, i) => `reader${i}@example.com`);
    await queueContacts(ctx, emails);
    expect(await work.stop()).toBe(1);
    expect(created).toEqual(emails);
    expect(new Set(await statuses(ctx))).toEqual(new Set(['sent']));
  });
});
