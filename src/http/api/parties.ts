import { Router } from 'express';
import { parseCaseQuery } from '../../domain/case-query.ts';
import { badRequest } from '../../errors.ts';
import { listCases, procedureNames } from '../../workflow/case-list.ts';
import { partyJson, type PartyRegister } from '../../workflow/party-register.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';

/** The party register: register a party once (numbers checked), find it by name or number, and the cases it is in that the reader may open. */
export function partyRoutes(parties: PartyRegister, workflow: Workflow): Router {
  const r = Router();
  r.post('/parties', async (req, res) => {
    const party = await parties.register(req.body ?? {}, actorOf(req).username);
    res.status(201).json(partyJson(party));
  });
  r.get('/parties', async (req, res) => {
    actorOf(req);
    const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
    if (!q) throw badRequest('请给出查询条件 q：当事人名称（或其中几个字）、统一社会信用代码或居民身份证号码');
    if (q.length > 200) throw badRequest('查询条件 q 不得超过200个字');
    res.json((await parties.search(q)).map(partyJson));
  });
  r.get('/parties/:id', async (req, res) => {
    const party = await parties.get(Number(req.params.id));
    const query = parseCaseQuery(req.query as Record<string, unknown>, new Set((await procedureNames(workflow.db)).keys()), { scope: 'all', limit: 50 });
    const cases = await listCases(workflow.db, actorOf(req), { ...query, filter: { ...query.filter, partyId: party.id } });
    res.json({ ...partyJson(party), cases });
  });
  return r;
}
