import { parseIsoDate, shanghaiDate } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import { badRequest } from '../../../errors.ts';
import { procedureNames } from '../../../workflow/case-list.ts';
import { periodOfDays, statisticsFigures } from '../../../workflow/statistics.ts';
import { scopeOf } from '../../../workflow/supervision.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import { NO_DEPARTMENT } from './dashboard-names.ts';
import { KIND_LABELS } from '../public/public-pages.ts';
import type { WebUser } from '../shared/session.ts';
import { barChartSvg } from './svg-charts.ts';

/** The period asked for, whole days in Shanghai; without one, this year up to today. A bad date is a 400 that says which. */
export function periodOf(query: Record<string, unknown>, now: Date): { from: string; to: string } {
  const today = shanghaiDate(now);
  const day = (name: 'from' | 'to', label: string, fallback: string) => {
    const v = query[name];
    if (v === undefined || v === '') return fallback;
    try {
      parseIsoDate(v);
      return v as string;
    } catch {
      throw badRequest(`${label}「${String(v)}」不是有效日期，请按 2026-01-31 的格式填写`);
    }
  };
  const from = day('from', '起始日期', `${today.slice(0, 4)}-01-01`);
  const to = day('to', '截止日期', today);
  if (to < from) throw badRequest(`截止日期 ${to} 早于起始日期 ${from}，请重新选择`);
  return { from, to };
}

/** Figures for supervision and the annual report over the cases opened in the period: a manager's own department, an administrator's all. */
export async function statisticsView(deps: { db: Workflow['db']; clock: Clock }, user: WebUser, days: { from: string; to: string }) {
  const { db } = deps;
  const scope = scopeOf(user);
  const { cases, timeliness, reviewOpinions: opinions, publications, lateFilings: late } = scope === null
    ? { cases: [], timeliness: [], reviewOpinions: { agree: 0, problems: 0, proceedByCoordination: 0, proceedByCollectiveDiscussion: 0 }, publications: [], lateFilings: { cases: 0, reasons: [] } }
    : await statisticsFigures(db, periodOfDays(days), deps.clock.now().getTime(), scope);
  const names = await procedureNames(db);
  const procedure = (key: string) => names.get(key) ?? key;

  // 法定期限执行情况: the statutory limits only (statisticsFigures).
  const steps = timeliness.map((t) => ({ ...t, procedureName: procedure(t.procedure), clockName: t.clockLabel, stopped: t.onTime + t.late }));
  return {
    from: days.from,
    to: days.to,
    period: new URLSearchParams(days).toString(),
    scopeLabel: scope === null ? NO_DEPARTMENT : (scope.department ?? '全部部门'),
    noDepartment: scope === null,
    totalCases: cases.reduce((n, c) => n + c.cases, 0),
    cases: cases.map((c) => ({ ...c, procedureName: procedure(c.procedure), query: new URLSearchParams({ table: 'outcome', procedure: c.procedure, outcome: c.outcome, ...days }).toString() })),
    timeliness: steps,
    reviewOpinions: { ...opinions, total: opinions.agree + opinions.problems },
    lateFilings: late,
    publications: publications.map((p) => ({ ...p, kindLabel: KIND_LABELS[p.kind as keyof typeof KIND_LABELS] ?? p.kind })),
    chart: barChartSvg({
      title: '法定期限执行情况',
      series: [
        { name: '按期', color: '#2f855a' },
        { name: '超期', color: '#c53030' },
        { name: '未结已逾期', color: '#d69e2e' },
      ],
      groups: steps.map((s) => ({ label: `${s.clockName}·${s.procedureName}`, values: [s.onTime, s.late, s.openOverdue] })),
    }),
  };
}
