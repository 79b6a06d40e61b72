// A delivery run must end on its own, well before anything cuts it off. A run the platform kills has
// counted an attempt for every message it claimed and never sent (ten such runs and they die unsent),
// and a run that outlives a claim's lease (STALE_SENDING_MS) lets the next run take messages it is still
// sending. So a run starts sends only for DELIVERY_BUDGET_MS, and the retry function is given a
// maxDuration (vercel.json) that holds the feeds' refresh before it, that budget, the last send's
// deadline and the writes after it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DELIVERY_BUDGET_MS, STALE_SENDING_MS } from '../../../api/_lib/mail/outbox.ts';
import { MAIL_TIMEOUT_MS } from '../../../api/_lib/mail/mailer.ts';
import { FEED_TIMEOUT_MS } from '../../../api/_lib/calendar/fetch-feed.ts';

const vercel = JSON.parse(readFileSync(new URL('../../../vercel.json', import.meta.url), 'utf8')) as { functions?: Record<string, { maxDuration?: number }> };
/** Room for the writes after the last send (its outcome, the hand-back, the sweeps): a few hosted-database calls. */
const WRITES_MS = 10_000;

describe("a delivery run's time", () => {
  it('fits the retry function: the feeds, the sends it starts, the last one, and the writes after them', () => {
    const maxDuration = vercel.functions?.['api/outbox/retry.ts']?.maxDuration;
    expect(maxDuration, 'vercel.json functions["api/outbox/retry.ts"].maxDuration').toBeTypeOf('number');
    // 60 s is allowed on every plan (Hobby without fluid compute stops there).
    expect(maxDuration!).toBeLessThanOrEqual(60);
    expect(FEED_TIMEOUT_MS + DELIVERY_BUDGET_MS + MAIL_TIMEOUT_MS + WRITES_MS).toBeLessThanOrEqual(maxDuration! * 1000);
  });

  it('ends long before a claim lapses, so no other run takes a message this one is still sending', () => {
    expect(DELIVERY_BUDGET_MS + MAIL_TIMEOUT_MS + WRITES_MS).toBeLessThan(STALE_SENDING_MS / 2);
  });
});
