import path from 'node:path';
import { shanghaiDate, startOfShanghaiDay } from '../../calendar/index.ts';
import { readJsonFile } from '../../json-file.ts';

export type PublicationKind = 'penalty' | 'permit' | 'other';
export const PUBLICATION_KINDS: readonly PublicationKind[] = ['penalty', 'permit', 'other'];

/** A penalty's listing: at least `minimum` (before it credit repair cannot take it down), at most `maximum`. */
export interface PenaltyPeriod {
  label: string;
  minimum: string;
  /** The period in words, for messages and notices (三个月). */
  minimumText: string;
  maximum: string;
  maximumText: string;
}

/**
 * How long an item stays on the public platform, counted from the decision date (calendar
 * periods: P3M, P1Y, P3Y), as rules/publication-periods.json sets it with its source. A permit
 * stays until its 有效期至 (2099-12-31 means long-term).
 */
export interface PublicationPeriods {
  source: string;
  penalty: { ordinary: PenaltyPeriod; serious: PenaltyPeriod };
  permit: 'validTo' | string;
  other: string;
}

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

/** Reads and checks rules/publication-periods.json; a file that cannot load stops the server. */
export function loadPublicationPeriods(file: string): PublicationPeriods {
  let raw: Partial<PublicationPeriods>;
  try {
    raw = readJsonFile(file);
  } catch (err) {
    throw new Error(`publication periods ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const calendar = (p: unknown, where: string): string => {
    if (typeof p !== 'string' || !CALENDAR_PERIOD.test(p) || p === 'P') throw new Error(`publication periods ${file}: ${where} must be a calendar period such as P3M, P1Y or P3Y (got ${JSON.stringify(p)})`);
    return p;
  };
  const penalty = (severity: 'ordinary' | 'serious'): PenaltyPeriod => {
    const p = raw.penalty?.[severity];
    const minimum = calendar(p?.minimum, `penalty.${severity}.minimum`);
    const maximum = calendar(p?.maximum, `penalty.${severity}.maximum`);
    if (addCalendarPeriod('2000-01-31', minimum) > addCalendarPeriod('2000-01-31', maximum)) throw new Error(`publication periods ${file}: penalty.${severity}.minimum ${minimum} is longer than its maximum ${maximum}`);
    const words = (v: unknown, fallback: string) => (typeof v === 'string' && v.trim() ? v.trim() : fallback);
    return { label: words(p?.label, severity), minimum, minimumText: words(p?.minimumText, minimum), maximum, maximumText: words(p?.maximumText, maximum) };
  };
  if (typeof raw.source !== 'string' || !raw.source.trim()) throw new Error(`publication periods ${file}: needs "source" (the rule the periods come from)`);
  return {
    source: raw.source,
    penalty: { ordinary: penalty('ordinary'), serious: penalty('serious') },
    permit: raw.permit === 'validTo' ? 'validTo' : calendar(raw.permit, 'permit'),
    other: calendar(raw.other, 'other'),
  };
}

/** rules/publication-periods.json, read when this module loads: a file that cannot load stops the server. */
export const DEFAULT_PUBLICATION_PERIODS: PublicationPeriods = loadPublicationPeriods(path.resolve(import.meta.dirname, '../../../rules/publication-periods.json'));

export function publicationPeriods(): PublicationPeriods {
  return DEFAULT_PUBLICATION_PERIODS;
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
 * Shanghai day): a penalty until its maximum period. `override` (the case's `publicationPeriod`)
 * replaces it, for a penalty only within the minimum and maximum of its severity.
 */
export function publicationEnd(kind: PublicationKind, decisionDate: string, opts: { serious?: boolean; validTo?: string; override?: string }, p: PublicationPeriods = publicationPeriods()): { lastDay: string; until: Date } {
  let end: string; // first day no longer listed
  const byPeriod = (period: string) => addCalendarPeriod(decisionDate, period);
  if (kind === 'penalty') {
    const severity = p.penalty[opts.serious ? 'serious' : 'ordinary'];
    end = byPeriod(severity.maximum);
    if (opts.override) {
      const chosen = byPeriod(opts.override);
      if (chosen < byPeriod(severity.minimum) || chosen > end) throw new Error(`publicationPeriod ${opts.override} is outside the ${severity.label} period of ${severity.minimum} to ${severity.maximum} (rules/publication-periods.json)`);
      end = chosen;
    }
  } else if (opts.override) end = byPeriod(opts.override);
  else if (kind === 'permit') end = p.permit === 'validTo' ? addCalendarPeriod(opts.validTo ?? LONG_TERM, 'P1D') : byPeriod(p.permit);
  else end = byPeriod(p.other);
  return { lastDay: previousDay(end), until: startOfShanghaiDay(end) };
}

/**
 * The first day credit repair (信用修复) may take a penalty down: the day after its minimum
 * period (最短公示期届满后方可修复).
 */
export function earliestRepairDay(decisionDate: string, serious: boolean, p: PublicationPeriods = publicationPeriods()): string {
  return addCalendarPeriod(decisionDate, p.penalty[serious ? 'serious' : 'ordinary'].minimum);
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
