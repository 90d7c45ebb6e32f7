import { clockCatalog } from '../../../domain/clock-catalog.ts';
import { badRequest } from '../../../errors.ts';
import { lateFilingCases, outcomeItems, publishedItems, reviewItems, timelinessItems, type Period, type ReviewColumn, type TimelinessColumn } from '../../../workflow/statistics.ts';
import { DASHBOARD_METRICS, metricItems, type DashboardMetric, type DrillFilter, type SupervisionScope } from '../../../workflow/supervision.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import { KIND_LABELS } from '../public/public-pages.ts';
import { NO_DEPARTMENT } from './dashboard-names.ts';
import { shanghaiDate } from '../../../calendar/index.ts';

export const METRIC_LABELS: Record<DashboardMetric, string> = {
  openCases: '未办结案件', openTasks: '待办任务', tasksDueThisWeek: '本周到期任务', clocksDueThisWeek: '本周到期法定期限', overdue: '已逾期', pausedClocks: '暂停计时的法定期限',
};
const TIMELINESS_LABELS: Record<TimelinessColumn, string> = { onTime: '按期完成', late: '超期完成', open: '尚未结束', openOverdue: '尚未结束且已逾期' };
const REVIEW_LABELS: Record<ReviewColumn, string> = { agree: '法制审核同意', problems: '法制审核提出问题', proceedByCoordination: '经协调决定', proceedByCollectiveDiscussion: '经集体讨论决定' };

/** One thing a figure counts, under its case. */
export interface Counted {
  caseId: string;
  /** What was counted in the case (a task, a clock and its limit), empty when the case itself is counted. */
  detail: string;
}

/** What a drill-down lists: the figure's name in parts (the figure, its row, its period) and the things it counted. */
export interface Drilled {
  labels: string[];
  counted: Counted[];
}

export const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
export const day = (ms: number | null) => (ms === null ? '' : shanghaiDate(new Date(ms)));
type Procedure = (key: string) => string;

/** The things behind a dashboard figure (?metric=…&department=…&process=…), as store/supervision.ts counted them. */
export async function metricDrill(db: Workflow['db'], scope: SupervisionScope | null, now: Date, query: Record<string, unknown>, procedure: Procedure): Promise<Drilled> {
  const metric = text(query.metric) as DashboardMetric;
  if (!DASHBOARD_METRICS.includes(metric)) throw badRequest('不认识要查看的统计项');
  const filter: DrillFilter = {};
  const dept = text(query.department);
  if (dept) filter.department = dept === NO_DEPARTMENT ? null : dept;
  if (text(query.process)) filter.processKey = text(query.process);
  const labels = [METRIC_LABELS[metric], ...(dept ? [dept] : []), ...(filter.processKey ? [procedure(filter.processKey)] : [])];
  const items = await metricItems(db, scope, filter, metric, now);
  return {
    labels,
    counted: items.map((i) => ({
      caseId: i.case_id,
      detail: i.kind === 'case' ? '' : `${i.kind === 'clock' ? clockCatalog().label(i.item ?? '') : (i.item ?? '')}${i.due_at === null ? '' : `（${day(Number(i.due_at))} 届满）`}`,
    })),
  };
}

/** The things behind a cell of a statistics table (?table=…&procedure=…&column=…), as store/statistics.ts counted them. */
export async function tableDrill(db: Workflow['db'], scope: SupervisionScope, period: Period, now: number, query: Record<string, unknown>, procedure: Procedure): Promise<Drilled> {
  const q = { procedure: text(query.procedure), outcome: text(query.outcome), clock: text(query.clock), column: text(query.column), kind: text(query.kind) };
  const ofProcedure = q.procedure ? [procedure(q.procedure)] : [];
  switch (query.table) {
    case 'outcome':
      return { labels: [...ofProcedure, q.outcome ?? '全部结果'], counted: (await outcomeItems(db, period, scope, q)).map((i) => ({ caseId: i.case_id, detail: i.outcome })) };
    case 'timeliness': {
      const column = (q.column ?? 'open') as TimelinessColumn;
      if (!(column in TIMELINESS_LABELS)) throw badRequest('不认识要查看的统计项');
      const counted = (await timelinessItems(db, period, now, scope, { ...q, column })).map((i) => ({ caseId: i.case_id, detail: clockCatalog().label(i.clock) }));
      return { labels: [...ofProcedure, clockCatalog().label(q.clock ?? ''), TIMELINESS_LABELS[column]], counted };
    }
    case 'review': {
      const column = q.column as ReviewColumn;
      if (!(column in REVIEW_LABELS)) throw badRequest('不认识要查看的统计项');
      return { labels: [REVIEW_LABELS[column]], counted: (await reviewItems(db, period, scope, column)).map((i) => ({ caseId: i.case_id, detail: REVIEW_LABELS[column] })) };
    }
    case 'lateFilings':
      return { labels: ['逾期立案'], counted: (await lateFilingCases(db, period, scope)).map((i) => ({ caseId: i.case_id, detail: i.reason })) };
    case 'publications': {
      const onTime = q.column !== 'late';
      const counted = (await publishedItems(db, period, scope, { kind: q.kind, onTime })).map((i) => ({ caseId: i.case_id, detail: KIND_LABELS[i.kind as keyof typeof KIND_LABELS] ?? i.kind }));
      return { labels: [KIND_LABELS[q.kind as keyof typeof KIND_LABELS] ?? '全部类别', onTime ? '按期公示' : '超期公示'], counted };
    }
    default:
      throw badRequest('不认识要查看的统计项');
  }
}
