import { Router } from 'express';
import type { PublishedViolations } from '../../domain/violation-view.ts';
import { notFound } from '../../errors.ts';

/**
 * GET /api/violations — the violation library as published on /public/violations (no token): its
 * version and effective date, each violation type with its provisions (the articles' texts), the
 * penalty kinds and ranges, and the hearing and legal-review consequences under the rules in force.
 * GET /api/violations/:code — one violation type, with the library's version.
 */
export function violationRoutes(violations: PublishedViolations): Router {
  const r = Router();
  r.get('/violations', async (_req, res) => {
    res.json(await violations.all());
  });
  r.get('/violations/:code', async (req, res) => {
    const entry = await violations.one(String(req.params.code));
    if (!entry) throw notFound('违法行为库中没有该违法行为');
    res.json(entry);
  });
  return r;
}
