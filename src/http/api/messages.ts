import { Router } from 'express';
import { runningByTarget } from '../../store/instances.ts';
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
      const subs = await subscribersOf(workflow.db, body.name, target);
      // A late message is recorded on its case: only on a case the sender may open.
      const cases = subs.length ? subs.map((s) => s.instance_id) : (await runningByTarget(workflow.db, target)).map((i) => i.id);
      for (const id of cases) await assertCaseAccess(workflow.db, actor, id);
    }
    const result = await workflow.correlate(req.body ?? {}, actor);
    if (result.late?.length) {
      res.json({ ...result, detail: `案件已不再等待该事项（期限已届满），已记录为「${result.late[0]!.recordedAs}」，案件不因此中止或变更` });
      return;
    }
    res.json(result);
  });
  return r;
}
