import { Router } from 'express';
import { parseIsoDate } from '../../calendar/index.ts';
import type { Clock } from '../../clock.ts';
import { badRequest, forbidden } from '../../errors.ts';
import { periodOfDays, statisticsFigures } from '../../workflow/statistics.ts';
import { scopeOf } from '../../workflow/supervision.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf, requireRole } from '../authenticate.ts';

/** GET /api/statistics?from=2026-01-01&to=2026-12-31: supervision figures over the cases opened in those days (Shanghai). */
export function statisticsRoutes(deps: { db: Workflow['db']; clock: Clock }): Router {
  const r = Router();
  r.get('/statistics', async (req, res) => {
    const actor = actorOf(req);
    requireRole(actor, 'admin', 'manager');
    const scope = scopeOf(actor);
    if (!scope) throw forbidden('a manager without a department supervises no cases');
    const day = (name: string) => {
      const v = req.query[name];
      try {
        parseIsoDate(v);
        return v as string;
      } catch {
        throw badRequest(`${name} must be a date such as 2026-01-31 (got "${String(v ?? '')}")`);
      }
    };
    const from = day('from');
    const to = day('to');
    if (to < from) throw badRequest('to must not be before from');
    const figures = await statisticsFigures(deps.db, periodOfDays({ from, to }), deps.clock.now().getTime(), scope);
    res.json({
      from,
      to,
      department: scope.department ?? null,
      cases: figures.cases,
      timeliness: figures.timeliness,
      reviewOpinions: figures.reviewOpinions,
      publications: figures.publications,
      lateFilings: figures.lateFilings.cases,
      lateEmergencyReports: figures.lateEmergencyReports.cases,
    });
  });
  return r;
}
