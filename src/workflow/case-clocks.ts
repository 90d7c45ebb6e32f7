import type { WorkCalendar } from '../calendar/index.ts';
import { calendarInput } from './calendar-input.ts';
import { ClockEventKind, deriveClock, statutoryPeriod, type DerivedClock } from '../calendar/statutory-clock.ts';
import type { Clock } from '../clock.ts';
import type { ClockDues } from '../engine/due.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { DbOrTx, Tx } from '../store/db.ts';
import { appendClockEvent, clockInScope, clocksOfCase, eventsOfClock, insertClock, updateClock, type ClockRow } from '../store/clocks.ts';
import { appendHistory } from '../store/history.ts';
import { ALWAYS_ROLL_OVER, type ClockRollOverRules } from './clock-roll-over.ts';
import { lineageOf } from '../store/instances.ts';

export interface ClockChange {
  kind: ClockEventKind;
  period?: string;
  reason?: string;
  /** A start, pause or resume counted from an earlier time than now (the decision it follows, the day a hearing was asked for); never in the future. */
  from?: Date;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const CLOCK_NAME = /^[A-Za-z_][\w-]{0,99}$/;

/**
 * The statutory clocks of a case. Every change is an event; the due time is derived again from
 * all events and, when it moves, the case records the old and the new due time and why.
 * A clock belongs to the instance that started it; an instance finds a clock by name in itself,
 * then in its parent, up to the case root, so two publications of one case keep two deadlines.
 */
export class CaseClocks {
  constructor(private readonly calendar: WorkCalendar, private readonly clock: Clock, private readonly rollOver: ClockRollOverRules = ALWAYS_ROLL_OVER) {}

  /** The clocks `instanceId` sees by name, with their due times. */
  async dues(db: DbOrTx, instanceId: string): Promise<ClockDues> {
    const dues: ClockDues = {};
    for (const c of await this.visible(db, await lineageOf(db, instanceId))) dues[c.name] = c.status === 'paused' ? null : c.due_at;
    return dues;
  }

  /** A start makes (or restarts) the instance's own clock; any other change goes to the clock the instance sees by that name. */
  async apply(tx: Tx, instanceId: string, name: string, change: ClockChange, actor: string | null): Promise<DerivedClock & { instanceId: string }> {
    if (!CLOCK_NAME.test(name)) throw badRequest(`clock name "${name}" must be an identifier (letters, digits, _ or -)`);
    const now = this.clock.now().getTime();
    if (change.kind === ClockEventKind.start || change.kind === ClockEventKind.extend) this.guard(() => statutoryPeriod(change.period ?? ''));
    if (change.from) this.checkFrom(name, change, now);
    const lineage = await lineageOf(tx, instanceId);
    if (!lineage.length) throw notFound('案件不存在');
    const caseId = lineage.at(-1)!;
    let row = change.kind === ClockEventKind.start ? await clockInScope(tx, instanceId, name) : (await this.visible(tx, lineage)).find((c) => c.name === name);
    if (!row) {
      if (change.kind !== ClockEventKind.start) throw notFound(`instance ${instanceId} has no clock named "${name}", nor has any process that called it`);
      const fresh = { case_id: caseId, scope_id: instanceId, name, status: 'running' as const, due_at: null, provisional: false, updated_at: now };
      row = { id: await insertClock(tx, fresh), ...fresh };
    } else if (row.status === 'stopped') {
      // A stopped clock takes only a new start, which begins a new run.
      if (change.kind !== ClockEventKind.start) throw conflict(`clock "${name}" is stopped`);
    } else if (alreadyInEffect(change.kind, row.status)) {
      // Services may re-run and staff may click twice: asking for the state a clock is in changes nothing.
      return { ...(await this.deriveEvents(tx, row)), instanceId: row.scope_id };
    }
    await appendClockEvent(tx, { clock_id: row.id, kind: change.kind, at: now, period: change.period ?? null, counts_from: change.from?.getTime() ?? null, actor, reason: change.reason ?? null });
    const result = await this.deriveEvents(tx, row);
    await appendHistory(tx, [{ instanceId: caseId, at: now, actor, kind: `clock.${change.kind}`, data: { clock: name, instanceId: row.scope_id, period: change.period, countsFrom: change.from?.toISOString(), reason: change.reason, dueAt: iso(result.dueAt?.getTime() ?? null), status: result.status } }]);
    await this.save(tx, row, result, `clock "${name}" ${change.kind}${change.reason ? `: ${change.reason}` : ''}`, actor);
    return { ...result, instanceId: row.scope_id };
  }

  /** Derive again (after a calendar change); returns whether the due time moved. */
  async recompute(tx: Tx, row: ClockRow, why: string): Promise<boolean> {
    return this.save(tx, row, await this.deriveEvents(tx, row), why, null);
  }

  /** Every clock of the case, each with the instance it belongs to. */
  async list(db: DbOrTx, caseId: string) {
    const rows = await clocksOfCase(db, caseId);
    return Promise.all(
      rows.map(async (r) => {
        const events = await eventsOfClock(db, r.id);
        return {
          name: r.name,
          instanceId: r.scope_id,
          status: r.status,
          dueAt: iso(r.due_at),
          provisional: Boolean(r.provisional),
          events: events.map((e) => ({ kind: e.kind, at: iso(e.at), period: e.period, countsFrom: iso(e.counts_from ?? null), actor: e.actor, reason: e.reason })),
        };
      }),
    );
  }

  /** The case's clocks an instance sees: for each name, the one nearest to it along its lineage (itself first). */
  private async visible(db: DbOrTx, lineage: string[]): Promise<ClockRow[]> {
    if (!lineage.length) return [];
    const depth = new Map(lineage.map((id, i) => [id, i] as const));
    const nearest = new Map<string, ClockRow>();
    for (const c of await clocksOfCase(db, lineage.at(-1)!)) {
      const d = depth.get(c.scope_id);
      const seen = nearest.get(c.name);
      if (d !== undefined && (!seen || d < depth.get(seen.scope_id)!)) nearest.set(c.name, c);
    }
    return [...nearest.values()];
  }

  private async deriveEvents(tx: DbOrTx, row: ClockRow): Promise<DerivedClock> {
    const events = await eventsOfClock(tx, row.id);
    // By name, so a recomputation after a calendar change applies the same rule as the start did.
    return this.guard(() => deriveClock(events, this.calendar, { rollOver: this.rollOver.rollsOver(row.name) }));
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

  private checkFrom(name: string, change: ClockChange, now: number): void {
    const from = change.from!;
    if (change.kind === ClockEventKind.extend || change.kind === ClockEventKind.stop) throw badRequest(`only a start, a pause or a resume names the time clock "${name}" counts from, not a ${change.kind}`);
    if (Number.isNaN(from.getTime())) throw badRequest(`clock "${name}" cannot count from an invalid time`);
    if (from.getTime() > now) throw badRequest(`clock "${name}" cannot count from ${from.toISOString()}: that is later than now (${iso(now)})`);
  }

  private guard<T>(fn: () => T): T {
    return calendarInput(fn);
  }
}

function alreadyInEffect(kind: ClockEventKind, status: ClockRow['status']): boolean {
  return kind === ClockEventKind.start || (kind === ClockEventKind.pause && status === 'paused') || (kind === ClockEventKind.resume && status === 'running');
}
