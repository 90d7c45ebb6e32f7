import type { Knex } from 'knex';
import type { DbOrTx } from './db.ts';
import { fromJson } from './json.ts';
import { submissions, submittedVariables } from './submissions.ts';
import type { SupervisionScope } from './supervision.ts';

/** Figures for supervision and the annual report, over the cases opened in [from, to). */
export interface Period {
  from: number;
  to: number;
}

/**
 * Only the cases of one department when the scope names one: a case belongs to the department of
 * whoever opened it, as on the dashboard. `cases` is the alias of the case's root instance.
 */
function inDepartment<T extends {}>(q: Knex.QueryBuilder<T>, cases: string, scope: SupervisionScope): Knex.QueryBuilder<T> {
  if (scope.department !== undefined) q.join('users as case_starter', 'case_starter.username', `${cases}.started_by`).where('case_starter.department', scope.department);
  return q;
}

/** Each case opened in the period with its procedure and outcome: running, cancelled, or the end event a completed case reached. */
export async function caseOutcomeItems(db: DbOrTx, p: Period, scope: SupervisionScope = {}): Promise<Array<{ case_id: string; procedure: string; outcome: string }>> {
  const roots: Array<{ id: string; process_key: string; status: string }> = await inDepartment(db('instances as r'), 'r', scope)
    .whereNull('r.parent_id').where('r.started_at', '>=', p.from).where('r.started_at', '<', p.to).orderBy('r.started_at').select('r.id', 'r.process_key', 'r.status');
  const ends: Array<{ instance_id: string; data: string | null }> = roots.length
    ? await db('history').whereIn('instance_id', roots.filter((r) => r.status === 'completed').map((r) => r.id)).where({ kind: 'activity.end' }).where('data', 'like', '%EndEvent%').orderBy('id').select('instance_id', 'data')
    : [];
  const endName = new Map(ends.map((e) => [e.instance_id, fromJson<{ name?: string }>(e.data, {}).name ?? '办结']));
  return roots.map((r) => ({ case_id: r.id, procedure: r.process_key, outcome: r.status === 'completed' ? endName.get(r.id) ?? '办结' : r.status === 'running' ? '办理中' : '已取消' }));
}

/** Cases by procedure and outcome (caseOutcomeItems counted). */
export async function casesByOutcome(db: DbOrTx, p: Period, scope: SupervisionScope = {}): Promise<Array<{ procedure: string; outcome: string; cases: number }>> {
  const counts = new Map<string, { procedure: string; outcome: string; cases: number }>();
  for (const r of await caseOutcomeItems(db, p, scope)) {
    const key = `${r.procedure}\u0000${r.outcome}`;
    const c = counts.get(key) ?? { procedure: r.procedure, outcome: r.outcome, cases: 0 };
    c.cases++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => a.procedure.localeCompare(b.procedure) || b.cases - a.cases);
}

export type TimelinessColumn = 'onTime' | 'late' | 'open' | 'openOverdue';

/**
 * Timeliness of each statutory clock of those cases: on time when its last stop came before its
 * due time (pauses and extensions already in the due time), late after it; open ones apart,
 * overdue too when their due time has passed.
 */
