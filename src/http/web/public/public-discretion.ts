import type { Request, Response } from 'express';
import { notFound } from '../../../errors.ts';
import type { PublicDeps } from './public-deps.ts';

type Page = (res: Response, name: string, ctx: Record<string, unknown>) => void;

/**
 * The discretion benchmark page (裁量基准): the version in force by default, or an older or coming
 * one by ?version= (a case keeps the version it was decided under, so older versions stay public),
 * each violation type's factors with levels, scores and weights, and the 从重/从轻/减轻/不予处罚
 * rules. The same view as GET /api/discretion (src/domain/discretion-view.ts).
 */
export function publicDiscretionPage(deps: Pick<PublicDeps, 'discretion'>, page: Page) {
  return (req: Request, res: Response) => {
    const asked = typeof req.query.version === 'string' && req.query.version ? req.query.version : undefined;
    const benchmark = deps.discretion.all(asked);
    if (!benchmark) throw notFound('没有该版本的裁量基准');
    page(res, 'public-discretion', { title: benchmark.title, benchmark });
  };
}
