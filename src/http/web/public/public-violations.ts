import type { Request, Response } from 'express';
import type { PublicDeps } from './public-deps.ts';

type Page = (res: Response, name: string, ctx: Record<string, unknown>) => void;

/**
 * The violation library page (违法行为库): each violation type with the provisions violated and the
 * penalty provisions quoted, the penalty kinds and ranges, and whether a hearing right and a legal
 * review follow, with the library's version and effective date. The same view as GET /api/violations
 * (src/domain/violation-view.ts); the library itself was checked when the server started.
 */
export function publicViolationsPage(deps: Pick<PublicDeps, 'violations' | 'discretion'>, page: Page) {
  return async (_req: Request, res: Response) => {
    const library = await deps.violations.all();
    // Each violation type with a discretion table links to it.
    const discretionCodes = deps.discretion.all()?.tables.map((t) => t.code) ?? [];
    page(res, 'public-violations', { title: library.title, library, discretionCodes });
  };
}
