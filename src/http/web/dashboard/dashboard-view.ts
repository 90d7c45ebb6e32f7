import type { WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import { endOfWeek, workingDaysLeft } from '../../../domain/supervision-week.ts';
import { procedureNames } from '../../../workflow/case-list.ts';
import { scopeOf, supervisionFigures, supervisionLists, type Figures } from '../../../workflow/supervision.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import type { WebUser } from '../shared/session.ts';
import { dashboardLists } from './dashboard-lists.ts';
import { NO_DEPARTMENT } from './dashboard-names.ts';
import { barChartSvg } from './svg-charts.ts';

const LIST_LIMIT = 200;

interface Deps {
  db: Workflow['db'];
  calendar: WorkCalendar;
  clock: Clock;
  supervisionForms: readonly string[];
}

const SERIES = [
  { name: '未办结案件', color: '#3b6ea5' },
  { name: '本周到期', color: '#d69e2e' },
  { name: '已逾期', color: '#c53030' },
  { name: '已暂停', color: '#805ad5' },
];
const values = (f: Figures) => [f.openCases, f.tasksDueThisWeek + f.clocksDueThisWeek, f.overdue, f.pausedClocks];

/** 监督看板: the figures of the supervisor's scope by department and by procedure, with charts, and the lists of what is overdue or escalated. */
export async function dashboardView(deps: Deps, user: WebUser) {
  const { db, calendar, clock } = deps;
  const now = clock.now();
  const week = endOfWeek(now);
  const scope = scopeOf(user);
  const names = await procedureNames(db);
  const figures = await supervisionFigures(db, scope, now);
  // Each figure links to the cases behind it (/dashboard/cases, case-drill.ts), narrowed as its row is.
  const departments = [...figures.byDepartment].map(([d, f]) => [d ?? NO_DEPARTMENT, f] as const)
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([name, f]) => ({ name, query: new URLSearchParams({ department: name }).toString(), ...f }));
  const processes = [...figures.byProcess].sort(([a], [b]) => a.localeCompare(b)).map(([key, f]) => ({ key, name: names.get(key) ?? key, query: new URLSearchParams({ process: key }).toString(), ...f }));
  const lists = await supervisionLists(db, user, scope, now.getTime(), LIST_LIMIT, deps.supervisionForms);
  return {
    scopeLabel: scope === null ? NO_DEPARTMENT : (scope.department ?? '全部部门'),
    noDepartment: scope === null,
    week: { lastDay: week.lastDay, end: week.end.toISOString(), workingDaysLeft: workingDaysLeft(calendar, now, week.lastDay) },
    total: figures.total,
    departments,
    processes,
    charts: [
      barChartSvg({ title: '按部门', series: SERIES, groups: departments.map((d) => ({ label: d.name, values: values(d) })) }),
      barChartSvg({ title: '按执法程序', series: SERIES, groups: processes.map((p) => ({ label: p.name, values: values(p) })) }),
    ],
    ...dashboardLists(deps, lists, names),
  };
}
