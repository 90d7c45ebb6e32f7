import { Router } from 'express';
import { subscribersOf } from '../../store/subscriptions.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';
import { assertCaseAccess } from '../case-access.ts';

export function messageRoutes(workflow: Workflow): Router {
  const r = Router();
  r.post('/messages', async (req, res) => {
    const actor = actorOf(req);
    const body = (req.body ?? {}) as { name?: unknown; businessKey?: unknown; instanceId?: unknown };
    // Only the cases the sender may open are told; one that is not theirs refuses the whole message.
    if (typeof body.name === 'string' && (typeof body.businessKey === 'string' || typeof body.instanceId === 'string')) {
      const target = { businessKey: typeof body.businessKey === 'string' ? body.businessKey : undefined, instanceId: typeof body.instanceId === 'string' ? body.instanceId : undefined };
      for (const sub of await subscribersOf(workflow.db, body.name, target)) await assertCaseAccess(workflow.db, actor, sub.instance_id);
    }
    res.json(await workflow.correlate(req.body ?? {}, actor));
  });
  return r;
}
