import { caseLabel } from '../domain/case-label.ts';
import type { DbOrTx } from '../store/db.ts';
import { definitionById } from '../store/definitions.ts';
import { documentById, documentsOfCase, type DocumentRow } from '../store/documents.ts';
import { instanceById, type InstanceRow } from '../store/instances.ts';
import { fromJson } from '../store/json.ts';
import { taskById, type TaskRow, type TaskWithCase } from '../store/tasks.ts';

/** The rows these readers hand out, named here so that the pages need not reach into the store for a type. */
export type { InstanceRow, TaskRow, TaskWithCase };

/**
 * Reading one case for the pages and the JSON API alike: a task, the case an instance belongs to,
 * its values, its documents and its diagram. Only reading; every change goes through Workflow.
 */
export function taskOf(db: DbOrTx, id: string): Promise<TaskRow | undefined> {
  return taskById(db, id);
}

/** The case an instance belongs to (a called process belongs to the case that called it), with its label. */
export async function caseOfInstance(db: DbOrTx, instanceId: string): Promise<{ caseId: string; caseLabel: string }> {
  const inst = await instanceById(db, instanceId);
  const root = inst && inst.root_id !== inst.id ? await instanceById(db, inst.root_id) : inst;
  return { caseId: root?.id ?? instanceId, caseLabel: root ? caseLabel(root.business_key, root.variables) : '（案件不存在）' };
}

/** The values an instance holds and the case it belongs to; undefined when there is no such instance. */
export async function instanceValues(db: DbOrTx, instanceId: string): Promise<{ caseId: string; variables: Record<string, unknown> } | undefined> {
  const inst = await instanceById(db, instanceId);
  return inst && { caseId: inst.root_id, variables: fromJson<Record<string, unknown>>(inst.variables, {}) };
}

/** The documents a case produced, oldest first, without their text. */
export function caseDocuments(db: DbOrTx, caseId: string): Promise<Array<Omit<DocumentRow, 'html'>>> {
  return documentsOfCase(db, caseId);
}

/** One document with its text; undefined for an id that is not a whole number or names nothing. */
export async function documentOf(db: DbOrTx, id: number): Promise<DocumentRow | undefined> {
  return Number.isInteger(id) ? documentById(db, id) : undefined;
}

/** The BPMN XML of the version an instance runs. */
export async function diagramOf(db: DbOrTx, instance: Pick<InstanceRow, 'definition_id'>): Promise<string | undefined> {
  return (await definitionById(db, instance.definition_id))?.xml;
}
