import { endOfShanghaiDay, startOfShanghaiDay } from '../calendar/index.ts';
import { statutoryTimeliness } from '../domain/clock-catalog.ts';
import type { DbOrTx } from '../store/db.ts';
import {
  caseOutcomeItems, casesByOutcome, clockTimeliness, clockTimelinessItems, lateEmergencyReports, lateFilingItems, lateFilings,
  publicationItems, publicationTimeliness, reviewOpinionItems, reviewOpinions, type Period, type ReviewColumn, type TimelinessColumn,
} from '../store/statistics.ts';
import type { SupervisionScope } from '../store/supervision.ts';

export type { Period, ReviewColumn, TimelinessColumn };

/** Whole days in Shanghai ("2026-01-01" to "2026-12-31", both included) as the instants a period runs between. */
export function periodOfDays(days: { from: string; to: string }): Period {
  return { from: startOfShanghaiDay(days.from).getTime(), to: endOfShanghaiDay(days.to).getTime() };
}

/**
 * Figures for supervision and the annual report over the cases opened in the period, for one
 * scope: the statistics page and GET /api/statistics both read them here. Timeliness is of the
 * statutory limits only (a reminder clock is no limit to keep, rules/clocks.json).
 */
export async function statisticsFigures(db: DbOrTx, period: Period, now: number, scope: SupervisionScope) {
  const [cases, timeliness, opinions, publications, late, lateEmergency] = await Promise.all([
    casesByOutcome(db, period, scope),
    clockTimeliness(db, period, now, scope),
    reviewOpinions(db, period, scope),
    publicationTimeliness(db, period, scope),
    lateFilings(db, period, scope),
    lateEmergencyReports(db, period, scope),
  ]);
  return { cases, timeliness: statutoryTimeliness(timeliness), reviewOpinions: opinions, publications, lateFilings: late, lateEmergencyReports: lateEmergency };
}

/*
 * The things behind one figure of the statistics, read by the same query function that counted it
 * and narrowed as its row and column are: the figure and the list are one number.
 */

/** The cases of a procedure (or all) with an outcome (or any). */
export async function outcomeItems(db: DbOrTx, period: Period, scope: SupervisionScope, q: { procedure?: string; outcome?: string }) {
  return (await caseOutcomeItems(db, period, scope)).filter((i) => (!q.procedure || i.procedure === q.procedure) && (!q.outcome || i.outcome === q.outcome));
}

/** The clocks of one name (of a procedure, or any) in one column of the timeliness table. */
export async function timelinessItems(db: DbOrTx, period: Period, now: number, scope: SupervisionScope, q: { procedure?: string; clock?: string; column: TimelinessColumn }) {
  return (await clockTimelinessItems(db, period, now, scope)).filter((i) => i.procedure === (q.procedure ?? i.procedure) && i.clock === q.clock && i.columns.includes(q.column));
}

/** The legal reviews counted in one column of the opinions table. */
export async function reviewItems(db: DbOrTx, period: Period, scope: SupervisionScope, column: ReviewColumn) {
  return (await reviewOpinionItems(db, period, scope)).filter((i) => i.column === column);
}

/** The cases filed late, each with the reason given. */
export function lateFilingCases(db: DbOrTx, period: Period, scope: SupervisionScope) {
  return lateFilingItems(db, period, scope);
}

/** The publications of a kind (or any) made on time, or late. */
export async function publishedItems(db: DbOrTx, period: Period, scope: SupervisionScope, q: { kind?: string; onTime: boolean }) {
  return (await publicationItems(db, period, scope)).filter((i) => (!q.kind || i.kind === q.kind) && i.onTime === q.onTime);
}
