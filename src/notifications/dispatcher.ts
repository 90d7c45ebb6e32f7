import type { Clock } from '../clock.ts';
import type { Db } from '../store/db.ts';
import { fromJson } from '../store/json.ts';
import { claimOutbox, markOutboxAttemptFailed, markOutboxSent } from '../store/outbox.ts';
import type { Channel, NotificationPayload } from './channels.ts';

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 3_600_000;
/** Longer than any send may take: after it, a send that was never acknowledged is taken again. */
export const LEASE_MS = 120_000;

/** 30 s, 1 min, 2 min, … up to an hour between attempts. */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

export interface DispatchResult {
  sent: number;
  failed: number;
}

/**
 * Delivers what the outbox holds, after the commands that wrote it have committed. Each row is
 * claimed (committed) before it is sent and acknowledged after, so a second worker never takes it;
 * a failure waits and retries with backoff, and after MAX_ATTEMPTS it stays failed for an
 * administrator to see and send again. Sending never runs inside a case's transaction.
 */
export async function dispatchOutbox(db: Db, clock: Clock, channels: Map<string, Channel>, log: (msg: string, err?: unknown) => void, limit = 100): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const row = await claimOutbox(db, clock.now().getTime(), LEASE_MS);
    if (!row) break;
    const channel = channels.get(row.channel);
    try {
      if (!channel) throw new Error(`channel "${row.channel}" is not configured`);
      await channel.deliver(row, fromJson<NotificationPayload>(row.payload, {} as NotificationPayload));
      await markOutboxSent(db, row.id, clock.now().getTime());
      result.sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const next = row.attempts >= MAX_ATTEMPTS ? null : clock.now().getTime() + retryDelay(row.attempts);
      await markOutboxAttemptFailed(db, row.id, message, next);
      result.failed++;
      if (next === null) log(`notification ${row.idempotency_key} failed ${row.attempts} times and waits for an administrator`, err);
    }
  }
  return result;
}
