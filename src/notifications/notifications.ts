import type { WorkCalendar } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../store/db.ts';
import type { Definitions } from '../workflow/definitions.ts';
import { InboxChannel, SmtpChannel, WebhookChannel, type Channel } from './channels.ts';
import { sendDailyDigest } from './digest.ts';
import { dispatchOutbox, type DispatchResult } from './dispatcher.ts';
import { Notifier } from './notifier.ts';
import { Organisation } from './organisation.ts';
import { ReminderPolicy } from './reminder-policy.ts';
import { sendDueReminders } from './reminders.ts';
import { NotificationTemplates, TemplateError } from './templates.ts';
import type { NotificationsConfig } from '../config.ts';

/** Reminders, escalations and the digest, written to the outbox and delivered by its channels. */
export class Notifications {
  readonly notifier: Notifier;
  readonly templates: NotificationTemplates;
  readonly policy: ReminderPolicy;
  readonly organisation: Organisation;
  private readonly channels = new Map<string, Channel>();
  private readonly smtp: SmtpChannel | null;

  constructor(
    config: NotificationsConfig,
    private readonly deps: { db: Db; clock: Clock; calendar: WorkCalendar; definitions: Definitions; log: (msg: string, err?: unknown) => void },
  ) {
    this.templates = new NotificationTemplates(config.templatesDir);
    this.policy = ReminderPolicy.fromFile(config.policyFile);
    for (const t of this.policy.templates()) {
      if (!this.templates.names().includes(t)) throw new TemplateError(`${config.policyFile} names the template "${t}", which is not in ${config.templatesDir}`);
    }
    this.organisation = Organisation.fromFile(config.organisationFile);
    this.channels.set('inbox', new InboxChannel(deps.db, () => deps.clock.now().getTime()));
    this.smtp = config.smtpUrl ? new SmtpChannel(config.smtpUrl, config.mailFrom) : null;
    if (this.smtp) this.channels.set('email', this.smtp);
    if (config.webhookUrl) this.channels.set('webhook', new WebhookChannel(config.webhookUrl, config.webhookSecret ?? ''));
    this.notifier = new Notifier(deps.db, deps.clock, this.templates, { email: !!this.smtp, webhook: !!config.webhookUrl }, config.baseUrl.replace(/\/$/, ''));
  }

  /** What each scheduler tick does: queue the reminders now due, then deliver what the outbox holds. */
  async tick(): Promise<{ queued: number } & DispatchResult> {
    const queued = await this.queueReminders();
    return { queued, ...(await this.dispatch()) };
  }

  /** Write the reminders now due to the outbox (not yet delivered). */
  queueReminders(): Promise<number> {
    const { db, clock, calendar, definitions } = this.deps;
    return sendDueReminders({ db, clock, calendar, definitions, policy: this.policy, organisation: this.organisation, notifier: this.notifier });
  }

  channel(name: string): Channel | undefined {
    return this.channels.get(name);
  }

  dispatch(): Promise<DispatchResult> {
    return dispatchOutbox(this.deps.db, this.deps.clock, this.channels, this.deps.log);
  }

  digest(): Promise<number> {
    return sendDailyDigest({ ...this.deps, notifier: this.notifier });
  }

  close(): void {
    this.smtp?.close();
  }
}
