import { Router, type Request, type Response } from 'express';
import { ZhifaError } from '../../../errors.ts';
import type { TaskRow } from '../../../workflow/case-reading.ts';
import { TaskHandover } from '../../../workflow/task-handover.ts';
import { formInput } from '../shared/form-input.ts';
import { userOf } from '../shared/session.ts';
import { previewProblems } from './publication-review.ts';
import type { StaffDeps } from './staff-deps.ts';
import { caseAddress, taskForPage } from './task-load.ts';
import { renderTask } from './task-view.ts';

/** A task's page (task-view.ts), completing it, and ending it the other ways its diagram allows. */
export function taskPages(deps: StaffDeps): Router {
  const { workflow, forms } = deps;
  const db = workflow.db;
  const r = Router();
  const me = (req: Request) => userOf(req)!;
  const handover = new TaskHandover(workflow, deps.clock);
  const render = (req: Request, res: Response, task: TaskRow, submitted?: Record<string, unknown>, error?: ZhifaError) => renderTask(deps, handover, req, res, task, { submitted, error });

  // A 422 or 400 shows the form again with what was entered; anything else is the error page's.
  const retry = (req: Request, res: Response, task: TaskRow, variables: Record<string, unknown> | undefined, err: unknown) => {
    if (err instanceof ZhifaError && (err.status === 422 || err.status === 400)) return render(req, res, task, variables, err);
    throw err;
  };

  r.get('/tasks/:id', async (req, res) => {
    const task = await taskForPage(db, me(req), req.params.id);
    if (task.status !== 'open') return res.redirect(303, await caseAddress(db, task));
    await render(req, res, task);
  });

  r.post('/tasks/:id', async (req, res) => {
    const task = await taskForPage(db, me(req), req.params.id);
    const form = forms.get(task.form_key);
    const variables = form ? formInput(form, req.body ?? {}) : {};
    // 按所填内容预览: the page again with what was entered, nothing completed.
    if (form && req.body?._preview) return render(req, res, task, variables, previewProblems(form, variables));
    try {
      await workflow.completeTask(task.id, variables, me(req));
    } catch (err) {
      return retry(req, res, task, variables, err);
    }
    res.redirect(303, await caseAddress(db, task, { completed: task.name ?? task.element_id }));
  });

  // The other ways a task may end, drawn as error boundary events on it (须先法制审核, 拟加重处罚，重新告知):
  // a button each, sent only with the confirmation ticked, since it sends the case back.
  r.post('/tasks/:id/raise', async (req, res) => {
    const task = await taskForPage(db, me(req), req.params.id);
    const body = (req.body ?? {}) as { code?: unknown; confirmed?: unknown };
    const action = (await workflow.taskErrors(db, task)).find((e) => e.code === body.code);
    if (!action) return render(req, res, task, undefined, new ZhifaError('unprocessable', '本环节没有这一处理方式'));
    if (body.confirmed !== 'true') return render(req, res, task, undefined, new ZhifaError('unprocessable', `请勾选确认后再选择「${action.name}」：案件将退回相应环节`));
    try {
      await workflow.completeTask(task.id, {}, me(req), { code: action.code });
    } catch (err) {
      return retry(req, res, task, undefined, err);
    }
    res.redirect(303, await caseAddress(db, task, { completed: action.name }));
  });
  return r;
}
