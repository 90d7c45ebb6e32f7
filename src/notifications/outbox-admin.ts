import type { DbOrTx } from '../store/db.ts';
import { fromJson } from '../store/json.ts';
import { OutboxStatus, outboxByStatus, retryOutbox } from '../store/outbox.ts';

/** A notification not yet delivered, as the administrators' page lists it. */
export interface UndeliveredNotification {
  id: number;
  key: string;
  channel: string;
  recipient: string;
  /** The subject it was queued with, else its template's name. */
  subject: string;
  status: string;
  failed: boolean;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number;
  caseId: string | null;
}

/** Notifications that failed or still wait to be sent (newest first): what an administrator may need to act on. */
export async function undeliveredNotifications(db: DbOrTx): Promise<UndeliveredNotification[]> {
  const rows = await outboxByStatus(db, [OutboxStatus.failed, OutboxStatus.pending, OutboxStatus.sending]);
  return rows.map((row) => ({
    id: row.id,
    key: row.idempotency_key,
    channel: row.channel,
    recipient: row.recipient,
    subject: fromJson<{ subject?: string }>(row.payload, {}).subject ?? row.template,
    status: row.status,
    failed: row.status === OutboxStatus.failed,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: Number(row.next_attempt_at),
    caseId: row.case_id,
  }));
}

/** Sends a failed notification again (fresh attempts, due now); false when there is no failed one with this id. */
export function retryNotification(db: DbOrTx, id: number, now: number): Promise<boolean> {
  return retryOutbox(db, id, now);
}
