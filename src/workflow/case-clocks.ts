import { CalendarInputError, type WorkCalendar } from '../calendar/index.ts';
import { ClockEventKind, deriveClock, statutoryPeriod, type DerivedClock } from '../calendar/statutory-clock.ts';
import type { Clock } from '../clock.ts';
import type { ClockDues } from '../engine/due.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { DbOrTx, Tx } from '../store/db.ts';
import { appendClockEvent, clockByName, clocksOfCase, eventsOfClock, insertClock, updateClock, type ClockRow } from '../store/clocks.ts';
import { appendHistory } from '../store/history.ts';

export interface ClockChange {
  kind: ClockEventKind;
  period?: string;
  reason?: string;
  /** A start counted from an earlier time than now (the decision it follows); never in the future. */
  from?: Date;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const CLOCK_NAME = /^[A-Za-z_][\w-]{0,99}$/;

/**
 * The statutory clocks of a case. Every change is an event; the due time is derived again from
 * all events and, when it moves, the case records the old and the new due time and why.
 */
export class CaseClocks {
  constructor(private readonly calendar: WorkCalendar, private readonly clock: Clock) {}

  async dues(db: DbOrTx, caseId: string): Promise<ClockDues> {
    const dues: ClockDues = {};
    for (const c of await clocksOfCase(db, caseId)) dues[c.name] = c.status === 'paused' ? null : c.due_at;
    return dues;
  }

  async apply(tx: Tx, caseId: string, name: string, change: ClockChange, actor: string | null): Promise<DerivedClock> {
    if (!CLOCK_NAME.test(name)) throw badRequest(`clock name "${name}" must be an identifier (letters, digits, _ or -)`);
    const now = this.clock.now().getTime();
    if (change.kind === ClockEventKind.start || change.kind === ClockEventKind.extend) this.guard(() => statutoryPeriod(change.period ?? ''));
    if (change.from) this.checkStart(name, change, now);
    let row = await clockByName(tx, caseId, name);
    if (!row) {
      if (change.kind !== ClockEventKind.start) throw notFound(`case ${caseId} has no clock named "${name}"`);
      const id = await insertClock(tx, { case_id: caseId, name, status: 'running', due_at: null, provisional: false, updated_at: now });
      row = { id, case_id: caseId, name, status: 'running', due_at: null, provisional: false, updated_at: now };
    } else if (row.status === 'stopped') {
      // A stopped clock takes only a new start, which begins a new run.
      if (change.kind !== ClockEventKind.start) throw conflict(`clock "${name}" is stopped`);
    } else if (alreadyInEffect(change.kind, row.status)) {
      // Services may re-run and staff may click twice: asking for the state a clock is in changes nothing.
      return this.deriveEvents(tx, row);
    }
    await appendClockEvent(tx, { clock_id: row.id, kind: change.kind, at: now, period: change.period ?? null, counts_from: change.from?.getTime() ?? null, actor, reason: change.reason ?? null });
    const result = await this.deriveEvents(tx, row);
    await appendHistory(tx, [{ instanceId: caseId, at: now, actor, kind: `clock.${change.kind}`, data: { clock: name, period: change.period, countsFrom: change.from?.toISOString(), reason: change.reason, dueAt: iso(result.dueAt?.getTime() ?? null), status: result.status } }]);
    await this.save(tx, row, result, `clock "${name}" ${change.kind}${change.reason ? `: ${change.reason}` : ''}`, actor);
    return result;
  }

  /** Derive again (after a calendar change); returns whether the due time moved. */
  async recompute(tx: Tx, row: ClockRow, why: string): Promise<boolean> {
    return this.save(tx, row, await this.deriveEvents(tx, row), why, null);
  }

  async list(db: DbOrTx, caseId: string) {
    const rows = await clocksOfCase(db, caseId);
    return Promise.all(
      rows.map(async (r) => {
        const events = await eventsOfClock(db, r.id);
        return {
          name: r.name,
          status: r.status,
          dueAt: iso(r.due_at),
          provisional: Boolean(r.provisional),
          events: events.map((e) => ({ kind: e.kind, at: iso(e.at), period: e.period, countsFrom: iso(e.counts_from ?? null), actor: e.actor, reason: e.reason })),
        };
      }),
    );
  }

  private async deriveEvents(tx: DbOrTx, row: ClockRow): Promise<DerivedClock> {
    const events = await eventsOfClock(tx, row.id);
    return this.guard(() => deriveClock(events, this.calendar));
  }

  private async save(tx: Tx, row: ClockRow, d: DerivedClock, why: string, actor: string | null): Promise<boolean> {
    const dueAt = d.dueAt?.getTime() ?? null;
    const moved = dueAt !== row.due_at;
    const now = this.clock.now().getTime();
    await updateClock(tx, row.id, { status: d.status, due_at: dueAt, provisional: d.provisional, updated_at: now });
    if (moved && row.due_at !== null) {
      await appendHistory(tx, [{ instanceId: row.case_id, at: now, actor, kind: 'deadline.changed', data: { clock: row.name, oldDue: iso(row.due_at), newDue: iso(dueAt), why } }]);
    }
    return moved;
  }

  private checkStart(name: string, change: ClockChange, now: number): void {
    const from = change.from!;
    if (change.kind !== ClockEventKind.start) throw badRequest(`only a start names the time clock "${name}" counts from, not a ${change.kind}`);
    if (Number.isNaN(from.getTime())) throw badRequest(`clock "${name}" cannot count from an invalid time`);
    if (from.getTime() > now) throw badRequest(`clock "${name}" cannot count from ${from.toISOString()}: that is later than now (${iso(now)})`);
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof CalendarInputError) throw badRequest(err.message);
      throw err;
    }
  }
}

function alreadyInEffect(kind: ClockEventKind, status: ClockRow['status']): boolean {
  return kind === ClockEventKind.start || (kind === ClockEventKind.pause && status === 'paused') || (kind === ClockEventKind.resume && status === 'running');
}
