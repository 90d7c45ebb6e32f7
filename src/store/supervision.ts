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

export async function openCaseCounts(db: DbOrTx, scope: SupervisionScope): Promise<CaseCountRow[]> {
  const q = db('instances as r').whereRaw('r.id = r.root_id');
  const rows = await inScope(q, scope).groupBy('u.department', 'r.process_key').select('u.department as department', 'r.process_key as process_key').count({ open_cases: '*' });
  return numbers<CaseCountRow>(rows, ['open_cases']);
}

/** Open tasks per department and procedure: all, due from now to `weekEnd`, and past their limit. */
export async function openTaskCounts(db: DbOrTx, scope: SupervisionScope, now: number, weekEnd: number): Promise<TaskCountRow[]> {
  const q = db('tasks as t').join('instances as i', 'i.id', 't.instance_id').join('instances as r', 'r.id', 'i.root_id').where('t.status', 'open');
  const rows = await inScope(q, scope)
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
  const q = db('clocks as c').join('instances as r', 'r.id', 'c.case_id').whereIn('c.status', ['running', 'paused']).whereIn('c.name', statutory);
  const rows = await inScope(q, scope)
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
