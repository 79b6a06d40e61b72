// Every column the site stores about a visitor is either disclosed on the privacy page or named here as
// holding nothing about them. A migration that adds a column fails this test until someone decides which,
// and a privacy page edit that drops a disclosure fails it too. (The retention periods the page states
// are tested in retention.test.ts.)
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { getDb } from '../../api/_lib/store/db.ts';

/** Words of the privacy page that disclose a column, or why the column holds nothing about a visitor. */
type Coverage = { disclosedBy: string } | { notPersonal: string };

const COVERAGE: Record<string, Record<string, Coverage>> = {
  subscribers: {
    id: { notPersonal: 'a random id' },
    email: { disclosedBy: 'your email address, so we can send you the newsletter' },
    email_key: { disclosedBy: 'your email address, so we can send you the newsletter' },
    status: { disclosedBy: 'the time you confirmed your subscription' },
    source: { disclosedBy: 'the page of this site whose form you used' },
    consent_text_version: { disclosedBy: 'the version of the consent text you agreed to' },
    consent_at: { disclosedBy: 'the time you agreed' },
    consent_address_hash: { disclosedBy: 'a keyed hash of your network address, so we have a record' },
    created_at: { disclosedBy: 'the time you agreed' },
    confirmed_at: { disclosedBy: 'the time you confirmed your subscription' },
    unsubscribed_at: { disclosedBy: 'After you unsubscribe, we keep the record that you unsubscribed' },
    source_page: { disclosedBy: 'the page of this site whose form you used' },
    ...utmColumns('the `utm_*` parameters of the address you landed on (campaign tags'),
    // A sign-up for an unsubscribed address: the same consent record and source, until it is confirmed.
    pending_signup: { disclosedBy: 'the version of the consent text you agreed to, the time you agreed and a keyed hash of your network address' },
  },
  bookings: {
    id: { notPersonal: 'a random id' },
    uid: { notPersonal: "the calendar invite's id" },
    idempotency_key: { notPersonal: "a random key the booking page sends, so a retried request is not booked twice" },
    idempotency_request: { notPersonal: "a digest of the retried request's fields, to refuse a key reused for another booking" },
    status: { disclosedBy: 'each later change: a new time or a cancellation' },
    start_at: { disclosedBy: 'the time slot you picked' },
    end_at: { disclosedBy: 'the time slot you picked' },
    sequence: { disclosedBy: 'each later change: a new time or a cancellation' },
    name: { disclosedBy: 'your name, work email address and company' },
    email: { disclosedBy: 'your name, work email address and company' },
    email_key: { disclosedBy: 'your name, work email address and company' },
    company: { disclosedBy: 'your name, work email address and company' },
    company_size: { disclosedBy: "your company's size" },
    area: { disclosedBy: "the workflow's area" },
    goal: { disclosedBy: 'what you write about your workflow in the booking form' },
    time_zone: { disclosedBy: 'the time slot you picked and your time zone' },
    context: { disclosedBy: 'your numbers from the ROI calculator and your answers to the readiness check, if the booking page shows them' },
    consent_text_version: { disclosedBy: 'the version of the consent text beside the form' },
    consent_address_hash: { disclosedBy: 'a keyed hash of your network address, as the record of your consent' },
    created_at: { disclosedBy: 'the time you booked' },
    updated_at: { disclosedBy: 'each later change: a new time or a cancellation' },
    cancelled_at: { disclosedBy: 'each later change: a new time or a cancellation' },
    outcome: { disclosedBy: 'whether the call took place or was missed' },
    outcome_at: { disclosedBy: 'whether the call took place or was missed' },
    source_page: { disclosedBy: 'the page of this site whose link or form brought you to the booking page' },
    source_referrer: { disclosedBy: 'the host name of the other site you arrived from' },
    ...utmColumns('the `utm_*` parameters of the address you landed on, if it carried any'),
  },
  messages: {
    id: { notPersonal: 'a random id' },
    kind: { notPersonal: 'email or team-chat notice' },
    idempotency_key: { notPersonal: 'derived from the subject and the event, so a retry sends once' },
    subscriber_id: { notPersonal: 'the id of the sign-up the message belongs to' },
    booking_id: { notPersonal: 'the id of the booking the message belongs to' },
    payload: { disclosedBy: 'a copy of each email we send about the call' },
    status: { notPersonal: "the message's delivery state" },
    attempts: { notPersonal: 'a retry count' },
    next_attempt_at: { notPersonal: 'when a retry is due' },
    last_error: { notPersonal: "the mail provider's last error" },
    provider_id: { notPersonal: "the mail provider's id for the message" },
    created_at: { notPersonal: 'when the message was queued' },
    updated_at: { notPersonal: 'when its state last changed' },
    sent_at: { notPersonal: 'when it was sent' },
    ordering_key: { notPersonal: 'keeps the messages about one subject in order' },
    claim_id: { notPersonal: 'which delivery run holds the message' },
    claimed_at: { notPersonal: 'when that run took it' },
  },
  booking_holds: {
    id: { notPersonal: 'a random id' },
    start_at: { notPersonal: 'the time held for a few minutes while a visitor fills in the form' },
    end_at: { notPersonal: 'the end of that time' },
    expires_at: { notPersonal: 'when the hold lapses' },
    address_hash: { disclosedBy: 'we keep a keyed hash of your network address when you use a form, for example when you pick a time on the booking page' },
    created_at: { notPersonal: 'when the hold was made' },
  },
  rate_limits: {
    key: { disclosedBy: 'we store a keyed hash of your network (IP) address, not the address itself' },
    window_start: { notPersonal: 'the start of the counting window' },
    count: { notPersonal: 'how many requests came in it' },
  },
  page_views: {
    day: { disclosedBy: 'how many times the page was viewed' },
    page: { disclosedBy: 'how many times the page was viewed' },
    utm_source: { disclosedBy: "the `utm_source` of the page's own address" },
    views: { disclosedBy: 'how many times the page was viewed' },
  },
};

