import type { Knex } from 'knex';
import type { DbOrTx } from './db.ts';

/**
 * What the managers' dashboard reads: open cases, task limits and statutory clocks, each
 * attributed to the department of whoever opened the case (the root instance) and to the case's
 * procedure. Without `department` every department is read.
 */
export interface SupervisionScope {
  department?: string;
}

export interface CaseCountRow {
  department: string | null;
  process_key: string;
  open_cases: number;
}

export interface TaskCountRow {
  department: string | null;
  process_key: string;
  open_tasks: number;
  due_this_week: number;
  overdue: number;
}

export interface ClockCountRow {
  department: string | null;
  process_key: string;
  due_this_week: number;
  overdue: number;
  paused: number;
}

interface CaseRef {
  case_id: string;
  business_key: string | null;
  process_key: string;
  variables: string;
  department: string | null;
}

export interface SupervisedTaskRow extends CaseRef {
  id: string;
  name: string | null;
  element_id: string;
  form_key: string | null;
  assignee: string | null;
  candidate_groups: string;
  due_at: number | null;
  /** The diagram's due date (clock:filing, P10WD): whether it counts working or calendar days. */
  due_spec: string | null;
}

export interface SupervisedClockRow extends CaseRef {
  id: number;
  name: string;
  due_at: number;
}

/** Cases from the root instance `r`, its starter `u`, only while the case runs. */
function inScope<T extends {}>(q: Knex.QueryBuilder<T>, scope: SupervisionScope): Knex.QueryBuilder<T> {
  q.leftJoin('users as u', 'u.username', 'r.started_by').where('r.status', 'running');
  if (scope.department !== undefined) q.where('u.department', scope.department);
  return q;
}

const numbers = <T>(rows: Array<Record<string, unknown>>, keys: string[]): T[] =>
  rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const k of keys) out[k] = Number(row[k] ?? 0);
    return out as T;
  });

// The base of each figure, shared by its count and by the list of cases behind it (dashboardItems).
const openCases = (db: DbOrTx, scope: SupervisionScope) => inScope(db('instances as r').whereRaw('r.id = r.root_id'), scope);
const openTasks = (db: DbOrTx, scope: SupervisionScope) => inScope(db('tasks as t').join('instances as i', 'i.id', 't.instance_id').join('instances as r', 'r.id', 'i.root_id').where('t.status', 'open'), scope);
const liveClocks = (db: DbOrTx, scope: SupervisionScope, statutory: readonly string[]) =>
  inScope(db('clocks as c').join('instances as r', 'r.id', 'c.case_id').whereIn('c.status', ['running', 'paused']).whereIn('c.name', statutory), scope);

export async function openCaseCounts(db: DbOrTx, scope: SupervisionScope): Promise<CaseCountRow[]> {
  const rows = await openCases(db, scope).groupBy('u.department', 'r.process_key').select('u.department as department', 'r.process_key as process_key').count({ open_cases: '*' });
  return numbers<CaseCountRow>(rows, ['open_cases']);
}

/** Open tasks per department and procedure: all, due from now to `weekEnd`, and past their limit. */
export async function openTaskCounts(db: DbOrTx, scope: SupervisionScope, now: number, weekEnd: number): Promise<TaskCountRow[]> {
  const rows = await openTasks(db, scope)
    .groupBy('u.department', 'r.process_key')
    .select('u.department as department', 'r.process_key as process_key')
    .count({ open_tasks: '*' })
    .select(db.raw('SUM(CASE WHEN t.due_at > ? AND t.due_at <= ? THEN 1 ELSE 0 END) AS due_this_week', [now, weekEnd]))
    .select(db.raw('SUM(CASE WHEN t.due_at <= ? THEN 1 ELSE 0 END) AS overdue', [now]));
  return numbers<TaskCountRow>(rows, ['open_tasks', 'due_this_week', 'overdue']);
}

/**
 * Statutory clocks (`statutory`: their names, src/domain/clock-catalog.ts) of open cases per
 * department and procedure: running ones due this week or past due, and paused ones.
 */
export async function liveClockCounts(db: DbOrTx, scope: SupervisionScope, now: number, weekEnd: number, statutory: readonly string[]): Promise<ClockCountRow[]> {
  const rows = await liveClocks(db, scope, statutory)
    .groupBy('u.department', 'r.process_key')
    .select('u.department as department', 'r.process_key as process_key')
    .select(db.raw("SUM(CASE WHEN c.status = 'running' AND c.due_at > ? AND c.due_at <= ? THEN 1 ELSE 0 END) AS due_this_week", [now, weekEnd]))
    .select(db.raw("SUM(CASE WHEN c.status = 'running' AND c.due_at <= ? THEN 1 ELSE 0 END) AS overdue", [now]))
    .select(db.raw("SUM(CASE WHEN c.status = 'paused' THEN 1 ELSE 0 END) AS paused"));
  return numbers<ClockCountRow>(rows, ['due_this_week', 'overdue', 'paused']);
}

const TASK_COLUMNS = ['t.id', 't.name', 't.element_id', 't.form_key', 't.assignee', 't.candidate_groups', 't.due_at', 't.due_spec'];
const CASE_COLUMNS = ['r.id as case_id', 'r.business_key', 'r.process_key', 'r.variables', 'u.department as department'];

