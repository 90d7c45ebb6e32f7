import { conflict, forbidden, notFound } from '../errors.ts';
import type { DbOrTx } from '../store/db.ts';
import { putTaskDraft, taskDraftOf, type TaskDraft } from '../store/task-drafts.ts';
import { taskById, TaskStatus } from '../store/tasks.ts';
import { mayActOnTaskOf, type TaskUser } from './task-access.ts';
import { assertVariables } from './variables.ts';
import { DEFAULT_JSON_LIMITS, type JsonLimits } from '../domain/json-limits.ts';

/**
 * 暂存: what an officer has typed into a task form, kept on the server so that leaving the page
 * (an evidence upload, a closed tab) loses nothing. Only someone who may complete the task may
 * keep a draft of it, and only while it is open; the draft is theirs alone and never enters the
 * case's variables or its record (the task's submission does). The task page and the API both
 * save through this one function.
 */
export async function saveTaskDraft(
  db: DbOrTx,
  taskId: string,
  user: TaskUser,
  values: unknown,
  opts: { now: number; fields?: string[]; limits?: JsonLimits },
): Promise<TaskDraft> {
  const task = await taskById(db, taskId);
  if (!task) throw notFound('任务不存在');
  if (task.status !== TaskStatus.open) throw conflict(`任务「${task.name ?? task.element_id}」已${task.status === TaskStatus.completed ? '办结' : '结束'}，不能再暂存`);
  if (!(await mayActOnTaskOf(db, task, user))) throw forbidden(`任务「${task.name ?? task.element_id}」不由您办理，不能暂存`);
  const checked = assertVariables(values, opts.limits ?? DEFAULT_JSON_LIMITS);
  // Only the form's own fields: a draft is what the form would submit, nothing else.
  const kept = opts.fields ? Object.fromEntries(Object.entries(checked).filter(([k]) => opts.fields!.includes(k))) : checked;
  const draft = { taskId, username: user.username, values: kept, savedAt: opts.now };
  await putTaskDraft(db, draft);
  return draft;
}

/** The user's draft of a task still open, if they kept one. */
export async function openTaskDraft(db: DbOrTx, taskId: string, username: string): Promise<TaskDraft | undefined> {
  const task = await taskById(db, taskId);
  if (!task || task.status !== TaskStatus.open) return undefined;
  return taskDraftOf(db, taskId, username);
}
