import { endOfShanghaiDay, shanghaiDate, startOfShanghaiDay } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import { clockCatalog } from '../../../domain/clock-catalog.ts';
import { badRequest } from '../../../errors.ts';
import type { DbOrTx } from '../../../store/db.ts';
import { listDefinitions } from '../../../store/definitions.ts';
import { fromJson } from '../../../store/json.ts';
import { caseOutcomeItems, clockTimelinessItems, lateFilingItems, publicationItems, reviewOpinionItems, type ReviewColumn, type TimelinessColumn } from '../../../store/statistics.ts';
import { casesByIds, dashboardItems, DASHBOARD_METRICS, type DashboardMetric, type DrillFilter } from '../../../store/supervision.ts';
import { scopeOf } from '../../supervision-scope.ts';
import { KIND_LABELS } from '../public/public-pages.ts';
import type { WebUser } from '../shared/session.ts';
import { endOfWeek, NO_DEPARTMENT } from './dashboard-view.ts';
import type { ExportSheet } from './export.ts';
import { periodOf } from './statistics-view.ts';

export const METRIC_LABELS: Record<DashboardMetric, string> = {
  openCases: '未办结案件', openTasks: '待办任务', tasksDueThisWeek: '本周到期任务', clocksDueThisWeek: '本周到期法定期限', overdue: '已逾期', pausedClocks: '暂停计时的法定期限',
};
const TIMELINESS_LABELS: Record<TimelinessColumn, string> = { onTime: '按期完成', late: '超期完成', open: '尚未结束', openOverdue: '尚未结束且已逾期' };
const REVIEW_LABELS: Record<ReviewColumn, string> = { agree: '法制审核同意', problems: '法制审核提出问题', proceedByCoordination: '经协调决定', proceedByCollectiveDiscussion: '经集体讨论决定' };

