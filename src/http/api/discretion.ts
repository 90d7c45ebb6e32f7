import { Router } from 'express';
import type { PublishedDiscretion } from '../../domain/discretion-view.ts';
import { notFound } from '../../errors.ts';

/**
 * GET /api/discretion — the discretion benchmark as published on /public/discretion (no token): the
 * version in force (or ?version=), every version with its effective date, the rule for which version
 * a case follows, each violation type's table and the 从重/从轻/减轻/不予处罚 rules.
 * GET /api/discretion/:code — one violation type's table, with the version's rules.
 */
export function discretionRoutes(discretion: Pick<PublishedDiscretion, 'all' | 'one'>): Router {
  const r = Router();
  const version = (q: unknown) => (typeof q === 'string' && q ? q : undefined);
  r.get('/discretion', (req, res) => {
    const all = discretion.all(version(req.query.version));
    if (!all) throw notFound('没有该版本的裁量基准');
    res.json(all);
  });
  r.get('/discretion/:code', (req, res) => {
    const one = discretion.one(String(req.params.code), version(req.query.version));
    if (!one) throw notFound('裁量基准中没有该违法行为的裁量表');
    res.json(one);
  });
  return r;
}
