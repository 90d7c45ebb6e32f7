import { Router } from 'express';
import { parseCaseQuery, STATUS_LABELS } from '../../../domain/case-query.ts';
import { listCases, procedureNames } from '../../../workflow/case-list.ts';
import { partyJson } from '../../../workflow/party-register.ts';
import { userOf } from '../shared/session.ts';
import { staffPage, type StaffDeps } from './staff-deps.ts';

/** A registered party and the cases it is in (those the reader may open). */
export function partyPages(deps: StaffDeps): Router {
  const db = deps.workflow.db;
  const r = Router();
  const page = staffPage(deps.views);

  r.get('/parties/:id', async (req, res) => {
    const party = partyJson(await deps.parties.get(Number(req.params.id)));
    const query = parseCaseQuery(req.query as Record<string, unknown>, new Set((await procedureNames(db)).keys()), { scope: 'all', limit: 50 });
    const cases = await listCases(db, userOf(req)!, { ...query, filter: { ...query.filter, partyId: party.id } });
    const items = cases.items.map((c) => ({ ...c, statusLabel: STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? c.status }));
    page(res, 'party', { title: party.name, party, total: cases.total, items });
  });
  return r;
}
