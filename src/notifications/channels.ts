import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../store/db.ts';
import { insertInboxItem } from '../store/inbox.ts';
import type { OutboxRow } from '../store/outbox.ts';
import type { RenderedNotification } from './templates.ts';

/** What an outbox row carries: the rendered message and what a machine reader needs. */
export interface NotificationPayload extends RenderedNotification {
  link: string | null;
  level: string;
  caseId: string | null;
  username: string;
  data: Record<string, unknown>;
}

export interface Channel {
  readonly name: string;
  /** Delivers one row; throws to have it retried. Must be safe to repeat with the same idempotency key. */
  deliver(row: OutboxRow, payload: NotificationPayload): Promise<void>;
}

export const ChannelNames = { inbox: 'inbox', email: 'email', webhook: 'webhook' } as const;

/** The in-app inbox: a row per notification, its unique key making a repeat a no-op. */
export class InboxChannel implements Channel {
  readonly name = ChannelNames.inbox;
  constructor(private readonly db: Db, private readonly now: () => number) {}

  async deliver(row: OutboxRow, p: NotificationPayload): Promise<void> {
    await insertInboxItem(this.db, { idempotency_key: row.idempotency_key, username: row.recipient, subject: p.subject, body: p.text, link: p.link, level: p.level, case_id: p.caseId, created_at: this.now() });
  }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export function isEmailAddress(address: string): boolean {
  return EMAIL.test(address);
}

/**
 * E-mail over SMTP (nodemailer). The Message-ID is derived from the idempotency key, so a mail
 * sent again after a crash between sending and acknowledging is the same message to every mail
 * store and client that de-duplicates by Message-ID.
 */
export class SmtpChannel implements Channel {
  readonly name = ChannelNames.email;
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 } as never);
  }

  async deliver(row: OutboxRow, p: NotificationPayload): Promise<void> {
    if (!isEmailAddress(row.recipient)) throw new Error(`"${row.recipient}" is not an e-mail address`);
    await this.transport.sendMail({
      from: this.from,
      to: row.recipient,
      subject: p.subject,
      text: p.text,
      html: p.html,
      messageId: messageIdOf(row.idempotency_key),
      headers: { 'X-Zhifa-Idempotency-Key': row.idempotency_key },
    });
  }

  close(): void {
    this.transport.close();
  }
}

export function messageIdOf(key: string): string {
  return `<${createHmac('sha256', 'zhifa message id').update(key).digest('hex').slice(0, 40)}@zhifa.local>`;
}

/** The agency's messaging platform: JSON signed with HMAC-SHA256 over the body, with the idempotency key in a header. */
export class WebhookChannel implements Channel {
  readonly name = ChannelNames.webhook;
  constructor(private readonly url: string, private readonly secret: string, private readonly timeoutMs = 10_000) {}

  async deliver(row: OutboxRow, p: NotificationPayload): Promise<void> {
    const body = JSON.stringify({ id: row.idempotency_key, template: row.template, recipient: row.recipient, subject: p.subject, text: p.text, link: p.link, level: p.level, caseId: p.caseId, data: p.data });
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': row.idempotency_key, 'x-zhifa-signature': `sha256=${signWebhook(this.secret, body)}` },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  }
}

export function signWebhook(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}
