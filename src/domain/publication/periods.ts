import { shanghaiDate, startOfShanghaiDay } from '../../calendar/index.ts';

export type PublicationKind = 'penalty' | 'permit' | 'other';
export const PUBLICATION_KINDS: readonly PublicationKind[] = ['penalty', 'permit', 'other'];

/**
 * How long an item stays on the public platform, counted from the decision date (calendar
 * periods: P3M, P1Y, P3Y). A permit stays until its 有效期至 (2099-12-31 means long-term).
 */
export interface PublicationPeriods {
  penalty: { ordinary: string; serious: string };
  permit: 'validTo' | string;
  other: string;
}

export const DEFAULT_PUBLICATION_PERIODS: PublicationPeriods = {
  penalty: { ordinary: 'P1Y', serious: 'P3Y' },
  permit: 'validTo',
  other: 'P1Y',
};

export const LONG_TERM = '2099-12-31';

const CALENDAR_PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/;

/** `2026-03-02` + `P1Y` → `2027-03-02` (the end of a month is kept: 08-31 + P6M → 02-28). */
export function addCalendarPeriod(date: string, period: string): string {
  const m = CALENDAR_PERIOD.exec(period);
  if (!m || period === 'P') throw new Error(`publication period "${period}" must be a calendar period such as P3M, P1Y or P3Y`);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const months = (Number(m[1] ?? 0) * 12) + Number(m[2] ?? 0);
  const target = new Date(Date.UTC(y, mo - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  target.setUTCDate(target.getUTCDate() + Number(m[3] ?? 0));
  return target.toISOString().slice(0, 10);
}

/** A date variable (`2026-03-02`, an ISO instant or epoch ms) as a Shanghai calendar date. */
export function dateOf(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return shanghaiDate(d);
  }
  return undefined;
}

/**
 * The last day an item is listed and the instant it leaves the platform (the start of the next
 * Shanghai day). `override` (the case's `publicationPeriod`) replaces the configured period.
 */
export function publicationEnd(kind: PublicationKind, decisionDate: string, opts: { serious?: boolean; validTo?: string; override?: string }, periods: PublicationPeriods = DEFAULT_PUBLICATION_PERIODS): { lastDay: string; until: Date } {
  let end: string; // first day no longer listed
  const byPeriod = (p: string) => addCalendarPeriod(decisionDate, p);
  if (opts.override) end = byPeriod(opts.override);
  else if (kind === 'penalty') end = byPeriod(opts.serious ? periods.penalty.serious : periods.penalty.ordinary);
  else if (kind === 'permit') end = periods.permit === 'validTo' ? addCalendarPeriod(opts.validTo ?? LONG_TERM, 'P1D') : byPeriod(periods.permit);
  else end = byPeriod(periods.other);
  return { lastDay: previousDay(end), until: startOfShanghaiDay(end) };
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
