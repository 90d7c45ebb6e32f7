import type { DbOrTx } from './db.ts';
import { fromJson, toJson } from './json.ts';

/** A task form as typed and not yet submitted (暂存): never part of the case until submitted. */
export interface TaskDraft {
  taskId: string;
  username: string;
  values: Record<string, unknown>;
  savedAt: number;
}

interface DraftRow {
  task_id: string;
  username: string;
  values: string;
  saved_at: number | string;
}

/** Saves (or replaces) one person's draft of one task. */
export async function putTaskDraft(db: DbOrTx, draft: TaskDraft): Promise<void> {
  const row = { task_id: draft.taskId, username: draft.username, values: toJson(draft.values), saved_at: draft.savedAt };
  await db('task_drafts').insert(row).onConflict(['task_id', 'username']).merge(['values', 'saved_at']);
}

export async function taskDraftOf(db: DbOrTx, taskId: string, username: string): Promise<TaskDraft | undefined> {
  const row = await db<DraftRow>('task_drafts').where({ task_id: taskId, username }).first();
  return row && { taskId: row.task_id, username: row.username, values: fromJson<Record<string, unknown>>(row.values, {}), savedAt: Number(row.saved_at) };
}

/** Every draft of a task, whoever typed it: the task has closed, what was submitted is in the case. */
export async function deleteTaskDrafts(db: DbOrTx, taskId: string): Promise<void> {
  await db('task_drafts').where({ task_id: taskId }).delete();
}
