import { Router } from 'express';
import type { Clock } from '../../clock.ts';
import { toTask } from '../../store/tasks.ts';
import { taskJson } from '../../workflow/instance-view.ts';
import { TaskHandover } from '../../workflow/task-handover.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';

/**
 * Handing tasks over (src/workflow/task-handover.ts, the same service the pages use):
 * POST /api/tasks/:id/release {reason?}; POST /api/tasks/:id/reassign {to, reason};
 * GET / PUT {deputy, from, to, reason?} / DELETE /api/users/me/deputy.
 */
export function handoverRoutes(workflow: Workflow, clock: Clock): Router {
  const r = Router();
  const handover = new TaskHandover(workflow, clock);
  const body = (b: unknown) => (b && typeof b === 'object' ? (b as Record<string, unknown>) : {});
  r.post('/tasks/:id/release', async (req, res) => {
    res.json(taskJson(toTask(await handover.release(req.params.id, actorOf(req), body(req.body).reason))));
  });
  r.post('/tasks/:id/reassign', async (req, res) => {
    res.json(taskJson(toTask(await handover.reassign(req.params.id, actorOf(req), body(req.body)))));
  });
  r.get('/users/me/deputy', async (req, res) => {
    res.json(await handover.deputyView(actorOf(req).username));
  });
  r.put('/users/me/deputy', async (req, res) => {
    res.json(await handover.setDeputy(actorOf(req), body(req.body)));
  });
  r.delete('/users/me/deputy', async (req, res) => {
    res.json(await handover.clearDeputy(actorOf(req)));
  });
  return r;
}
