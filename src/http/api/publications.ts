import { Router } from 'express';
import { actorOf } from '../authenticate.ts';
import { assertCaseAccess } from '../case-access.ts';
import type { Clock } from '../../clock.ts';
import { publicView, readPublicSearch, searchPublicPublications } from '../../domain/publication/public-search.ts';
import { badRequest } from '../../errors.ts';
import type { Db } from '../../store/db.ts';
import { publicationRowsOfCase, toPublication } from '../../store/publications.ts';

const DEFAULT_LIMIT = 50;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * GET /api/public/publications?party=&category=&from=&to= — the public platform, no token:
 * items within their publication period; withdrawn ones as withdrawal notices only.
 * category: penalty | permit | other (or 行政处罚 | 行政许可 | 其他); from/to: decision dates, inclusive;
 * page (1–1000) and limit (1–500, default 50).
 */
export function publicPublicationRoutes(db: Db, clock: Clock): Router {
  const r = Router();
  r.get('/public/publications', async (req, res) => {
    // The same reading, checks and view as the public page (src/domain/publication/public-search.ts).
    const { search, errors } = readPublicSearch(req.query);
    if (errors.length) throw badRequest(`查询条件有误：${errors.join('；')}`, { errors });
    const { items } = await searchPublicPublications(db, clock.now().getTime(), search, DEFAULT_LIMIT);
    res.json({ items: items.map(publicView) });
  });
  return r;
}

/** GET /api/instances/:id/publications — everything the case published, withdrew or saw expire (staff). */
export function publicationRoutes(db: Db, clock: Clock): Router {
  const r = Router();
  r.get('/instances/:id/publications', async (req, res) => {
    const row = await assertCaseAccess(db, actorOf(req), req.params.id);
    const now = clock.now().getTime();
    const rows = await publicationRowsOfCase(db, row.root_id);
    res.json(rows.map((r) => {
      const p = toPublication(r, now);
      return { ...p, decisionDate: iso(p.decisionDate), publishedAt: iso(p.publishedAt), publishUntil: iso(p.publishUntil), withdrawnAt: iso(p.withdrawnAt) };
    }));
  });
  return r;
}
