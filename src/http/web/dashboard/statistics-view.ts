import { endOfShanghaiDay, parseIsoDate, shanghaiDate, startOfShanghaiDay } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import { statutoryTimeliness } from '../../../domain/clock-catalog.ts';
import { badRequest } from '../../../errors.ts';
import type { DbOrTx } from '../../../store/db.ts';
import { listDefinitions } from '../../../store/definitions.ts';
import { casesByOutcome, clockTimeliness, lateFilings, publicationTimeliness, reviewOpinions } from '../../../store/statistics.ts';
import { NO_DEPARTMENT, scopeOf } from './dashboard-view.ts';
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
export async function statisticsView(deps: { db: DbOrTx; clock: Clock }, user: WebUser, days: { from: string; to: string }) {
  const { db } = deps;
  const scope = scopeOf(user);
  const period = { from: startOfShanghaiDay(days.from).getTime(), to: endOfShanghaiDay(days.to).getTime() };
  const now = deps.clock.now().getTime();
  const [cases, timeliness, opinions, publications, late] = scope === null
    ? [[], [], { agree: 0, problems: 0, proceedByCoordination: 0, proceedByCollectiveDiscussion: 0 }, [], { cases: 0, reasons: [] }]
    : await Promise.all([casesByOutcome(db, period, scope), clockTimeliness(db, period, now, scope), reviewOpinions(db, period, scope), publicationTimeliness(db, period, scope), lateFilings(db, period, scope)]);
  const names = new Map<string, string>();
  for (const d of await listDefinitions(db)) if (!names.has(d.key)) names.set(d.key, d.name ?? d.key);
  const procedure = (key: string) => names.get(key) ?? key;

  // 法定期限执行情况: a reminder clock is no limit to keep (rules/clocks.json).
  const steps = statutoryTimeliness(timeliness).map((t) => ({ ...t, procedureName: procedure(t.procedure), clockName: t.clockLabel, stopped: t.onTime + t.late }));
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
