// What the served build stored, read by the e2e tests: the file outbox and the database in the e2e
// server's data folder (E2E_DATA_DIR, set by playwright.config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type InValue } from '@libsql/client';
import { expect } from '@playwright/test';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; file: string }[];
}

const outbox = () => join(process.env.E2E_DATA_DIR!, 'outbox');

/** The email to `to` whose subject starts with `subject`, once the server has written it. */
export async function mailTo(to: string, subject: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(() => {
      let files: string[] = [];
      try {
        files = readdirSync(outbox()).filter((f) => f.endsWith('.json'));
      } catch {
        return false;
      }
      found = files.map((f) => JSON.parse(readFileSync(join(outbox(), f), 'utf8')) as Mail).find((m) => m.to === to && m.subject.startsWith(subject));
      return Boolean(found);
    }, { timeout: 15_000 })
    .toBe(true);
  return found!;
}

/** The text of a mail's attachment whose name ends with `suffix` (the outbox writes it beside the mail). */
export const attachmentText = (mail: Mail, suffix: string) => readFileSync(join(outbox(), mail.attachments.find((a) => a.filename.endsWith(suffix))!.file), 'utf8');

/** The first row `sql` returns from the served build's database, or null. */
export async function storedRow(sql: string, args: InValue[]): Promise<Record<string, unknown> | null> {
  const db = createClient({ url: `file:${process.env.E2E_DATA_DIR}/site.db` });
  try {
    const row = (await db.execute({ sql, args })).rows[0];
    return row ? { ...row } : null;
  } finally {
    db.close();
  }
}