/** Tables that hold nothing about a visitor: the operator's calendar and the calls' occupied blocks. */
const NOT_ABOUT_VISITORS = ['booking_claims', 'busy_feeds', 'busy_spans', 'schema_migrations'];

function utmColumns(disclosedBy: string): Record<string, Coverage> {
  return Object.fromEntries(['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'].map((column) => [column, { disclosedBy }]));
}

/** The privacy page's text with Markdown's emphasis and line breaks taken out. */
const privacyText = readFileSync(new URL('../../content/pages/privacy.mdx', import.meta.url), 'utf8').replace(/\*\*/g, '').replace(/\s+/g, ' ');

describe('the privacy page covers what the database stores', async () => {
  const db = await getDb(readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'privacy-coverage-')) }));
  const tables = (await db.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'libsql_%'`)).rows.map((row) => String(row.name));

  it('every table is either covered column by column or holds nothing about visitors', () => {
    expect(tables.filter((table) => !(table in COVERAGE) && !NOT_ABOUT_VISITORS.includes(table)), 'tables with no privacy decision').toEqual([]);
  });

  for (const table of Object.keys(COVERAGE)) {
    it(`${table}: every column is disclosed on the privacy page or holds nothing about a visitor`, async () => {
      const columns = (await db.execute(`PRAGMA table_info(${table})`)).rows.map((row) => String(row.name));
      expect(columns.length, `${table} exists`).toBeGreaterThan(0);
      expect(columns.filter((column) => !(column in COVERAGE[table]!)), `columns of ${table} with no privacy decision: say on the privacy page what they hold, then add them here`).toEqual([]);
      expect(Object.keys(COVERAGE[table]!).filter((column) => !columns.includes(column)), `columns listed here that ${table} no longer has`).toEqual([]);
      const missing = Object.entries(COVERAGE[table]!).flatMap(([column, coverage]) => ('disclosedBy' in coverage && !privacyText.includes(coverage.disclosedBy) ? [`${column}: "${coverage.disclosedBy}"`] : []));
      expect(missing, `disclosures of ${table} the privacy page no longer makes`).toEqual([]);
    });
  }
});
