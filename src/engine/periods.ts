/**
 * The hook through which BPMN time expressions (timer durations, due dates) are turned into
 * instants. The working-day calendar plugs in here; the engine knows nothing of holidays.
 */
export interface PeriodResolver {
  /** When `period` (ISO 8601 duration, or P<n>WD / P<n>CD) measured from `from` ends. Throws on an unreadable period. */
  resolve(from: Date, period: string): { dueAt: Date; provisional: boolean };
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A timeDate or a due date given as an instant rather than a period. */
export function parseInstant(value: string): Date | undefined {
  if (!ISO_DATE_TIME.test(value)) return undefined;
  const date = new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