/** Open tasks past their limit, longest overdue first. */
export function overdueTasks(db: DbOrTx, scope: SupervisionScope, now: number, limit: number): Promise<SupervisedTaskRow[]> {
  const q = db('tasks as t').join('instances as i', 'i.id', 't.instance_id').join('instances as r', 'r.id', 'i.root_id').where('t.status', 'open').andWhere('t.due_at', '<=', now);
  return inScope(q, scope).select([...TASK_COLUMNS, ...CASE_COLUMNS]).orderBy([{ column: 't.due_at' }, { column: 't.id' }]).limit(limit) as Promise<SupervisedTaskRow[]>;
}

/** Running statutory clocks (`statutory`: their names) past their due time, longest overdue first. */
export function overdueClocks(db: DbOrTx, scope: SupervisionScope, now: number, limit: number, statutory: readonly string[]): Promise<SupervisedClockRow[]> {
  const q = db('clocks as c').join('instances as r', 'r.id', 'c.case_id').where('c.status', 'running').andWhere('c.due_at', '<=', now).whereIn('c.name', statutory);
  return inScope(q, scope).select(['c.id', 'c.name', 'c.due_at', ...CASE_COLUMNS]).orderBy([{ column: 'c.due_at' }, { column: 'c.id' }]).limit(limit) as Promise<SupervisedClockRow[]>;
}

/** Open tasks of the given forms (reminders, escalations), earliest limit first; who they are offered to is the caller's filter. */
export function openTasksWithForms(db: DbOrTx, scope: SupervisionScope, formKeys: readonly string[]): Promise<SupervisedTaskRow[]> {
  const q = db('tasks as t').join('instances as i', 'i.id', 't.instance_id').join('instances as r', 'r.id', 'i.root_id').where('t.status', 'open').whereIn('t.form_key', formKeys);
  return inScope(q, scope).select([...TASK_COLUMNS, ...CASE_COLUMNS]).orderByRaw('t.due_at is null, t.due_at asc').orderBy('t.id') as Promise<SupervisedTaskRow[]>;
}

/** The figures of the dashboard, each of which links to the cases behind it. */
export const DASHBOARD_METRICS = ['openCases', 'openTasks', 'tasksDueThisWeek', 'clocksDueThisWeek', 'overdue', 'pausedClocks'] as const;
export type DashboardMetric = (typeof DASHBOARD_METRICS)[number];

/** What a figure's row narrows it to: a department (null: cases of nobody's department) and a procedure. */
export interface DrillFilter {
  department?: string | null;
  processKey?: string;
}

/** One thing a figure counts (a case, a task or a statutory clock) with its case. */
export interface DrillItemRow extends CaseRef {
  kind: 'case' | 'task' | 'clock';
  /** The task's or clock's name (a clock's is its key, for the catalogue's label); null for a case. */
  item: string | null;
  due_at: number | null;
  started_at: number;
}

function narrowed<T extends {}>(q: Knex.QueryBuilder<T>, f: DrillFilter): Knex.QueryBuilder<T> {
  if (f.department === null) q.whereNull('u.department');
  else if (f.department !== undefined) q.where('u.department', f.department);
  if (f.processKey !== undefined) q.where('r.process_key', f.processKey);
  return q;
}

/**
 * Everything one dashboard figure counts, by the same conditions as its count (openTaskCounts,
 * liveClockCounts): the dashboard's number and the length of this list are the same.
 */
export async function dashboardItems(db: DbOrTx, scope: SupervisionScope, filter: DrillFilter, metric: DashboardMetric, now: number, weekEnd: number, statutory: readonly string[]): Promise<DrillItemRow[]> {
  const cols = [...CASE_COLUMNS, 'r.started_at'];
  const tasks = (cond: (q: Knex.QueryBuilder) => void) => {
    const q = narrowed(openTasks(db, scope), filter);
    cond(q);
    return q.select([...cols, db.raw("'task' as kind"), 't.name as item', 't.due_at']).orderBy([{ column: 't.due_at' }, { column: 't.id' }]) as Promise<DrillItemRow[]>;
  };
  const clocks = (cond: (q: Knex.QueryBuilder) => void) => {
    const q = narrowed(liveClocks(db, scope, statutory), filter);
    cond(q);
    return q.select([...cols, db.raw("'clock' as kind"), 'c.name as item', 'c.due_at']).orderBy([{ column: 'c.due_at' }, { column: 'c.id' }]) as Promise<DrillItemRow[]>;
  };
  switch (metric) {
    case 'openCases':
      return narrowed(openCases(db, scope), filter).select([...cols, db.raw("'case' as kind"), db.raw('null as item'), db.raw('null as due_at')]).orderBy('r.started_at') as Promise<DrillItemRow[]>;
    case 'openTasks':
      return tasks(() => {});
    case 'tasksDueThisWeek':
      return tasks((q) => q.where('t.due_at', '>', now).andWhere('t.due_at', '<=', weekEnd));
    case 'clocksDueThisWeek':
      return clocks((q) => q.where('c.status', 'running').andWhere('c.due_at', '>', now).andWhere('c.due_at', '<=', weekEnd));
    case 'pausedClocks':
      return clocks((q) => q.where('c.status', 'paused'));
    case 'overdue':
      return [...(await tasks((q) => q.where('t.due_at', '<=', now))), ...(await clocks((q) => q.where('c.status', 'running').andWhere('c.due_at', '<=', now)))];
  }
}

/** The cases with these ids (any status), with what a list of cases shows of each. */
export function casesByIds(db: DbOrTx, ids: string[]): Promise<Array<CaseRef & { started_at: number; status: string }>> {
  if (!ids.length) return Promise.resolve([]);
  return db('instances as r').leftJoin('users as u', 'u.username', 'r.started_by').whereIn('r.id', ids).select([...CASE_COLUMNS, 'r.started_at', 'r.status']);
}