export async function clockTimelinessItems(db: DbOrTx, p: Period, now: number, scope: SupervisionScope = {}): Promise<Array<{ case_id: string; procedure: string; clock: string; columns: TimelinessColumn[] }>> {
  const rows: Array<{ id: number; case_id: string; name: string; status: string; due_at: number | null; process_key: string }> = await inDepartment(db('clocks').join('instances', 'instances.id', 'clocks.case_id'), 'instances', scope)
    .where('instances.started_at', '>=', p.from)
    .where('instances.started_at', '<', p.to)
    .orderBy('clocks.id')
    .select('clocks.id', 'clocks.case_id', 'clocks.name', 'clocks.status', 'clocks.due_at', 'instances.process_key');
  const stops: Array<{ clock_id: number; at: number }> = rows.length ? await db('clock_events').whereIn('clock_id', rows.map((r) => r.id)).where({ kind: 'stop' }).orderBy('id').select('clock_id', 'at') : [];
  const lastStop = new Map(stops.map((s) => [s.clock_id, Number(s.at)]));
  return rows.map((r) => {
    const due = r.due_at === null ? null : Number(r.due_at);
    let columns: TimelinessColumn[];
    if (r.status === 'stopped') {
      const at = lastStop.get(r.id);
      columns = [due === null || (at !== undefined && at <= due) ? 'onTime' : 'late'];
    } else columns = due !== null && due < now ? ['open', 'openOverdue'] : ['open'];
    return { case_id: r.case_id, procedure: r.process_key, clock: r.name, columns };
  });
}

/** clockTimelinessItems counted by procedure and clock. */
export async function clockTimeliness(db: DbOrTx, p: Period, now: number, scope: SupervisionScope = {}): Promise<Array<{ procedure: string; clock: string; onTime: number; late: number; open: number; openOverdue: number }>> {
  const out = new Map<string, { procedure: string; clock: string; onTime: number; late: number; open: number; openOverdue: number }>();
  for (const r of await clockTimelinessItems(db, p, now, scope)) {
    const key = `${r.procedure}\u0000${r.clock}`;
    const s = out.get(key) ?? { procedure: r.procedure, clock: r.clock, onTime: 0, late: 0, open: 0, openOverdue: 0 };
    for (const c of r.columns) s[c]++;
    out.set(key, s);
  }
  return [...out.values()].sort((a, b) => a.procedure.localeCompare(b.procedure) || a.clock.localeCompare(b.clock));
}

export type ReviewColumn = 'agree' | 'problems' | 'proceedByCoordination' | 'proceedByCollectiveDiscussion';

/**
 * Legal-review opinions given in those cases (agree or problems found, as the reviewers gave them),
 * and the decisions to go ahead despite problems found, by who decided (legal-review-outcome.ts):
 * 经协调决定 (the head's coordination agreed) or 经集体讨论决定 — never counted as agreed. One item per opinion or decision.
 */
export async function reviewOpinionItems(db: DbOrTx, p: Period, scope: SupervisionScope = {}): Promise<Array<{ case_id: string; column: ReviewColumn }>> {
  const rows: Array<{ case_id: string; data: string | null; process_key: string; element_id: string | null }> = await inDepartment(submissions(db).join('instances', 'instances.id', 'history.instance_id').join('instances as cases', 'cases.id', 'instances.root_id'), 'cases', scope)
    .whereIn('instances.process_key', ['legal-review', 'disagreement'])
    .where('cases.started_at', '>=', p.from)
    .where('cases.started_at', '<', p.to)
    .orderBy('history.id')
    .select('cases.id as case_id', 'history.data', 'instances.process_key', 'history.element_id');
  return rows.flatMap((r) => {
    const v = submittedVariables(r.data);
    const column: ReviewColumn | null = r.process_key === 'legal-review'
      ? (v.reviewOpinion === 'agree' ? 'agree' : v.reviewOpinion === 'problems' ? 'problems' : null)
      : r.element_id === 'coordination' && v.coordinationResult === 'resolved-agree' ? 'proceedByCoordination'
        : r.element_id === 'collectiveDiscussion' && v.collectiveDecision === 'agree' ? 'proceedByCollectiveDiscussion' : null;
    return column ? [{ case_id: r.case_id, column }] : [];
  });
}

/** reviewOpinionItems counted. */
export async function reviewOpinions(db: DbOrTx, p: Period, scope: SupervisionScope = {}): Promise<Record<ReviewColumn, number>> {
  const result = { agree: 0, problems: 0, proceedByCoordination: 0, proceedByCollectiveDiscussion: 0 };
  for (const r of await reviewOpinionItems(db, p, scope)) result[r.column]++;
  return result;
}

