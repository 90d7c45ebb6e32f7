import { ManualClock } from '../src/clock.ts';
import type { Zhifa } from '../src/zhifa.ts';
import { sqliteDatabase } from './database.ts';
import { REMINDER_SUBJECTS } from './settings.ts';
import { openZhifa, startWaiting } from './zhifa.ts';

export interface ReminderResult {
  subjects: number;
  /** The tick that finds every task in its reminder window: render, queue and deliver to the inbox. */
  firstTickMs: number;
  queued: number;
  /** A tick after that, when everything due has been sent: what every scheduler tick costs. */
  steadyTickMs: number;
}

/**
 * The cost of deriving reminders on every scheduler tick: REMINDER_SUBJECTS waiting tasks (due in
 * P2D, offered to a group of one user), all entering their "one working day before" step at once.
 */
export async function reminderTicks(): Promise<ReminderResult> {
  const db = sqliteDatabase();
  let zhifa: Zhifa | undefined;
  try {
    zhifa = await openZhifa(db.database);
    const clock = zhifa.clock as ManualClock;
    clock.set(new Date('2026-03-02T01:00:00Z')); // Monday 09:00 Shanghai
    await zhifa.accounts.create({ username: 'rev', password: 'x', groups: [{ id: 'reviewers', name: 'Reviewers' }] });
    for (let i = 0; i < REMINDER_SUBJECTS; i++) await startWaiting(zhifa);
    clock.set(new Date('2026-03-03T02:00:00Z')); // Tuesday 10:00: past one working day before Wednesday 09:00
    let t = performance.now();
    const first = await zhifa.notifications.tick();
    const firstTickMs = performance.now() - t;
    t = performance.now();
    const steady = await zhifa.notifications.tick();
    const steadyTickMs = performance.now() - t;
    if (first.queued !== REMINDER_SUBJECTS || steady.queued !== 0) throw new Error(`expected ${REMINDER_SUBJECTS} reminders then none, got ${first.queued} then ${steady.queued}`);
    return { subjects: REMINDER_SUBJECTS, firstTickMs, queued: first.queued, steadyTickMs };
  } finally {
    await zhifa?.close();
    await db.drop();
  }
}
