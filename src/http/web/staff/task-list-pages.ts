import { Router, type Request } from 'express';
import type { TaskWithCase } from '../../../store/tasks.ts';
import { dueUnit, remaining } from '../shared/remaining.ts';
import { userOf } from '../shared/session.ts';
import { caseLabelOf } from './case-label.ts';
import { staffPage, type StaffDeps } from './staff-deps.ts';

/** 我的待办: the tasks a user holds and those they may claim. */
export function taskListPages(deps: StaffDeps): Router {
  const { workflow } = deps;
  const r = Router();
  const page = staffPage(deps.views);
  const me = (req: Request) => userOf(req)!;
  // The list reads each task's case in the same query: no query per row.
  const taskItem = (t: TaskWithCase) => ({
    id: t.id,
    name: t.name ?? t.element_id,
    elementId: t.element_id,
    dueAt: t.due_at ? new Date(t.due_at).toISOString() : null,
    remaining: t.due_at ? remaining(deps.calendar, deps.clock, t.due_at, dueUnit(t.due_spec)) : null,
    caseId: t.case_id,
    caseLabel: caseLabelOf(t.case_id, t.case_business_key, t.case_variables),
  });

  r.get('/', async (req, res) => {
    const user = me(req);
    const rows = await workflow.tasksFor(user);
    // Overdue first, then by due time; tasks without a limit last (the query orders by due time).
    const mine = rows.filter((t) => t.assignee === user.username).map(taskItem);
    const claimable = rows.filter((t) => !t.assignee).map(taskItem);
    page(res, 'tasks', { title: '我的待办', mine, claimable });
  });

  r.post('/tasks/:id/claim', async (req, res) => {
    await workflow.claimTask(req.params.id, me(req));
    res.redirect(303, `/tasks/${req.params.id}`);
  });
  return r;
}
