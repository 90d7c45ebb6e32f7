import { Router, type Request } from 'express';
import { parseCaseQuery, SCOPE_LABELS, STATUS_LABELS } from '../../../domain/case-query.ts';
import { knownDepartments, listCases, procedureNames } from '../../../workflow/case-list.ts';
import { userOf } from '../shared/session.ts';
import { staffPage, type StaffDeps } from './staff-deps.ts';

const PAGE_SIZE = 20;
const FILTERS = ['scope', 'department', 'procedure', 'status', 'party', 'caseNo', 'from', 'to'] as const;

/** 案件: 我的案件 and 本部门案件, filtered and paged; the same query as GET /api/instances (src/workflow/case-list.ts). */
export function caseListPages(deps: StaffDeps): Router {
  const db = deps.workflow.db;
  const r = Router();
  const page = staffPage(deps.views);

  r.get('/cases', async (req: Request, res) => {
    const user = userOf(req)!;
    const raw = { ...(req.query as Record<string, unknown>), pageSize: String(PAGE_SIZE) };
    const names = await procedureNames(db);
    const query = parseCaseQuery(raw, new Set(names.keys()), { scope: 'mine', limit: PAGE_SIZE });
    const result = await listCases(db, user, query);
    const admin = user.roles.includes('admin');
    // Each link keeps the other filters: a tab or a page changes only itself.
    const kept = Object.fromEntries(FILTERS.flatMap((k) => (typeof req.query[k] === 'string' && req.query[k] ? [[k, req.query[k] as string]] : [])));
    const link = (more: Record<string, string | number>) => `/cases?${new URLSearchParams({ ...kept, ...Object.fromEntries(Object.entries(more).map(([k, v]) => [k, String(v)])) })}`;
    const current = Math.floor(query.offset / PAGE_SIZE) + 1;
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    page(res, 'cases', {
      title: '案件',
      tabs: (['mine', 'department'] as const).map((s) => ({ label: SCOPE_LABELS[s], href: `/cases?scope=${s}`, current: query.scope === s })),
      scope: query.scope,
      values: kept,
      departments: admin && query.scope === 'department' ? (await knownDepartments(db)).map((d) => ({ name: d, selected: d === (query.department ?? user.department) })) : null,
      procedures: [...names].map(([key, name]) => ({ key, name, selected: key === query.filter.procedure })),
      statuses: Object.entries(STATUS_LABELS).map(([key, label]) => ({ key, label, selected: key === query.filter.status })),
      total: result.total,
      items: result.items.map((c) => ({ ...c, statusLabel: STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? c.status })),
      pager: { current, pages, prev: current > 1 ? link({ page: current - 1 }) : null, next: current < pages ? link({ page: current + 1 }) : null },
    });
  });
  return r;
}
