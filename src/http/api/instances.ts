import { Router } from 'express';
import { badRequest, notFound } from '../../errors.ts';
import { parseCaseQuery } from '../../domain/case-query.ts';
import { listCases, procedureNames } from '../../workflow/case-list.ts';
import { caseDocuments, documentOf } from '../../workflow/case-reading.ts';
import { instanceView } from '../../workflow/instance-view.ts';
import type { StartInput, Workflow } from '../../workflow/workflow.ts';
import { actorOf, requireRole } from '../authenticate.ts';
import { assertCaseAccess } from '../case-access.ts';

const CLOCK_ACTIONS = ['start', 'pause', 'resume', 'extend', 'stop'] as const;

export function instanceRoutes(workflow: Workflow): Router {
  const r = Router();
  r.post('/instances', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.partyId !== undefined && typeof body.partyId !== 'number') throw badRequest('partyId 应为已登记当事人的编号（正整数）');
    const { id } = await workflow.start(body as unknown as StartInput, actorOf(req));
    res.status(201).json({ id });
  });
  // The case list: filters, paging and a total; only cases the reader may open (the access rule is part of the query).
  r.get('/instances', async (req, res) => {
    const query = parseCaseQuery(req.query as Record<string, unknown>, new Set((await procedureNames(workflow.db)).keys()), { scope: 'all', limit: 50 });
    res.json(await listCases(workflow.db, actorOf(req), query));
  });
  r.get('/instances/:id', async (req, res) => {
    await assertCaseAccess(workflow.db, actorOf(req), req.params.id);
    res.json(await instanceView(workflow.db, workflow.caseClocks, req.params.id));
  });
  r.get('/instances/:id/documents', async (req, res) => {
    const row = await assertCaseAccess(workflow.db, actorOf(req), req.params.id);
    const docs = await caseDocuments(workflow.db, row.root_id);
    res.json(docs.map((d) => ({ id: d.id, kind: d.kind, number: d.number, title: d.title, instanceId: d.instance_id, createdAt: new Date(d.created_at).toISOString(), createdBy: d.created_by })));
  });
  r.get('/documents/:id', async (req, res) => {
    const doc = await documentOf(workflow.db, Number(req.params.id));
    if (!doc) throw notFound(`document ${req.params.id} does not exist`);
    await assertCaseAccess(workflow.db, actorOf(req), doc.case_id);
    res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head><body>${doc.html}</body></html>`);
  });
  r.post('/instances/:id/clocks/:name/:action', async (req, res) => {
    // Staff extend or pause a limit through the diagram's approval tasks, which count the
    // extensions the law allows; changing a clock directly is an administrator's correction.
    requireRole(actorOf(req), 'admin');
    const action = req.params.action;
    if (!CLOCK_ACTIONS.includes(action as (typeof CLOCK_ACTIONS)[number])) {
      throw badRequest(`clock action must be one of ${CLOCK_ACTIONS.join(', ')} (got "${action}")`);
    }
    const body = (req.body ?? {}) as { period?: unknown; reason?: unknown };
    if (body.period !== undefined && typeof body.period !== 'string') throw badRequest('period must be a string such as P30CD');
    if (body.reason !== undefined && typeof body.reason !== 'string') throw badRequest('reason must be a string');
    const derived = await workflow.changeClock(req.params.id, req.params.name, { kind: action as (typeof CLOCK_ACTIONS)[number], period: body.period, reason: body.reason }, actorOf(req));
    res.json({ name: req.params.name, instanceId: derived.instanceId, status: derived.status, dueAt: derived.dueAt?.toISOString() ?? null, due: derived.due, provisional: derived.provisional });
  });
  return r;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
