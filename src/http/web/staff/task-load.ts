import { notFound } from '../../../errors.ts';
import { caseOfInstance, taskOf, type TaskRow } from '../../../workflow/case-reading.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import { assertCaseAccess } from '../../case-access.ts';
import type { WebUser } from '../shared/session.ts';

/**
 * The task a page is about, refused as its case is (src/http/case-access.ts): the task page, its
 * draft, its handover and its other endings all load it so.
 */
export async function taskForPage(db: Workflow['db'], user: WebUser, id: string): Promise<TaskRow> {
  const task = await taskOf(db, id);
  if (!task) throw notFound('任务不存在');
  await assertCaseAccess(db, user, task.instance_id);
  return task;
}

/** Back to the case the task belongs to, never to the called process's own instance (its section of the case page). */
export async function caseAddress(db: Workflow['db'], task: TaskRow, query?: Record<string, string>): Promise<string> {
  const { caseId } = await caseOfInstance(db, task.instance_id);
  return `/cases/${caseId}${query ? `?${new URLSearchParams(query)}` : ''}${caseId !== task.instance_id ? `#proc-${task.instance_id}` : ''}`;
}
