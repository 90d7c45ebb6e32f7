import type { DbOrTx } from './db.ts';
import { fromJson, toJson } from './json.ts';
import { deleteTaskDrafts } from './task-drafts.ts';
import { openTasksMatching, type CaseFilter } from './case-search.ts';

export const TaskStatus = { open: 'open', completed: 'completed', cancelled: 'cancelled' } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

export interface TaskRow {
  id: string;
  instance_id: string;
  element_id: string;
  execution_id: string;
  name: string | null;
  form_key: string | null;
  assignee: string | null;
  candidate_groups: string;
  due_at: number | null;
  due_spec: string | null;
  due_from: number | null;
  status: TaskStatus;
  created_at: number;
  ended_at: number | null;
  completed_by: string | null;
}

export interface Task {
  id: string;
  instanceId: string;
  elementId: string;
  executionId: string;
  name: string | null;
  formKey: string | null;
  assignee: string | null;
  candidateGroups: string[];
  dueAt: number | null;
  status: TaskStatus;
  createdAt: number;
  endedAt: number | null;
  completedBy: string | null;
}

export function toTask(r: TaskRow): Task {
  return {
    id: r.id,
    instanceId: r.instance_id,
    elementId: r.element_id,
    executionId: r.execution_id,
    name: r.name,
    formKey: r.form_key,
    assignee: r.assignee,
    candidateGroups: fromJson<string[]>(r.candidate_groups, []),
    dueAt: r.due_at,
    status: r.status,
    createdAt: r.created_at,
    endedAt: r.ended_at,
    completedBy: r.completed_by,
  };
}

export function openTasksOf(db: DbOrTx, instanceId: string): Promise<TaskRow[]> {
  return db<TaskRow>('tasks').where({ instance_id: instanceId, status: TaskStatus.open });
}

export function taskById(db: DbOrTx, id: string): Promise<TaskRow | undefined> {
  return db<TaskRow>('tasks').where({ id }).first();
}

export async function insertTask(db: DbOrTx, row: Omit<TaskRow, 'candidate_groups'> & { candidate_groups: string[] }): Promise<void> {
  await db('tasks').insert({ ...row, candidate_groups: toJson(row.candidate_groups) });
}

export async function closeTask(db: DbOrTx, id: string, status: TaskStatus, at: number, by: string | null): Promise<void> {
  await db('tasks').where({ id, status: TaskStatus.open }).update({ status, ended_at: at, completed_by: by });
  // What was typed and kept as a draft (暂存) ends with the task: submitted, it is in the case; otherwise it is moot.
  await deleteTaskDrafts(db, id);
}

export async function setTaskDue(db: DbOrTx, id: string, dueAt: number | null): Promise<void> {
  await db('tasks').where({ id }).update({ due_at: dueAt });
}

export async function assignTask(db: DbOrTx, id: string, assignee: string): Promise<number> {
  return db('tasks').where({ id, status: TaskStatus.open }).update({ assignee });
}

/** An open task with what a task list shows of its case, read in the same query. */
export interface TaskWithCase extends TaskRow {
  case_id: string;
  case_business_key: string | null;
  case_no: string | null;
  case_variables: string | null;
  case_department: string | null;
  /** The display name of whoever holds the task (null while it is offered to its groups). */
  holder_name: string | null;
  /** Set by the workflow when the user sees the task as deputy (代理人) of this user. */
  on_behalf_of?: string | null;
}

/**
 * Open tasks assigned to one of `usernames` (a user, and those they stand in for), or unassigned
 * and offered to one of `groups`, of the cases matching `filter`; who may really act on each is the
 * caller's rule (task-access.ts).
 */
export async function tasksForUser(db: DbOrTx, usernames: string[], groups: string[], filter: CaseFilter = {}): Promise<TaskWithCase[]> {
  const rows: TaskWithCase[] = await openTasksMatching(db, filter)
    .leftJoin('users as h', 'h.username', 't.assignee')
    .andWhere((q) => q.whereIn('t.assignee', usernames).orWhereNull('t.assignee'))
    .select('t.*', 'r.id as case_id', 'r.business_key as case_business_key', 'r.case_no as case_no', 'r.variables as case_variables', 'u.department as case_department', 'h.display_name as holder_name')
    .orderByRaw('t.due_at is null, t.due_at asc')
    .orderBy('t.created_at', 'asc');
  return rows.filter((r) => (r.assignee !== null && usernames.includes(r.assignee)) || fromJson<string[]>(r.candidate_groups, []).some((g) => groups.includes(g)));
}

export function tasksOfInstance(db: DbOrTx, instanceId: string): Promise<TaskRow[]> {
  return db<TaskRow>('tasks').where({ instance_id: instanceId }).orderBy('created_at');
}

/** Every task of a case, across the processes it called (for who may see the case). */
export function tasksOfCase(db: DbOrTx, caseId: string): Promise<TaskRow[]> {
  return db<TaskRow>('tasks').join('instances', 'instances.id', 'tasks.instance_id').where('instances.root_id', caseId).select('tasks.*');
}

/** Open tasks a user claimed from a group (not those the diagram assigns to them by name). */
export async function claimedGroupTasksOf(db: DbOrTx, username: string): Promise<TaskRow[]> {
  const rows = await db<TaskRow>('tasks').where({ assignee: username, status: TaskStatus.open }).orderBy('instance_id');
  return rows.filter((r) => fromJson<string[]>(r.candidate_groups, []).length > 0);
}

export async function releaseTask(db: DbOrTx, id: string): Promise<void> {
  await db('tasks').where({ id, status: TaskStatus.open }).update({ assignee: null });
}

/** Hands an open task to another user (a reassignment); the number of rows changed. */
export function reassignTask(db: DbOrTx, id: string, assignee: string): Promise<number> {
  return db('tasks').where({ id, status: TaskStatus.open }).update({ assignee });
}
