import { Router } from 'express';
import { badRequest } from '../../errors.ts';
import { toTask } from '../../store/tasks.ts';
import { parseCaseQuery } from '../../domain/case-query.ts';
import { procedureNames, scopeFilter } from '../../workflow/case-list.ts';
import { taskJson } from '../../workflow/instance-view.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';

export function taskRoutes(workflow: Workflow): Router {
  const r = Router();
  // The tasks the user may act on, narrowed by their case (procedure, status, party, 立案编号, dates);
  // a page of them (limit/offset or page/pageSize), the number in all in X-Total-Count.
  r.get('/tasks', async (req, res) => {
    const actor = actorOf(req);
    const query = parseCaseQuery(req.query as Record<string, unknown>, new Set((await procedureNames(workflow.db)).keys()), { scope: 'all', limit: 200 });
    const rows = await workflow.tasksFor(actor, { ...query.filter, ...scopeFilter(actor, query) });
    res.set('X-Total-Count', String(rows.length));
    res.json(rows.slice(query.offset, query.offset + query.limit).map((row) => ({ ...taskJson(toTask(row)), caseId: row.case_id, caseNo: row.case_no, holderName: row.holder_name, onBehalfOf: row.on_behalf_of ?? null })));
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
