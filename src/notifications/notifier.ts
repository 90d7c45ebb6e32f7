import type { Clock } from '../clock.ts';
import type { Db, DbOrTx } from '../store/db.ts';
import { toJson } from '../store/json.ts';
import { enqueueOutbox } from '../store/outbox.ts';
import { ChannelNames, type NotificationPayload } from './channels.ts';
import type { NotificationTemplates } from './templates.ts';

export interface Recipient {
  username: string;
  displayName: string;
  email: string | null;
}

export interface Notification {
  /** Stable for the event: the same event notified twice is one notification. */
  key: string;
  template: string;
  level: string;
  caseId: string | null;
  recipients: Recipient[];
  /** A path on this site (the task or case page); made absolute with ZHIFA_BASE_URL. */
  link: string | null;
  context: Record<string, unknown> & { dueAtMs?: number };
}

const shanghai = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * A due time as the notifications write it (Shanghai, to the minute). A limit in days ends at the
 * end of its last day, stored as the next day's 00:00: written as 24:00 of the last day, so the
 * day named is the last day to act, not the day after.
 */
export const formatDue = (ms: number): string => (ms + 8 * 3_600_000) % 86_400_000 === 0 ? `${shanghai.format(new Date(ms - 1)).slice(0, 10)} 24:00` : shanghai.format(new Date(ms));

/**
 * Turns a notification into outbox rows — one per recipient and channel — rendered now and
 * written in the caller's transaction (or one of its own), so they exist exactly when what caused
 * them committed. Delivery is the dispatcher's job.
 */
export class Notifier {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly templates: NotificationTemplates,
    private readonly channels: { email: boolean; webhook: boolean },
    private readonly baseUrl: string,
  ) {}

  /** A path on this site as a link a mail reader can follow. */
  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  async notify(n: Notification, tx?: DbOrTx): Promise<number> {
    if (!n.recipients.length) return 0;
    const write = async (db: DbOrTx) => {
      let queued = 0;
      const now = this.clock.now().getTime();
      const link = n.link ? this.url(n.link) : null;
      for (const r of n.recipients) {
        const dueAt = n.context.dueAtMs === undefined ? undefined : formatDue(n.context.dueAtMs);
        const rendered = this.templates.render(n.template, { ...n.context, dueAt, recipient: r, link, level: n.level });
        const payload: NotificationPayload = { ...rendered, link, level: n.level, caseId: n.caseId, username: r.username, data: { template: n.template, ...n.context } };
        const targets: Array<[string, string]> = [[ChannelNames.inbox, r.username]];
        if (this.channels.email && r.email) targets.push([ChannelNames.email, r.email]);
        if (this.channels.webhook) targets.push([ChannelNames.webhook, r.username]);
        for (const [channel, recipient] of targets) {
          const isNew = await enqueueOutbox(db, { idempotency_key: `${n.key}:${r.username}:${channel}`, channel, recipient, template: n.template, payload: toJson(payload), case_id: n.caseId, created_at: now });
          if (isNew) queued++;
        }
      }
      return queued;
    };
    return tx ? write(tx) : this.db.transaction(write);
  }
}
