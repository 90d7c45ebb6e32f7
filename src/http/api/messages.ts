import { Router } from 'express';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';

export function messageRoutes(workflow: Workflow): Router {
  const r = Router();
  r.post('/messages', async (req, res) => {
    const result = await workflow.correlate(req.body ?? {}, actorOf(req));
    res.json(result);
  });
  return r;
}
