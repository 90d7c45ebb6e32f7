import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { publicItem, publicView, readPublicSearch, searchPublicPublications } from '../../../domain/publication/public-search.ts';
import { notFound } from '../../../errors.ts';
import type { PublicDeps } from './public-deps.ts';
import { publicListsPage } from './public-lists.ts';
import { publicDiscretionPage } from './public-discretion.ts';
import { publicViolationsPage } from './public-violations.ts';
import { KIND_LABELS, listItem, orderedFields, searchQuery } from './public-view.ts';

export type { PublicDeps } from './public-deps.ts';
export { KIND_LABELS } from './public-view.ts';

/** The agency's own lists (rules/*.json), beside the code like the other admin-edited data. */
export const RULES_DIR = path.resolve(import.meta.dirname, '../../../../rules');

const PAGE_SIZE = 20;

/** The public platform (公示平台): published decisions, the five lists, the violation library and the discretion benchmark, no sign-in. */
export function publicPages(deps: PublicDeps): Router {
  const { clock, views } = deps;
  const db = deps.workflow.db;
  const lists = publicListsPage(deps, deps.rulesDir ?? RULES_DIR);
  const r = Router();
  const page = (res: Response, name: string, ctx: Record<string, unknown>, status = 200) => res.status(status).type('html').send(views.render(name, { ...res.locals, ...ctx }));

  /** The same reading, checks and view as the API (src/domain/publication/public-search.ts). */
  const search = async (req: Request, res: Response) => {
    const { search, errors } = readPublicSearch(req.query);
    if (errors.length) return page(res, 'public', { title: '行政执法公示', search: { ...search, page: 1 }, kinds: KIND_LABELS, errors, items: [] }, 400);
    const { items, more } = await searchPublicPublications(db, clock.now().getTime(), search, PAGE_SIZE);
    page(res, 'public', {
      title: '行政执法公示',
      search,
      kinds: KIND_LABELS,
      items: items.map((p) => listItem(publicView(p))),
      pageNo: search.page,
      previous: search.page > 1 ? searchQuery(search, search.page - 1) : null,
      next: more ? searchQuery(search, search.page + 1) : null,
    });
  };

  const publication = async (req: Request, res: Response) => {
    const id = /^\d{1,12}$/.test(String(req.params.id)) ? Number(req.params.id) : NaN;
    const p = Number.isSafeInteger(id) ? await publicItem(db, clock.now().getTime(), id) : undefined;
    if (!p) throw notFound('该公示信息不存在或已过公示期限');
    const view = publicView(p);
    const item = listItem(view);
    page(res, 'public-publication', { title: item.withdrawn ? `撤回公示 ${p.decisionNo}` : `${item.kindLabel}决定公示 ${p.decisionNo}`, item, fields: orderedFields(view), corrections: view.corrections });
  };

  r.get('/public', search);
  r.get('/public/publications/:id', publication);
  r.get('/public/lists', (_req, res) => lists(res, page));
  r.get('/public/violations', publicViolationsPage(deps, page));
  r.get('/public/discretion', publicDiscretionPage(deps, page));
  return r;
}