/** One thing a figure counts, under its case. */
interface Counted {
  caseId: string;
  /** What was counted in the case (a task, a clock and its limit), empty when the case itself is counted. */
  detail: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const day = (ms: number | null) => (ms === null ? '' : shanghaiDate(new Date(ms)));

/**
 * The cases behind one figure of the dashboard or the statistics page, read through the same query
 * function that counted it (store/supervision.ts dashboardItems, store/statistics.ts …Items): the
 * figure and the number of things listed here are one number. The query string says which figure.
 */
export async function caseDrill(deps: { db: DbOrTx; clock: Clock }, user: WebUser, query: Record<string, unknown>) {
  const { db } = deps;
  const names = new Map<string, string>();
  for (const d of await listDefinitions(db)) if (!names.has(d.key)) names.set(d.key, d.name ?? d.key);
  const procedure = (key: string) => names.get(key) ?? key;
  const scope = scopeOf(user);
  const labels: string[] = [];
  let counted: Counted[] = [];
  if (text(query.metric) !== undefined) {
    const metric = text(query.metric) as DashboardMetric;
    if (!DASHBOARD_METRICS.includes(metric)) throw badRequest('不认识要查看的统计项');
    const filter: DrillFilter = {};
    const dept = text(query.department);
    if (dept) filter.department = dept === NO_DEPARTMENT ? null : dept;
    if (text(query.process)) filter.processKey = text(query.process);
    labels.push(METRIC_LABELS[metric], ...(dept ? [dept] : []), ...(filter.processKey ? [procedure(filter.processKey)] : []));
    const now = deps.clock.now();
    const items = scope === null ? [] : await dashboardItems(db, scope, filter, metric, now.getTime(), endOfWeek(now).end.getTime(), clockCatalog().statutoryNames());
    counted = items.map((i) => ({
      caseId: i.case_id,
      detail: i.kind === 'case' ? '' : `${i.kind === 'clock' ? clockCatalog().label(i.item ?? '') : (i.item ?? '')}${i.due_at === null ? '' : `（${day(Number(i.due_at))} 届满）`}`,
    }));
  } else {
    const days = periodOf(query, deps.clock.now());
    const period = { from: startOfShanghaiDay(days.from).getTime(), to: endOfShanghaiDay(days.to).getTime() };
    labels.push(`${days.from} 至 ${days.to} 立案`);
    const s = scope ?? { department: '\u0000' };
    const q = { procedure: text(query.procedure), outcome: text(query.outcome), clock: text(query.clock), column: text(query.column), kind: text(query.kind) };
    switch (query.table) {
      case 'outcome':
        labels.push(...(q.procedure ? [procedure(q.procedure)] : []), q.outcome ?? '全部结果');
        counted = (await caseOutcomeItems(db, period, s)).filter((i) => (!q.procedure || i.procedure === q.procedure) && (!q.outcome || i.outcome === q.outcome)).map((i) => ({ caseId: i.case_id, detail: i.outcome }));
        break;
      case 'timeliness': {
        const column = (q.column ?? 'open') as TimelinessColumn;
        if (!(column in TIMELINESS_LABELS)) throw badRequest('不认识要查看的统计项');
        labels.push(...(q.procedure ? [procedure(q.procedure)] : []), clockCatalog().label(q.clock ?? ''), TIMELINESS_LABELS[column]);
        counted = (await clockTimelinessItems(db, period, deps.clock.now().getTime(), s))
          .filter((i) => i.procedure === (q.procedure ?? i.procedure) && i.clock === q.clock && i.columns.includes(column))
          .map((i) => ({ caseId: i.case_id, detail: clockCatalog().label(i.clock) }));
        break;
      }
      case 'review': {
        const column = q.column as ReviewColumn;
        if (!(column in REVIEW_LABELS)) throw badRequest('不认识要查看的统计项');
        labels.push(REVIEW_LABELS[column]);
        counted = (await reviewOpinionItems(db, period, s)).filter((i) => i.column === column).map((i) => ({ caseId: i.case_id, detail: REVIEW_LABELS[column] }));
        break;
      }
      case 'lateFilings':
        labels.push('逾期立案');
        counted = (await lateFilingItems(db, period, s)).map((i) => ({ caseId: i.case_id, detail: i.reason }));
        break;
      case 'publications': {
        const onTime = q.column !== 'late';
        labels.push(KIND_LABELS[q.kind as keyof typeof KIND_LABELS] ?? '全部类别', onTime ? '按期公示' : '超期公示');
        counted = (await publicationItems(db, period, s)).filter((i) => (!q.kind || i.kind === q.kind) && i.onTime === onTime).map((i) => ({ caseId: i.case_id, detail: KIND_LABELS[i.kind as keyof typeof KIND_LABELS] ?? i.kind }));
        break;
      }
      default:
        throw badRequest('不认识要查看的统计项');
    }
  }

  const rows = new Map((await casesByIds(db, [...new Set(counted.map((c) => c.caseId))])).map((r) => [r.case_id, r]));
  const byCase = new Map<string, string[]>();
  for (const c of counted) byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), ...(c.detail ? [c.detail] : [])]);
  const cases = [...byCase].flatMap(([caseId, details]) => {
    const r = rows.get(caseId);
    if (!r) return [];
    const v = fromJson<Record<string, unknown>>(r.variables, {});
    return [{
      caseId, caseLabel: r.business_key ?? caseId.slice(0, 8), party: String(v.party ?? v.applicant ?? ''), processName: procedure(r.process_key),
      department: r.department ?? NO_DEPARTMENT, startedOn: day(Number(r.started_at)), counted: details.length || 1, details: details.join('；'),
    }];
  });
  const sheet: ExportSheet = {
    name: '案件清单',
    columns: ['案件', '当事人', '执法程序', '部门', '立案日期', '计数', '所计事项'],
    rows: cases.map((c) => [c.caseLabel, c.party, c.processName, c.department, c.startedOn, c.counted, c.details]),
  };
  return { heading: labels.join(' · '), scopeLabel: scope === null ? NO_DEPARTMENT : (scope.department ?? '全部部门'), cases, total: counted.length, sheet };
}
