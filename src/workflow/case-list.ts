import type { CaseQuery } from '../domain/case-query.ts';
import { clockCatalog } from '../domain/clock-catalog.ts';
import { dueDay } from '../domain/last-day.ts';
import { forbidden } from '../errors.ts';
import { openTasksOfCases, searchCases, type CaseFilter, type CaseReader } from '../store/case-search.ts';
import { runningClocksOfCases, type ClockRow } from '../store/clocks.ts';
import type { DbOrTx } from '../store/db.ts';
import { listDefinitions } from '../store/definitions.ts';
import { fromJson } from '../store/json.ts';
import { agencyWideGroups } from '../store/users.ts';
import { holderLabels } from './task-holders.ts';

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
  nextDue: NextDeadline | null;
}

/** The nearest limit of a case, named: the step's name or the clock's label. */
export interface NextDeadline {
  name: string;
  dueAt: string;
  lastDay: string | null;
}

/** One page of the cases a user may open, with each one's current steps, holders and next deadline. */
export async function listCases(db: DbOrTx, user: ListUser, query: CaseQuery): Promise<{ total: number; limit: number; offset: number; items: CaseListItem[] }> {
  const filter: CaseFilter = { ...query.filter, ...scopeFilter(user, query) };
  const { total, rows } = await searchCases(db, await caseReaderOf(db, user), filter, query);
  const tasks = await openTasksOfCases(db, rows.map((r) => r.id));
  const holders = await holderLabels(db, tasks);
  const names = await procedureNames(db);
  const stepOf = (t: (typeof tasks)[number], i: number): CaseStep => ({
    name: t.name ?? t.element_id,
    holder: holders[i]!,
    dueAt: t.due_at ? new Date(t.due_at).toISOString() : null,
    lastDay: dueDay(t.due_at),
  });
  const steps = tasks.map(stepOf);
  const clocks = (await runningClocksOfCases(db, rows.map((r) => r.id))).filter((c) => clockCatalog().statutory(c.name));
  const items = rows.map((r): CaseListItem => {
    const v = fromJson<Record<string, unknown>>(r.variables, {});
    const own = steps.filter((_, i) => tasks[i]!.case_id === r.id);
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
      steps: own,
      nextDue: nextDeadline(own, clocks.filter((c) => c.case_id === r.id)),
    };
  });
  return { total, limit: query.limit, offset: query.offset, items };
}

/** The nearest of a case's limits: a step's own limit or a running statutory clock (办案期限 while it is investigated). */
function nextDeadline(steps: CaseStep[], clocks: ClockRow[]): NextDeadline | null {
  const all: NextDeadline[] = [
    ...steps.filter((s) => s.dueAt).map((s) => ({ name: s.name, dueAt: s.dueAt!, lastDay: s.lastDay })),
    ...clocks.map((c) => ({ name: clockCatalog().label(c.name), dueAt: new Date(c.due_at!).toISOString(), lastDay: dueDay(c.due_at) })),
  ];
  return all.sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] ?? null;
}

export { knownDepartments } from '../store/case-search.ts';
