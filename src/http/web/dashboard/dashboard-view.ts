import { caseLabel } from '../../../domain/case-label.ts';
import { endOfShanghaiDay, shanghaiDate, type WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import type { DbOrTx } from '../../../store/db.ts';
import { listDefinitions } from '../../../store/definitions.ts';
import { clockCatalog } from '../../../domain/clock-catalog.ts';
import { fromJson } from '../../../store/json.ts';
import { agencyWideGroups } from '../../../store/users.ts';
import { mayActOnTask } from '../../../workflow/task-access.ts';
import { holderLabels } from '../../../workflow/task-holders.ts';
import {
  liveClockCounts, openCaseCounts, openTaskCounts, openTasksWithForms, overdueClocks, overdueTasks,
  type SupervisedClockRow, type SupervisedTaskRow,
} from '../../../store/supervision.ts';
import { scopeOf } from '../../supervision-scope.ts';
import { dueUnit, remaining } from '../shared/remaining.ts';
import type { WebUser } from '../shared/session.ts';
import { barChartSvg } from './svg-charts.ts';

export const NO_DEPARTMENT = '（未设部门）';
/** The forms of supervision steps (reminders before a limit, escalations after it). */
export const SUPERVISION_FORM = /-(reminder|escalation|overdue)$/;
const LIST_LIMIT = 200;

export interface Figures {
  openCases: number;
  openTasks: number;
  tasksDueThisWeek: number;
  clocksDueThisWeek: number;
  overdue: number;
  pausedClocks: number;
}

const zero = (): Figures => ({ openCases: 0, openTasks: 0, tasksDueThisWeek: 0, clocksDueThisWeek: 0, overdue: 0, pausedClocks: 0 });

/** "This week" runs to 24:00 Shanghai on the Sunday of the current (Monday-first) week. */
export function endOfWeek(now: Date): { lastDay: string; end: Date } {
  const today = shanghaiDate(now);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const lastDay = new Date(Date.parse(`${today}T00:00:00Z`) + ((7 - weekday) % 7) * 86_400_000).toISOString().slice(0, 10);
  return { lastDay, end: endOfShanghaiDay(lastDay) };
}

/** Working days left this week, today included: adjusted working weekends count, holidays do not. */
export function workingDaysLeft(calendar: WorkCalendar, now: Date, lastDay: string): number {
  let n = 0;
  for (let d = shanghaiDate(now); d <= lastDay; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
    if (calendar.day(d).workday) n++;
  }
  return n;
}

export { scopeOf };

interface Deps {
  db: DbOrTx;
  calendar: WorkCalendar;
  clock: Clock;
  supervisionForms: readonly string[];
}

export async function dashboardView(deps: Deps, user: WebUser) {
  const { db, calendar, clock } = deps;
  const now = clock.now();
  const week = endOfWeek(now);
  const scope = scopeOf(user) ?? { department: undefined };
  const nothing = scopeOf(user) === null;
  const t = now.getTime();
  const names = await processNames(db);
  const [cases, tasks, clocks] = nothing ? [[], [], []] : await Promise.all([
    openCaseCounts(db, scope),
    openTaskCounts(db, scope, t, week.end.getTime()),
    liveClockCounts(db, scope, t, week.end.getTime(), clockCatalog().statutoryNames()),
  ]);

  const byDepartment = new Map<string, Figures>();
  const byProcess = new Map<string, Figures>();
  const total = zero();
  const add = (department: string | null, processKey: string, f: Partial<Figures>) => {
    const dept = department ?? NO_DEPARTMENT;
    for (const [map, key] of [[byDepartment, dept], [byProcess, processKey]] as const) {
      const row = map.get(key) ?? zero();
      for (const [k, v] of Object.entries(f) as Array<[keyof Figures, number]>) row[k] += v;
      map.set(key, row);
    }
    for (const [k, v] of Object.entries(f) as Array<[keyof Figures, number]>) total[k] += v;
  };
  for (const r of cases) add(r.department, r.process_key, { openCases: r.open_cases });
  for (const r of tasks) add(r.department, r.process_key, { openTasks: r.open_tasks, tasksDueThisWeek: r.due_this_week, overdue: r.overdue });
  for (const r of clocks) add(r.department, r.process_key, { clocksDueThisWeek: r.due_this_week, overdue: r.overdue, pausedClocks: r.paused });

  // Each figure links to the cases behind it (/dashboard/cases, case-drill.ts), narrowed as its row is.
  const departments = [...byDepartment].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([name, f]) => ({ name, query: new URLSearchParams({ department: name }).toString(), ...f }));
  const processes = [...byProcess].sort(([a], [b]) => a.localeCompare(b)).map(([key, f]) => ({ key, name: names.get(key) ?? key, query: new URLSearchParams({ process: key }).toString(), ...f }));

  const caseOf = (r: SupervisedTaskRow | SupervisedClockRow) => {
    const v = fromJson<Record<string, unknown>>(r.variables, {});
    return { caseId: r.case_id, caseLabel: caseLabel(r.business_key, v), department: r.department ?? NO_DEPARTMENT, processName: names.get(r.process_key) ?? r.process_key };
  };
  const [lateTasks, lateClocks, supervision] = nothing ? [[], [], []] : await Promise.all([
    overdueTasks(db, scope, t, LIST_LIMIT),
    overdueClocks(db, scope, t, LIST_LIMIT, clockCatalog().statutoryNames()),
    deps.supervisionForms.length ? openTasksWithForms(db, scope, deps.supervisionForms) : Promise.resolve([]),
  ]);
  // Who holds each task, by name (or the groups it waits in), never a username.
  const holders = new Map<string, string>();
  const tasksShown = [...lateTasks, ...supervision];
  (await holderLabels(db, tasksShown)).forEach((h, i) => holders.set(tasksShown[i]!.id, h));
  const taskItem = (r: SupervisedTaskRow) => ({
    kind: '任务', id: r.id, name: r.name ?? r.element_id, dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
    remaining: r.due_at === null ? null : remaining(calendar, clock, r.due_at, dueUnit(r.due_spec)), offeredTo: holders.get(r.id) ?? '', ...caseOf(r),
  });
  const overdue = [
    ...lateTasks.map(taskItem),
    ...lateClocks.map((r) => ({ kind: '法定期限', id: null, name: clockCatalog().label(r.name), dueAt: new Date(r.due_at).toISOString(), remaining: remaining(calendar, clock, r.due_at, clockCatalog().days(r.name)), offeredTo: '', ...caseOf(r) })),
  ].sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
  const admin = user.roles.includes('admin');
  const agencyWide = await agencyWideGroups(db);
  const mine = (r: SupervisedTaskRow) => admin || mayActOnTask(r, r.department, user, agencyWide);

  const series = [
    { name: '未办结案件', color: '#3b6ea5' },
    { name: '本周到期', color: '#d69e2e' },
    { name: '已逾期', color: '#c53030' },
    { name: '已暂停', color: '#805ad5' },
  ];
  const values = (f: Figures) => [f.openCases, f.tasksDueThisWeek + f.clocksDueThisWeek, f.overdue, f.pausedClocks];
  return {
    scopeLabel: nothing ? NO_DEPARTMENT : (scope.department ?? '全部部门'),
    noDepartment: nothing,
    week: { lastDay: week.lastDay, end: week.end.toISOString(), workingDaysLeft: workingDaysLeft(calendar, now, week.lastDay) },
    total,
    departments,
    processes,
    charts: [
      barChartSvg({ title: '按部门', series, groups: departments.map((d) => ({ label: d.name, values: values(d) })) }),
      barChartSvg({ title: '按执法程序', series, groups: processes.map((p) => ({ label: p.name, values: values(p) })) }),
    ],
    overdue,
    overdueTruncated: lateTasks.length === LIST_LIMIT || lateClocks.length === LIST_LIMIT,
    escalations: supervision.filter(mine).map(taskItem),
  };
}

/** The name of each procedure as its newest deployed version calls it. */
async function processNames(db: DbOrTx): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const d of await listDefinitions(db)) if (!names.has(d.key)) names.set(d.key, d.name ?? d.key);
  return names;
}
