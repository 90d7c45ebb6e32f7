import { Router } from 'express';
import { badRequest } from '../../errors.ts';
import { toTask } from '../../store/tasks.ts';
import { taskJson } from '../../workflow/instance-view.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';

export function taskRoutes(workflow: Workflow): Router {
  const r = Router();
  r.get('/tasks', async (req, res) => {
    const actor = actorOf(req);
    const rows = await workflow.tasksFor(actor);
    // Who holds each task, by name, and whom the user stands in for when it is theirs as a deputy.
    res.json(rows.map((row) => ({ ...taskJson(toTask(row)), holderName: row.holder_name, onBehalfOf: row.on_behalf_of ?? null })));
  });
  r.post('/tasks/:id/claim', async (req, res) => {
    const task = await workflow.claimTask(req.params.id, actorOf(req));
    res.json(taskJson(toTask(task)));
  });
  r.post('/tasks/:id/complete', async (req, res) => {
    const body = (req.body ?? {}) as { variables?: unknown; error?: { code?: unknown; message?: unknown } };
    let bpmnError: { code: string; message?: string } | undefined;
    if (body.error !== undefined) {
      if (!body.error || typeof body.error.code !== 'string' || !body.error.code) throw badRequest('error.code must name the BPMN error (errorCode) to raise');
      bpmnError = { code: body.error.code, message: typeof body.error.message === 'string' ? body.error.message : undefined };
    }
    await workflow.completeTask(req.params.id, body.variables, actorOf(req), bpmnError);
    res.status(204).end();
  });
  return r;
}
