// Sends email and creates contacts: through Resend when RESEND_API_KEY is set, otherwise into
// DATA_DIR/outbox/ as files a person can open. Both answer the same SendResult, so the outbox
// treats them alike.
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resend } from 'resend';
import type { ServerConfig } from '../runtime/config.ts';

export interface EmailAttachment {
  filename: string;
  content: string;
  /** For a calendar invite: `text/calendar; charset=utf-8; method=REQUEST`, matching the file's METHOD. */
  contentType: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** Where a reply goes instead of the sender: the visitor, on the operator's booking notices. */
  replyTo?: string;
  attachments?: EmailAttachment[];
}

export type SendResult =
  | { ok: true; providerId: string }
  | { ok: false; retryable: boolean; error: string; retryAfterSeconds?: number };

export interface Mailer {
  readonly kind: 'resend' | 'file';
  /** Sends a delivery run may have in flight at once. */
  readonly concurrency: number;
  sendEmail(email: OutgoingEmail, idempotencyKey: string): Promise<SendResult>;
  createContact(email: string): Promise<SendResult>;
  /** Newsletter issues go out to the provider's segment, so an unsubscribe must reach it too. */
  unsubscribeContact(email: string): Promise<SendResult>;
}

/**
 * How long one call to the provider may take, its answer included. Delivery runs one message at a
 * time, so a stalled call would hold up every email behind it, and the retry job with it. Well under
 * the outbox's STALE_SENDING_MS, so a timed-out send is retried by its own run, not claimed twice.
 * A retried send carries the same idempotency key, so Resend sends it once even if the first call
 * got through. (The SDK reads the answer itself; this limit is also what bounds its size.)
 */
export const MAIL_TIMEOUT_MS = 10_000;

export function createMailer(config: ServerConfig, options: { timeoutMs?: number } = {}): Mailer {
  return config.resendApiKey ? new ResendMailer(config, options.timeoutMs ?? MAIL_TIMEOUT_MS) : new FileMailer(join(config.dataDir, 'outbox'), config.mailFrom);
}

const RESEND_API = 'https://api.resend.com';

/**
 * Provider errors worth retrying: network failures, rate limits and the provider's own faults, and
 * answers about the account rather than the email (401, 403: a key missing, rotated or restricted, a
 * sender domain not verified). Those fail every email alike until the operator fixes them, so they must
 * not kill each one on its first try; the backoff and the attempt cap still end them after hours.
 */
const RETRYABLE = new Set([
  'rate_limit_exceeded', 'application_error', 'internal_server_error', 'concurrent_idempotent_requests',
  'missing_api_key', 'invalid_api_key', 'restricted_api_key',
]);
/** Resend answers a sender domain that is not verified with a `validation_error` (403 today). */
const DOMAIN_NOT_VERIFIED = /domain is not verified/i;

class ResendMailer implements Mailer {
  readonly kind = 'resend';
  // One at a time keeps within Resend's per-second request limit; a 429 is retried anyway.
  readonly concurrency = 1;
  private readonly resend: Resend;
  private readonly config: ServerConfig;
  private readonly timeoutMs: number;

  constructor(config: ServerConfig, timeoutMs: number) {
    this.config = config;
    this.timeoutMs = timeoutMs;
    // Given, so the SDK never reads RESEND_BASE_URL from the environment unchecked (config.ts allows
    // only a local stand-in, for tests).
    this.resend = new Resend(config.resendApiKey, { baseUrl: config.resendBaseUrl ?? RESEND_API });
  }

  /** One call's deadline. The SDK answers a timed-out call as a failed fetch rather than throwing. */
  private deadline(): AbortSignal {
    return AbortSignal.timeout(this.timeoutMs);
  }

  private failure(signal: AbortSignal, error: ProviderError | null, headers: Record<string, string> | null): SendResult {
    if (signal.aborted) return { ok: false, retryable: true, error: `timeout: the provider did not answer within ${this.timeoutMs / 1000} s` };
    return failure(error, headers);
  }

  async sendEmail(email: OutgoingEmail, idempotencyKey: string): Promise<SendResult> {
    const signal = this.deadline();
    const { data, error, headers } = await this.resend.emails.send(
      {
        from: this.config.mailFrom, to: email.to, subject: email.subject, html: email.html, text: email.text, headers: email.headers, replyTo: email.replyTo,
        attachments: email.attachments?.map((a) => ({ filename: a.filename, content: Buffer.from(a.content, 'utf8'), contentType: a.contentType })),
      },
      { idempotencyKey, signal },
    );
    return data ? { ok: true, providerId: data.id } : this.failure(signal, error, headers);
  }

