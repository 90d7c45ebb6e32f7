import type { ZhifaError } from '../../../errors.ts';
import type { TaskRow } from '../../../workflow/case-reading.ts';
import type { TaskHandover } from '../../../workflow/task-handover.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import { holderLabels } from '../../../workflow/task-holders.ts';
import type { WebUser } from '../shared/session.ts';

/**
 * The task page's box of who holds the task, and what this user may do about it: release it
 * (its holder, while it is offered to a group) or reassign it (a head or manager).
 */
export async function taskHandoverView(db: Workflow['db'], handover: TaskHandover, user: WebUser, task: TaskRow, acting: { onBehalfOf: string | null } | null, error?: ZhifaError) {
  const canReassign = await handover.mayReassignTask(user, task);
  return {
    holder: (await holderLabels(db, [task]))[0],
    onBehalfOf: acting?.onBehalfOf ? (await holderLabels(db, [{ assignee: acting.onBehalfOf, candidate_groups: '[]' }]))[0] : null,
    canRelease: task.status === 'open' && !!task.assignee && !!acting && task.candidate_groups !== '[]',
    canReassign,
    candidates: canReassign ? (await handover.candidates(task)).filter((c) => c.username !== task.assignee) : [],
    error: error?.detail,
  };
}
