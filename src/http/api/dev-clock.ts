import { Router } from 'express';
import { ManualClock } from '../../clock.ts';
import { Roles } from '../../auth/accounts.ts';
import { badRequest, forbidden } from '../../errors.ts';
import type { PeriodResolver } from '../../engine/periods.ts';
import { parseInstant } from '../../engine/periods.ts';
import type { FireResult } from '../../scheduler/fire-due-timers.ts';
import { actorOf } from '../authenticate.ts';

/**
 * Only mounted with ZHIFA_CLOCK=manual (never in production): staff training and tests move
 * time, and the scheduler runs before the answer, so whatever fell due has fired.
 */
export function devClockRoutes(clock: ManualClock, periods: PeriodResolver, tick: () => Promise<FireResult>): Router {
  const r = Router();
  r.get('/dev/clock', (req, res) => {
    actorOf(req);
    res.json({ now: clock.now().toISOString() });
  });
  r.post('/dev/clock', async (req, res) => {
    // Moving it fires every due timer of the whole server, every department's cases.
    if (!actorOf(req).roles.includes(Roles.admin)) throw forbidden('只有系统管理员（admin）可以移动手动时钟：移动时钟会触发整个服务器所有到期的定时器');
    const body = (req.body ?? {}) as { set?: unknown; advance?: unknown };
    if ((body.set === undefined) === (body.advance === undefined)) throw badRequest('send exactly one of {"set": "<ISO date-time>"} or {"advance": "<ISO 8601 duration, e.g. P3D>"}');
    if (body.set !== undefined) {
      const at = typeof body.set === 'string' ? parseInstant(body.set) : undefined;
      if (!at) throw badRequest(`"set" must be an ISO 8601 date-time, got ${JSON.stringify(body.set)}`);
      clock.set(at);
    } else {
      if (typeof body.advance !== 'string') throw badRequest('"advance" must be an ISO 8601 duration such as P3D or PT2H');
      let to: Date;
      try {
        to = periods.resolve(clock.now(), body.advance).dueAt;
      } catch (err) {
        throw badRequest(`"advance" is not a duration: ${err instanceof Error ? err.message : String(err)}`);
      }
      clock.set(to);
    }
    const fired = await tick();
    res.json({ now: clock.now().toISOString(), fired: fired.fired, failed: fired.failed });
  });
  return r;
}
