import { parseInstant, type PeriodResolver } from './periods.ts';

/** Due times of the case's statutory clocks by name; null while a clock is paused or not started. */
export type ClockDues = Record<string, number | null>;

/** A clock-bound time expression: `clock:decision` follows the case clock named "decision". */
const CLOCK_BOUND = /^clock:([A-Za-z_][\w-]*)$/;

/** Armed for a paused or missing clock: the timer waits until the clock tells it otherwise. */
export const NEVER = new Date('9999-12-31T00:00:00Z');

export function clockNameOf(spec: string): string | undefined {
  return CLOCK_BOUND.exec(spec.trim())?.[1];
}

/**
 * The instant a due expression stands for: an ISO date-time, a period (ISO, P<n>WD, P<n>CD)
 * counted from `from`, or a case clock. Returns null for a clock that is paused or not started.
 */
export function resolveDue(spec: string, from: Date, periods: PeriodResolver, clocks: ClockDues): Date | null {
  const text = spec.trim();
  const clockName = clockNameOf(text);
  if (clockName) {
    const due = clocks[clockName];
    return due === undefined || due === null ? null : new Date(due);
  }
  return parseInstant(text) ?? periods.resolve(from, text).dueAt;
}
