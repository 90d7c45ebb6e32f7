/**
 * A statutory clock (e.g. "decide within P90CD of filing") whose due time is derived from its
 * history, never stored as the truth: start, pauses (hearing, testing, appraisal time is not
 * counted), extensions on approval, stop. Recomputing after a calendar change is then just
 * deriving again.
 */
import { addDays, dayNumber, shanghaiDate } from './dates.ts';
import { CalendarInputError } from './errors.ts';
import { parsePeriod } from './period.ts';
import type { WorkCalendar } from './work-calendar.ts';

export const ClockEventKind = { start: 'start', pause: 'pause', resume: 'resume', extend: 'extend', stop: 'stop' } as const;
export type ClockEventKind = (typeof ClockEventKind)[keyof typeof ClockEventKind];

export interface ClockEvent {
  kind: ClockEventKind;
  at: number;
  period?: string | null;
  /** A start, pause or resume that counts from an earlier time than it was recorded at (the decision it follows, the day a hearing was asked for). */
  counts_from?: number | null;
}

export const ClockStatus = { running: 'running', paused: 'paused', stopped: 'stopped' } as const;
export type ClockStatus = (typeof ClockStatus)[keyof typeof ClockStatus];

export interface DerivedClock {
  status: ClockStatus;
  unit: 'WD' | 'CD';
  /** Units granted: the period, extensions and paused time. */
  units: number;
  pausedUnits: number;
  /** Null while paused: the limit is not running. */
  dueAt: Date | null;
  due: string | null;
  provisional: boolean;
}

/** `rollOver: false` for a maximum duration (a seizure's 30 days end on their last day even if it is a rest day). */
export function deriveClock(history: ClockEvent[], calendar: WorkCalendar, options: { rollOver?: boolean } = {}): DerivedClock {
  // A stopped clock started again (a new review round) counts afresh from its latest start.
  const lastStart = history.map((e) => e.kind).lastIndexOf(ClockEventKind.start);
  const [start, ...rest] = lastStart > 0 ? history.slice(lastStart) : history;
  if (!start || start.kind !== ClockEventKind.start || !start.period) throw new CalendarInputError('a clock history must begin with its start and period');
  const base = statutoryPeriod(start.period);
  let units = base.count;
  let pausedUnits = 0;
  let pausedAt: number | null = null;
  let status: ClockStatus = ClockStatus.running;
  for (const e of rest) {
    if (status === ClockStatus.stopped) break;
    if (e.kind === ClockEventKind.pause && pausedAt === null) {
      pausedAt = e.counts_from ?? e.at;
      status = ClockStatus.paused;
    } else if (e.kind === ClockEventKind.resume && pausedAt !== null) {
      pausedUnits += unitsBetween(calendar, base.unit, pausedAt, Math.max(pausedAt, e.counts_from ?? e.at));
      pausedAt = null;
      status = ClockStatus.running;
    } else if (e.kind === ClockEventKind.extend) {
      const ext = statutoryPeriod(e.period ?? '');
      if (ext.unit !== base.unit) throw new CalendarInputError(`an extension of a ${base.unit} clock must also count ${base.unit} (got ${e.period})`);
      units += ext.count;
    } else if (e.kind === ClockEventKind.stop) {
      status = ClockStatus.stopped;
    }
  }
  if (status === ClockStatus.paused) return { status, unit: base.unit, units, pausedUnits, dueAt: null, due: null, provisional: false };
  const due = calendar.addPeriod(new Date(start.counts_from ?? start.at), `P${units + pausedUnits}${base.unit}`, options);
  return { status, unit: base.unit, units, pausedUnits, dueAt: due.dueAt, due: due.due, provisional: due.provisional };
}

export function statutoryPeriod(text: string): { unit: 'WD' | 'CD'; count: number } {
  const p = parsePeriod(text);
  if (p.unit === 'ISO') throw new CalendarInputError(`a statutory clock counts working days (P<n>WD) or calendar days (P<n>CD), not "${text}"`);
  return p;
}

/** Days not counted for a pause: from the day it began up to, not including, the day it ended. */
function unitsBetween(calendar: WorkCalendar, unit: 'WD' | 'CD', from: number, to: number): number {
  const first = shanghaiDate(new Date(from));
  const last = shanghaiDate(new Date(to));
  const days = dayNumber(last) - dayNumber(first);
  if (unit === 'CD' || days <= 0) return Math.max(0, days);
  let count = 0;
  for (let d = first; d !== last; d = addDays(d, 1)) if (calendar.day(d).workday) count++;
  return count;
}
