import { clockCatalog } from '../domain/clock-catalog.ts';
import { endOfWeek } from '../domain/supervision-week.ts';
import type { DbOrTx } from '../store/db.ts';
import {
  casesByIds, dashboardItems, DASHBOARD_METRICS, liveClockCounts, openCaseCounts, openTaskCounts, openTasksWithForms, overdueClocks, overdueTasks,
  type DashboardMetric, type DrillFilter, type DrillItemRow, type SupervisedClockRow, type SupervisedTaskRow, type SupervisionScope,
} from '../store/supervision.ts';
import { fromJson } from '../store/json.ts';
import { agencyWideGroups } from '../store/users.ts';
import { mayActOnTask, type TaskUser } from './task-access.ts';
import { holderLabels } from './task-holders.ts';

export { DASHBOARD_METRICS };
export type { DashboardMetric, DrillFilter, DrillItemRow, SupervisedClockRow, SupervisedTaskRow, SupervisionScope };

/** A supervisor: whose figures they see follows from their roles and department. */
export type Supervisor = TaskUser & { roles: string[] };

/**
 * Whose figures a supervisor sees: an administrator every department, a manager their own; a
 * manager without a department nothing (null). The dashboard, the statistics and GET /api/statistics all ask here.
 */
export function scopeOf(user: { roles: string[]; department?: string | null }): SupervisionScope | null {
  if (user.roles.includes('admin')) return {};
  return user.department ? { department: user.department } : null;
}

/** The dashboard's figures for one department, one procedure or all. */
export interface Figures {
  openCases: number;
  openTasks: number;
  tasksDueThisWeek: number;
  clocksDueThisWeek: number;
  overdue: number;
  pausedClocks: number;
}

const zero = (): Figures => ({ openCases: 0, openTasks: 0, tasksDueThisWeek: 0, clocksDueThisWeek: 0, overdue: 0, pausedClocks: 0 });

/** The figures in all, by the department of whoever opened each case (null: none) and by procedure; nothing for a null scope. */
export async function supervisionFigures(db: DbOrTx, scope: SupervisionScope | null, now: Date) {
  const t = now.getTime();
  const weekEnd = endOfWeek(now).end.getTime();
  const [cases, tasks, clocks] = scope === null ? [[], [], []] : await Promise.all([
    openCaseCounts(db, scope),
    openTaskCounts(db, scope, t, weekEnd),
    liveClockCounts(db, scope, t, weekEnd, clockCatalog().statutoryNames()),
  ]);
  const byDepartment = new Map<string | null, Figures>();
  const byProcess = new Map<string, Figures>();
  const total = zero();
  const add = (department: string | null, processKey: string, f: Partial<Figures>) => {
    for (const [map, key] of [[byDepartment, department], [byProcess, processKey]] as Array<[Map<string | null, Figures>, string | null]>) {
      const row = map.get(key) ?? zero();
      for (const [k, v] of Object.entries(f) as Array<[keyof Figures, number]>) row[k] += v;
      map.set(key, row);
    }
    for (const [k, v] of Object.entries(f) as Array<[keyof Figures, number]>) total[k] += v;
  };
  for (const r of cases) add(r.department, r.process_key, { openCases: r.open_cases });
  for (const r of tasks) add(r.department, r.process_key, { openTasks: r.open_tasks, tasksDueThisWeek: r.due_this_week, overdue: r.overdue });
  for (const r of clocks) add(r.department, r.process_key, { clocksDueThisWeek: r.due_this_week, overdue: r.overdue, pausedClocks: r.paused });
  return { total, byDepartment, byProcess };
}

/**
 * What needs a supervisor's eye: the overdue tasks and statutory clocks (at most `limit` of each)
 * and the open supervision steps (reminders, escalations: tasks of `supervisionForms`) this user
 * may act on; with who holds each task, by name.
 */
export async function supervisionLists(db: DbOrTx, user: Supervisor, scope: SupervisionScope | null, now: number, limit: number, supervisionForms: readonly string[]) {
  const [lateTasks, lateClocks, supervision] = scope === null ? [[], [], []] : await Promise.all([
    overdueTasks(db, scope, now, limit),
    overdueClocks(db, scope, now, limit, clockCatalog().statutoryNames()),
    supervisionForms.length ? openTasksWithForms(db, scope, supervisionForms) : Promise.resolve([]),
  ]);
  const admin = user.roles.includes('admin');
  const agencyWide = await agencyWideGroups(db);
  const escalations = supervision.filter((r) => admin || mayActOnTask(r, r.department, user, agencyWide));
  const tasksShown = [...lateTasks, ...escalations];
  const labels = await holderLabels(db, tasksShown);
  const holders = new Map(tasksShown.map((r, i) => [r.id, labels[i]!]));
  return { lateTasks, lateClocks, escalations, holders, truncated: lateTasks.length === limit || lateClocks.length === limit };
}

/** Everything one dashboard figure counts, by the same conditions as its count: the figure and the list are one number. */
export async function metricItems(db: DbOrTx, scope: SupervisionScope | null, filter: DrillFilter, metric: DashboardMetric, now: Date): Promise<DrillItemRow[]> {
  if (scope === null) return [];
  return dashboardItems(db, scope, filter, metric, now.getTime(), endOfWeek(now).end.getTime(), clockCatalog().statutoryNames());
}

/** The cases with these ids (any status), with what a list of cases shows of each, their values read. */
export async function supervisedCases(db: DbOrTx, ids: string[]) {
  return (await casesByIds(db, ids)).map((r) => ({ ...r, values: fromJson<Record<string, unknown>>(r.variables, {}) }));
}
