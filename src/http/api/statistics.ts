import { Router } from 'express';
import { endOfShanghaiDay, parseIsoDate, startOfShanghaiDay } from '../../calendar/index.ts';
import type { Clock } from '../../clock.ts';
import { badRequest, forbidden } from '../../errors.ts';
import type { Db } from '../../store/db.ts';
import { statutoryTimeliness } from '../../domain/clock-catalog.ts';
import { casesByOutcome, clockTimeliness, lateEmergencyReports, lateFilings, publicationTimeliness, reviewOpinions } from '../../store/statistics.ts';
import { actorOf, requireRole } from '../authenticate.ts';
import { scopeOf } from '../supervision-scope.ts';

/** GET /api/statistics?from=2026-01-01&to=2026-12-31: supervision figures over the cases opened in those days (Shanghai). */
export function statisticsRoutes(deps: { db: Db; clock: Clock }): Router {
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
    const period = { from: startOfShanghaiDay(from).getTime(), to: endOfShanghaiDay(to).getTime() };
    res.json({
      from,
      to,
      department: scope.department ?? null,
      cases: await casesByOutcome(deps.db, period, scope),
      timeliness: statutoryTimeliness(await clockTimeliness(deps.db, period, deps.clock.now().getTime(), scope)),
      reviewOpinions: await reviewOpinions(deps.db, period, scope),
      publications: await publicationTimeliness(deps.db, period, scope),
      lateFilings: (await lateFilings(deps.db, period, scope)).cases,
      lateEmergencyReports: (await lateEmergencyReports(deps.db, period, scope)).cases,
    });
  });
  return r;
}
