import { Router } from 'express';
import { instanceView } from '../../workflow/instance-view.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';

export function instanceRoutes(workflow: Workflow): Router {
  const r = Router();
  r.post('/instances', async (req, res) => {
    const { id } = await workflow.start(req.body ?? {}, actorOf(req));
    res.status(201).json({ id });
  });
  r.get('/instances/:id', async (req, res) => {
    res.json(await instanceView(workflow.db, req.params.id));
  });
  return r;
}
