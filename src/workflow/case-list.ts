import { shanghaiDate } from '../calendar/index.ts';
import type { CaseQuery } from '../domain/case-query.ts';
import { forbidden } from '../errors.ts';
import { openTasksOfCases, searchCases, type CaseFilter, type CaseReader } from '../store/case-search.ts';
import type { DbOrTx } from '../store/db.ts';
import { listDefinitions } from '../store/definitions.ts';
import { fromJson } from '../store/json.ts';
import { agencyWideGroups, listGroups, usersByName } from '../store/users.ts';

/** Who asks (a session's or a token's user). */
export interface ListUser {
  username: string;
  roles: string[];
  groups: string[];
  department?: string | null;
}

export async function caseReaderOf(db: DbOrTx, user: ListUser): Promise<CaseReader> {
  return { username: user.username, admin: user.roles.includes('admin'), department: user.department ?? null, groups: user.groups, agencyWide: await agencyWideGroups(db) };
}

/** Each procedure's name, from its latest deployed version: key → 行政处罚（一般程序）. */
export async function procedureNames(db: DbOrTx): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const d of await listDefinitions(db)) if (!names.has(d.key)) names.set(d.key, d.name ?? d.key);
  return names;
}

/**
 * The scope of a list as conditions: 我的案件 (started by the user or holding one of its steps);
 * 本部门案件, one's own department — an administrator chooses any, as on the supervision
 * dashboard (src/workflow/supervision.ts scopeOf); others asking for another department are refused.
 */
export function scopeFilter(user: ListUser, query: Pick<CaseQuery, 'scope' | 'department'>): Pick<CaseFilter, 'mine' | 'department'> {
  if (query.scope === 'mine') return { mine: user.username };
  if (query.scope === 'department') {
    const own = user.department ?? undefined;
    const asked = query.department ?? own;
    if (!asked) throw forbidden('您没有所属部门：请查看「我的案件」，或请管理员设置您的部门');
    if (asked !== own && !user.roles.includes('admin')) throw forbidden(`您只能查看本部门（${own ?? '无'}）的案件`);
    return { department: asked };
  }
  return query.department ? (scopeFilter(user, { scope: 'department', department: query.department })) : {};
}

export interface CaseStep {
  name: string;
  /** Who holds it, in words: a display name, or 待认领 with the groups it is offered to. */
  holder: string;
  dueAt: string | null;
  /** The last day to act ("2026-03-16"), or the day and time for a limit that ends within a day. */
  lastDay: string | null;
}

export interface CaseListItem {
  id: string;
  caseNo: string | null;
  businessKey: string | null;
  party: string;
  processKey: string;
  processName: string;
  status: string;
  department: string | null;
  startedAt: string;
  startedBy: string | null;
  steps: CaseStep[];
  nextDue: CaseStep | null;
}

/** The last day a limit allows: a limit ending at midnight is that day's end, shown as the day itself. */
export function lastDayOf(dueAt: number): string {
  const d = new Date(dueAt);
  const endOfDay = (dueAt + 8 * 3_600_000) % 86_400_000 === 0;
  if (endOfDay) return shanghaiDate(new Date(dueAt - 1));
  return `${shanghaiDate(d)} ${new Date(dueAt + 8 * 3_600_000).toISOString().slice(11, 16)}`;
}

/** One page of the cases a user may open, with each one's current steps, holders and next deadline. */
export async function listCases(db: DbOrTx, user: ListUser, query: CaseQuery): Promise<{ total: number; limit: number; offset: number; items: CaseListItem[] }> {
  const filter: CaseFilter = { ...query.filter, ...scopeFilter(user, query) };
  const { total, rows } = await searchCases(db, await caseReaderOf(db, user), filter, query);
  const tasks = await openTasksOfCases(db, rows.map((r) => r.id));
  const people = new Map((await usersByName(db, [...new Set(tasks.flatMap((t) => (t.assignee ? [t.assignee] : [])))])).map((u) => [u.username, u.display_name ?? u.username]));
  const groupNames = new Map((await listGroups(db)).map((g) => [g.id, g.name]));
  const names = await procedureNames(db);
  const stepOf = (t: (typeof tasks)[number]): CaseStep => ({
    name: t.name ?? t.element_id,
    holder: t.assignee ? (people.get(t.assignee) ?? t.assignee) : `待认领（${fromJson<string[]>(t.candidate_groups, []).map((g) => groupNames.get(g) ?? g).join('、') || '未指定'}）`,
    dueAt: t.due_at ? new Date(t.due_at).toISOString() : null,
    lastDay: t.due_at ? lastDayOf(t.due_at) : null,
  });
  const items = rows.map((r): CaseListItem => {
    const v = fromJson<Record<string, unknown>>(r.variables, {});
    const steps = tasks.filter((t) => t.case_id === r.id).map(stepOf);
    return {
      id: r.id,
      caseNo: r.case_no,
      businessKey: r.business_key,
      party: String(v.party ?? v.applicant ?? ''),
      processKey: r.process_key,
      processName: names.get(r.process_key) ?? r.process_key,
      status: r.status,
      department: r.department,
      startedAt: new Date(r.started_at).toISOString(),
      startedBy: r.started_by,
      steps,
      nextDue: steps.find((s) => s.dueAt) ?? null,
    };
  });
  return { total, limit: query.limit, offset: query.offset, items };
}

export { knownDepartments } from '../store/case-search.ts';
