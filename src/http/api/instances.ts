import { Router } from 'express';
import { badRequest } from '../../errors.ts';
import { instanceView } from '../../workflow/instance-view.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';

const CLOCK_ACTIONS = ['start', 'pause', 'resume', 'extend', 'stop'] as const;

export function instanceRoutes(workflow: Workflow): Router {
  const r = Router();
  r.post('/instances', async (req, res) => {
    const { id } = await workflow.start(req.body ?? {}, actorOf(req));
    res.status(201).json({ id });
  });
  r.get('/instances/:id', async (req, res) => {
    res.json(await instanceView(workflow.db, workflow.caseClocks, req.params.id));
  });
  r.post('/instances/:id/clocks/:name/:action', async (req, res) => {
    const action = req.params.action;
    if (!CLOCK_ACTIONS.includes(action as (typeof CLOCK_ACTIONS)[number])) {
      throw badRequest(`clock action must be one of ${CLOCK_ACTIONS.join(', ')} (got "${action}")`);
    }
    const body = (req.body ?? {}) as { period?: unknown; reason?: unknown };
    if (body.period !== undefined && typeof body.period !== 'string') throw badRequest('period must be a string such as P30CD');
    if (body.reason !== undefined && typeof body.reason !== 'string') throw badRequest('reason must be a string');
    const derived = await workflow.changeClock(req.params.id, req.params.name, { kind: action as (typeof CLOCK_ACTIONS)[number], period: body.period, reason: body.reason }, actorOf(req));
    res.json({ name: req.params.name, status: derived.status, dueAt: derived.dueAt?.toISOString() ?? null, due: derived.due, provisional: derived.provisional });
  });
  return r;
}
