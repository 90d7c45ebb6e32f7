import { Router } from 'express';
import { ZhifaError } from '../../../errors.ts';
import type { TaskRow } from '../../../workflow/case-reading.ts';
import { saveTaskDraft } from '../../../workflow/task-drafts.ts';
import { formInput } from '../shared/form-input.ts';
import { userOf, type WebUser } from '../shared/session.ts';
import type { StaffDeps } from './staff-deps.ts';
import { taskForPage } from './task-load.ts';

/**
 * 暂存 of a task form: the page's script posts the form as typed a moment after each change
 * (answered in JSON), and the 「暂存」 button posts it as a plain form (answered by the task page
 * again, the draft restored), so nothing typed is lost when the officer leaves the page.
 */
export function draftPages(deps: Pick<StaffDeps, 'workflow' | 'forms' | 'clock'>): Router {
  const db = deps.workflow.db;
  const r = Router();

  r.post('/tasks/:id/draft', async (req, res) => {
    const user = userOf(req)!;
    const wantsJson = (req.get('accept') ?? '').includes('application/json');
    const task = await taskForPage(db, user, req.params.id);
    try {
      const draft = await keepTaskForm(deps, task, user, req.body ?? {});
      if (wantsJson) return res.json({ savedAt: new Date(draft.savedAt).toISOString() });
      res.redirect(303, `/tasks/${task.id}?draft=saved`);
    } catch (err) {
      if (wantsJson && err instanceof ZhifaError) return res.status(err.status).json({ error: err.detail });
      throw err;
    }
  });
  return r;
}

/** The task form as posted (a plain form, or the fields sent with an evidence upload) kept as the user's draft. */
export function keepTaskForm(deps: Pick<StaffDeps, 'workflow' | 'forms' | 'clock'>, task: TaskRow, user: WebUser, body: Record<string, unknown>) {
  const form = task.form_key ? deps.forms.get(task.form_key) : undefined;
  const values = form ? formInput(form, body) : {};
  return saveTaskDraft(deps.workflow.db, task.id, user, values, { now: deps.clock.now().getTime(), fields: Object.keys(form?.schema.properties ?? {}) });
}
