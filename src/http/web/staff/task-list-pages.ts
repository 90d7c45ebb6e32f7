import { Router, type Request } from 'express';
import { caseLabel } from '../../../domain/case-label.ts';
import type { TaskWithCase } from '../../../workflow/case-reading.ts';
import { holderLabels } from '../../../workflow/task-holders.ts';
import { dueUnit, remaining } from '../shared/remaining.ts';
import { userOf } from '../shared/session.ts';
import { staffPage, type StaffDeps } from './staff-deps.ts';

/** 我的待办: the tasks a user holds and those they may claim. */
export function taskListPages(deps: StaffDeps): Router {
  const { workflow } = deps;
  const r = Router();
  const page = staffPage(deps.views);
  const me = (req: Request) => userOf(req)!;
  // The list reads each task's case in the same query: no query per row.
  const taskItem = (t: TaskWithCase, holder: string) => ({
    id: t.id,
    name: t.name ?? t.element_id,
    elementId: t.element_id,
    dueAt: t.due_at ? new Date(t.due_at).toISOString() : null,
    remaining: t.due_at ? remaining(deps.calendar, deps.clock, t.due_at, dueUnit(t.due_spec)) : null,
    caseId: t.case_id,
    caseLabel: caseLabel(t.case_business_key, t.case_variables),
    holder,
  });

  r.get('/', async (req, res) => {
    const user = me(req);
    const rows = await workflow.tasksFor(user);
    const holders = await holderLabels(workflow.db, rows);
    const items = rows.map((t, i) => ({ row: t, item: taskItem(t, holders[i]!) }));
    // Overdue first, then by due time; tasks without a limit last (the query orders by due time).
    const mine = items.filter(({ row }) => row.assignee === user.username).map(({ item }) => item);
    // Held by a colleague on leave whose deputy (代理人) this user is today.
    const deputy = items.filter(({ row }) => row.assignee && row.assignee !== user.username).map(({ item }) => item);
    const claimable = items.filter(({ row }) => !row.assignee).map(({ item }) => item);
    page(res, 'tasks', { title: '我的待办', mine, deputy, claimable });
  });

  r.post('/tasks/:id/claim', async (req, res) => {
    await workflow.claimTask(req.params.id, me(req));
    res.redirect(303, `/tasks/${req.params.id}`);
  });
  return r;
}