  // Contacts are keyed by email at Resend. A reader who unsubscribed and then confirmed again already
  // has a contact, marked unsubscribed: it is switched back on rather than left silent.
  async createContact(email: string): Promise<SendResult> {
    const segments = this.config.resendSegmentId ? [{ id: this.config.resendSegmentId }] : undefined;
    const signal = this.deadline();
    const { data, error, headers } = await this.resend.contacts.create({ email, unsubscribed: false, segments }, { signal });
    if (data) return { ok: true, providerId: data.id };
    if (error && error.statusCode === 409) {
      const updateSignal = this.deadline();
      const update = await this.resend.contacts.update({ email, unsubscribed: false }, { signal: updateSignal });
      if (!update.data) return this.failure(updateSignal, update.error, update.headers);
      // A contact made before (by hand, or while no segment was set) is not in the segment the issues
      // go to: updating it does not add it, so add it (adding twice is not an error).
      if (this.config.resendSegmentId) {
        const segmentSignal = this.deadline();
        const added = await this.resend.contacts.segments.add({ email, segmentId: this.config.resendSegmentId }, { signal: segmentSignal });
        if (added.error && added.error.statusCode !== 409) return this.failure(segmentSignal, added.error, added.headers);
      }
      return { ok: true, providerId: update.data.id };
    }
    return this.failure(signal, error, headers);
  }

  async unsubscribeContact(email: string): Promise<SendResult> {
    const signal = this.deadline();
    const { data, error, headers } = await this.resend.contacts.update({ email, unsubscribed: true }, { signal });
    if (data) return { ok: true, providerId: data.id };
    // Never created (confirmed while mail was local): nothing to stop.
    if (error && error.statusCode === 404) return { ok: true, providerId: 'absent' };
    return this.failure(signal, error, headers);
  }
}

type ProviderError = { name: string; message: string; statusCode: number | null };

function failure(error: ProviderError | null, headers: Record<string, string> | null): SendResult {
  if (!error) return { ok: false, retryable: true, error: 'The provider returned neither data nor an error.' };
  const status = error.statusCode;
  const retryable = status === null || status === 401 || status === 403 || status === 429 || status >= 500 || RETRYABLE.has(error.name)
    || (error.name === 'validation_error' && DOMAIN_NOT_VERIFIED.test(error.message));
  const retryAfter = Number(headers?.['retry-after']);
  return {
    ok: false,
    retryable,
    error: `${status ?? 'network'} ${error.name}: ${error.message}`.slice(0, 500),
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

/**
 * Local stand-in: each email becomes `<key>.html` (open it in a browser) plus `<key>.json` (to,
 * subject, headers, text, attachments), and each attachment `<key>.<filename>` beside them (open the
 * invite.ics in a calendar).
 */
class FileMailer implements Mailer {
  readonly kind = 'file';
  readonly concurrency = 16;
  private readonly dir: string;
  private readonly from: string;

  constructor(dir: string, from: string) {
    this.dir = dir;
    this.from = from;
  }

  async sendEmail(email: OutgoingEmail, idempotencyKey: string): Promise<SendResult> {
    const base = fileKey(idempotencyKey);
    const attachments = (email.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, file: `${base}.${fileKey(a.filename)}` }));
    const meta = { from: this.from, to: email.to, ...(email.replyTo ? { replyTo: email.replyTo } : {}), subject: email.subject, headers: email.headers ?? {}, attachments, idempotencyKey, writtenAt: new Date().toISOString(), text: email.text };
    const write = async () => {
      for (const [i, attachment] of (email.attachments ?? []).entries()) await this.place(attachments[i]!.file, attachment.content);
      await this.place(`${base}.html`, email.html);
      // The .json is the index a reader lists: written last, so it never points at a missing file.
      await this.place(`${base}.json`, `${JSON.stringify(meta, null, 2)}\n`, 'keep-first');
    };
    try {
      await write();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // First message (or the folder was cleared): create it and write again.
      await mkdir(this.dir, { recursive: true });
      await write();
    }
    return { ok: true, providerId: base };
  }

  /**
   * Makes `name` appear whole or not at all: the content goes to a temporary name in the same folder,
   * then is renamed into place (one atomic step on one file system), so a process killed mid-write
   * leaves at most a stray dot-file ending in `.tmp`, never a truncated invite or page under the real
   * name. 'keep-first' links instead of renaming, which fails if the name exists: a message sent
   * again after a crash keeps its first index (and its `writtenAt`).
   */
  private async place(name: string, content: string, mode: 'replace' | 'keep-first' = 'replace'): Promise<void> {
    const partial = join(this.dir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    const final = join(this.dir, name);
    let placed = false;
    try {
      await writeFile(partial, content);
      if (mode === 'replace') {
        await rename(partial, final);
        placed = true;
        return;
      }
      try {
        await link(partial, final);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    } finally {
      // A renamed file has no temporary name left; a linked one (or a failed write) still has it.
      if (!placed) await unlink(partial).catch(() => {});
    }
  }

  async createContact(): Promise<SendResult> {
    return { ok: true, providerId: 'local' };
  }

  async unsubscribeContact(): Promise<SendResult> {
    return { ok: true, providerId: 'local' };
  }
}

const fileKey = (key: string) => key.replace(/[^a-zA-Z0-9_.-]/g, '_').replace(/^\.+/, '').slice(0, 120);
