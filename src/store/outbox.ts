import type { Db, DbOrTx } from './db.ts';
import { isPostgres } from './db.ts';

export const OutboxStatus = { pending: 'pending', sending: 'sending', sent: 'sent', failed: 'failed' } as const;
export type OutboxStatus = (typeof OutboxStatus)[keyof typeof OutboxStatus];

export interface OutboxRow {
  id: number;
  idempotency_key: string;
  channel: string;
  recipient: string;
  template: string;
  payload: string;
  case_id: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export type NewOutboxRow = Pick<OutboxRow, 'idempotency_key' | 'channel' | 'recipient' | 'template' | 'payload' | 'case_id' | 'created_at'>;

/** Insert unless a row with the same idempotency key exists; returns whether it was new. */
export async function enqueueOutbox(db: DbOrTx, row: NewOutboxRow): Promise<boolean> {
  const inserted = await db('outbox')
    .insert({ ...row, status: OutboxStatus.pending, attempts: 0, next_attempt_at: row.created_at })
    .onConflict('idempotency_key')
    .ignore()
    .returning('id');
  return inserted.length > 0;
}

/**
 * Claim one deliverable row: pending and due, or a send whose lease ran out (its worker died
 * before acknowledging). The claim is committed before sending, so a second worker skips it.
 */
export async function claimOutbox(db: Db, now: number, leaseMs: number): Promise<OutboxRow | undefined> {
  return db.transaction(async (tx) => {
    const q = tx<OutboxRow>('outbox')
      .where((w) => w.where({ status: OutboxStatus.pending }).andWhere('next_attempt_at', '<=', now))
      .orWhere((w) => w.where({ status: OutboxStatus.sending }).andWhere('lease_until', '<', now))
      .orderBy('id')
      .first();
    const row = await (isPostgres(tx) ? q.forUpdate().skipLocked() : q);
    if (!row) return undefined;
    const taken = await tx('outbox').where({ id: row.id, status: row.status }).update({ status: OutboxStatus.sending, lease_until: now + leaseMs, attempts: row.attempts + 1 });
    return taken ? { ...row, status: OutboxStatus.sending, attempts: row.attempts + 1, lease_until: now + leaseMs } : undefined;
  });
}

export async function markOutboxSent(db: DbOrTx, id: number, now: number): Promise<void> {
  await db('outbox').where({ id }).update({ status: OutboxStatus.sent, sent_at: now, lease_until: null, last_error: null });
}

export async function markOutboxAttemptFailed(db: DbOrTx, id: number, error: string, nextAttemptAt: number | null): Promise<void> {
  await db('outbox')
    .where({ id })
    .update(nextAttemptAt === null ? { status: OutboxStatus.failed, lease_until: null, last_error: error } : { status: OutboxStatus.pending, lease_until: null, last_error: error, next_attempt_at: nextAttemptAt });
}

/** An administrator sends a failed notification again: fresh attempts, due now. */
export async function retryOutbox(db: DbOrTx, id: number, now: number): Promise<boolean> {
  return (await db('outbox').where({ id, status: OutboxStatus.failed }).update({ status: OutboxStatus.pending, attempts: 0, next_attempt_at: now, last_error: null })) > 0;
}

export function outboxByStatus(db: DbOrTx, statuses: OutboxStatus[], limit = 200): Promise<OutboxRow[]> {
  return db<OutboxRow>('outbox').whereIn('status', statuses).orderBy('id', 'desc').limit(limit);
}

/** The reminder notifications queued since `since`, as their keys without the recipient and channel (one query for a whole scan). */
export async function recentReminderKeys(db: DbOrTx, since: number): Promise<Set<string>> {
  const keys: string[] = await db('outbox').where('idempotency_key', 'like', 'reminder:%').andWhere('created_at', '>=', since).pluck('idempotency_key');
  return new Set(keys.map((k) => k.split(':').slice(0, 5).join(':')));
}
