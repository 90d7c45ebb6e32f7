import { Router, type Request, type Response } from 'express';
import { ZhifaError } from '../../../errors.ts';
import { taskOf, type TaskRow } from '../../../workflow/case-reading.ts';
import { TaskHandover } from '../../../workflow/task-handover.ts';
import { userOf, type WebUser } from '../shared/session.ts';
import type { StaffDeps } from './staff-deps.ts';
import { taskForPage } from './task-load.ts';
import { renderTask } from './task-view.ts';

/**
 * Handing a task over from its page (src/workflow/task-handover.ts, as POST /api/tasks/:id/release
 * and /reassign): its holder releases it to its group, a head or manager reassigns it.
 */
export function taskHandoverPages(deps: StaffDeps): Router {
  const db = deps.workflow.db;
  const r = Router();
  const handover = new TaskHandover(deps.workflow, deps.clock);

  // A refusal (not the holder, a person who may not act) shows the task again with why; nothing changed.
  const handOver = (act: (task: TaskRow, user: WebUser, body: Record<string, unknown>) => Promise<unknown>, done: (task: TaskRow) => string) => async (req: Request, res: Response) => {
    const user = userOf(req)!;
    const task = await taskForPage(db, user, String(req.params.id));
    try {
      await act(task, user, (req.body ?? {}) as Record<string, unknown>);
    } catch (err) {
      if (err instanceof ZhifaError && err.status < 500) return renderTask(deps, handover, req, res, (await taskOf(db, task.id))!, { handoverError: err });
      throw err;
    }
    res.redirect(303, done(task));
  };
  r.post('/tasks/:id/release', handOver((task, user, body) => handover.release(task.id, user, body.reason), () => '/?released=1'));
  r.post('/tasks/:id/reassign', handOver((task, user, body) => handover.reassign(task.id, user, body), (task) => `/tasks/${task.id}?reassigned=1`));
  return r;
}