/**
 * Filing decisions taken after the filing period with the reason recorded (立案审批 with
 * lateFilingReason, which the form requires once the filing clock is past due): each case with its reason.
 */
export async function lateFilingItems(db: DbOrTx, p: Period, scope: SupervisionScope = {}): Promise<Array<{ case_id: string; reason: string }>> {
  return (await stepSubmissions(db, p, scope, 'penalty', 'filingApproval'))
    .flatMap(({ caseId, variables: v }) => (typeof v.lateFilingReason === 'string' && v.lateFilingReason.trim() !== '' ? [{ case_id: caseId, reason: v.lateFilingReason }] : []));
}

export async function lateFilings(db: DbOrTx, p: Period, scope: SupervisionScope = {}): Promise<{ cases: number; reasons: string[] }> {
  const reasons = (await lateFilingItems(db, p, scope)).map((i) => i.reason);
  return { cases: reasons.length, reasons };
}

/** Emergency seizures reported to the head after the 24 hours of 强制法 art. 19 (the report step records emergencyReportLate and requires the reason). */
export async function lateEmergencyReports(db: DbOrTx, p: Period, scope: SupervisionScope = {}): Promise<{ cases: number; reasons: string[] }> {
  const late = (await stepSubmissions(db, p, scope, 'coercion', 'report')).map((s) => s.variables).filter((v) => v.emergencyReportLate === true);
  return { cases: late.length, reasons: late.map((v) => String(v.lateReportReason ?? '')) };
}

/** What was submitted at one step of the cases of a procedure started in the period, read from the record. */
async function stepSubmissions(db: DbOrTx, p: Period, scope: SupervisionScope, processKey: string, elementId: string): Promise<Array<{ caseId: string; variables: Record<string, unknown> }>> {
  const rows: Array<{ case_id: string; data: string | null }> = await inDepartment(submissions(db).join('instances as cases', 'cases.id', 'history.instance_id'), 'cases', scope)
    .where('cases.process_key', processKey)
    .where('history.element_id', elementId)
    .where('cases.started_at', '>=', p.from)
    .where('cases.started_at', '<', p.to)
    .orderBy('history.id')
    .select('cases.id as case_id', 'history.data');
  return rows.map((r) => ({ caseId: r.case_id, variables: submittedVariables(r.data) }));
}

/** Each publication of those cases: published before its publication clock fell due, or after. */
export async function publicationItems(db: DbOrTx, p: Period, scope: SupervisionScope = {}): Promise<Array<{ case_id: string; kind: string; onTime: boolean }>> {
  const rows: Array<{ case_id: string; kind: string; published_at: number; due_at: number | null }> = await inDepartment(db('publications').join('instances as cases', 'cases.id', 'publications.case_id'), 'cases', scope)
    .leftJoin('clocks', (j) => j.on('clocks.scope_id', '=', 'publications.instance_id').andOnVal('clocks.name', '=', 'publication'))
    .where('cases.started_at', '>=', p.from)
    .where('cases.started_at', '<', p.to)
    .orderBy('publications.id')
    .select('publications.case_id', 'publications.kind', 'publications.published_at', 'clocks.due_at');
  return rows.map((r) => ({ case_id: r.case_id, kind: r.kind, onTime: r.due_at === null || Number(r.published_at) <= Number(r.due_at) }));
}

/** Publications by kind, on time or late (publicationItems counted). */
export async function publicationTimeliness(db: DbOrTx, p: Period, scope: SupervisionScope = {}): Promise<Array<{ kind: string; onTime: number; late: number }>> {
  const out = new Map<string, { kind: string; onTime: number; late: number }>();
  for (const r of await publicationItems(db, p, scope)) {
    const s = out.get(r.kind) ?? { kind: r.kind, onTime: 0, late: 0 };
    if (r.onTime) s.onTime++;
    else s.late++;
    out.set(r.kind, s);
  }
  return [...out.values()];
}
