import type { DbOrTx } from './db.ts';
import { isPostgres } from './db.ts';

export const InstanceStatus = { running: 'running', completed: 'completed', cancelled: 'cancelled' } as const;
export type InstanceStatus = (typeof InstanceStatus)[keyof typeof InstanceStatus];

export interface InstanceRow {
  id: string;
  definition_id: number;
  process_key: string;
  business_key: string | null;
  status: InstanceStatus;
  state: string | null;
  variables: string;
  revision: number;
  root_id: string;
  parent_id: string | null;
  parent_execution_id: string | null;
  started_by: string | null;
  started_at: number;
  updated_at: number;
  ended_at: number | null;
  error: string | null;
  /** 立案编号: set once, when the case is filed (or accepted), by the assignCaseNumber service. */
  case_no?: string | null;
}

export async function insertInstance(db: DbOrTx, row: InstanceRow): Promise<void> {
  await db('instances').insert(row);
}

export function instanceById(db: DbOrTx, id: string): Promise<InstanceRow | undefined> {
  return db<InstanceRow>('instances').where({ id }).first();
}

/** The case an instance belongs to, without reading its state. */
export async function rootIdOf(db: DbOrTx, id: string): Promise<string | undefined> {
  const row = await db('instances').where({ id }).first('root_id');
  return row?.root_id;
}

/** The instance, its parent, and so on up to the case root: the scopes a name used in the instance is looked up in, nearest first. */
export async function lineageOf(db: DbOrTx, id: string): Promise<string[]> {
  const lineage: string[] = [];
  for (let at: string | null = id; at && !lineage.includes(at); ) {
    const row: { id: string; parent_id: string | null } | undefined = await db('instances').where({ id: at }).first('id', 'parent_id');
    if (!row) break;
    lineage.push(row.id);
    at = row.parent_id;
  }
  return lineage;
}

/** Lock only (no columns worth reading): the case mutex. */
export async function lockCase(db: DbOrTx, caseId: string): Promise<void> {
  const q = db('instances').where({ id: caseId }).first('id');
  await (isPostgres(db) ? q.forUpdate() : q);
}

/** Lock the row for the rest of the transaction (SQLite already serializes writers). */
export function lockInstance(db: DbOrTx, id: string): Promise<InstanceRow | undefined> {
  const q = db<InstanceRow>('instances').where({ id }).first();
  return isPostgres(db) ? q.forUpdate() : q;
}

/**
 * Lock the row unless another transaction holds it (PostgreSQL); false when busy or absent.
 * The scheduler uses it so that two workers pass each other by instead of queueing.
 */
export async function tryLockInstance(db: DbOrTx, id: string): Promise<boolean> {
  const q = db('instances').where({ id }).first('id');
  return (await (isPostgres(db) ? q.forUpdate().skipLocked() : q)) !== undefined;
}

/** Optimistic save: fails (returns false) if another command saved this instance first. */
export async function saveInstance(
  db: DbOrTx,
  id: string,
  expectedRevision: number,
  changes: Pick<InstanceRow, 'state' | 'variables' | 'status' | 'updated_at' | 'ended_at'>,
): Promise<boolean> {
  const n = await db('instances').where({ id, revision: expectedRevision }).update({ ...changes, revision: expectedRevision + 1 });
  return n === 1;
}

export function childOf(db: DbOrTx, parentId: string, parentExecutionId: string): Promise<InstanceRow | undefined> {
  return db<InstanceRow>('instances').where({ parent_id: parentId, parent_execution_id: parentExecutionId }).first();
}

export function childrenOf(db: DbOrTx, parentId: string): Promise<InstanceRow[]> {
  return db<InstanceRow>('instances').where({ parent_id: parentId }).orderBy('started_at');
}

export function runningOfCase(db: DbOrTx, caseId: string): Promise<InstanceRow[]> {
  return db<InstanceRow>('instances').where({ root_id: caseId, status: InstanceStatus.running }).orderBy('started_at');
}

/** End an instance that its parent no longer waits for (the call activity was interrupted). */
export async function cancelInstance(db: DbOrTx, id: string, now: number): Promise<void> {
  await db('instances').where({ id, status: InstanceStatus.running }).update({ status: InstanceStatus.cancelled, ended_at: now, updated_at: now });
  await db('tasks').where({ instance_id: id, status: 'open' }).update({ status: 'cancelled', ended_at: now });
  await db('jobs').where({ instance_id: id, status: 'pending' }).update({ status: 'cancelled', ended_at: now });
  await db('message_subscriptions').where({ instance_id: id }).delete();
}

/** Every instance of a case (the root and the processes it called), oldest first. */
export function instancesOfCase(db: DbOrTx, caseId: string): Promise<InstanceRow[]> {
  return db<InstanceRow>('instances').where({ root_id: caseId }).orderBy('started_at');
}

/** The department a case belongs to: that of whoever opened it (null when they have none). */
export async function departmentOfCase(db: DbOrTx, caseId: string): Promise<string | null> {
  const row: { department: string | null } | undefined = await db('instances').leftJoin('users', 'users.username', 'instances.started_by').where('instances.id', caseId).first('users.department');
  return row?.department ?? null;
}

/** Running instances selected by id or business key (a message that nobody waits for any more still names its case). */
export function runningByTarget(db: DbOrTx, target: { instanceId?: string; businessKey?: string }): Promise<InstanceRow[]> {
  const q = db<InstanceRow>('instances').where('status', 'running').orderBy('id');
  if (target.instanceId) q.andWhere('id', target.instanceId);
  if (target.businessKey) q.andWhere('business_key', target.businessKey);
  return q;
}

/** The cases (root instances) of a procedure with this business key (案件编号), oldest first. */
export function casesByBusinessKey(db: DbOrTx, processKey: string, businessKey: string): Promise<InstanceRow[]> {
  return db<InstanceRow>('instances').where({ process_key: processKey, business_key: businessKey }).whereNull('parent_id').orderBy('started_at');
}

/** The case's 立案编号, if it has one yet. */
export async function caseNumberOf(db: DbOrTx, caseId: string): Promise<string | null> {
  const row: { case_no: string | null } | undefined = await db('instances').where({ id: caseId }).first('case_no');
  return row?.case_no ?? null;
}

export async function setCaseNumber(db: DbOrTx, caseId: string, caseNo: string): Promise<void> {
  await db('instances').where({ id: caseId }).update({ case_no: caseNo });
}
