import type { Clock } from '../../../clock.ts';
import { caseNumberText } from '../../../domain/case-label.ts';
import { procedureNames } from '../../../workflow/case-list.ts';
import { periodOfDays } from '../../../workflow/statistics.ts';
import { scopeOf, supervisedCases } from '../../../workflow/supervision.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import type { WebUser } from '../shared/session.ts';
import { NO_DEPARTMENT } from './dashboard-names.ts';
import { day, metricDrill, tableDrill, text, type Counted, type Drilled } from './drill-figures.ts';
import type { ExportSheet } from './export.ts';
import { periodOf } from './statistics-view.ts';

/**
 * The cases behind one figure of the dashboard or the statistics page, read through the same query
 * function that counted it (drill-figures.ts): the figure and the number of things listed here are
 * one number. The query string says which figure.
 */
export async function caseDrill(deps: { db: Workflow['db']; clock: Clock }, user: WebUser, query: Record<string, unknown>) {
  const { db } = deps;
  const names = await procedureNames(db);
  const procedure = (key: string) => names.get(key) ?? key;
  const scope = scopeOf(user);
  let drilled: Drilled;
  if (text(query.metric) !== undefined) {
    drilled = await metricDrill(db, scope, deps.clock.now(), query, procedure);
  } else {
    const days = periodOf(query, deps.clock.now());
    // A supervisor without a department sees no case: a department nobody has.
    const found = await tableDrill(db, scope ?? { department: '\u0000' }, periodOfDays(days), deps.clock.now().getTime(), query, procedure);
    drilled = { labels: [`${days.from} 至 ${days.to} 立案`, ...found.labels], counted: found.counted };
  }
  const cases = await casesCounted(db, drilled.counted, procedure);
  const sheet: ExportSheet = {
    name: '案件清单',
    columns: ['立案编号', '当事人', '执法程序', '部门', '登记日期', '计数', '所计事项'],
    rows: cases.map((c) => [c.caseLabel, c.party, c.processName, c.department, c.startedOn, c.counted, c.details]),
  };
  return { heading: drilled.labels.join(' · '), scopeLabel: scope === null ? NO_DEPARTMENT : (scope.department ?? '全部部门'), cases, total: drilled.counted.length, sheet };
}

/** Each case counted, once, with how many things were counted in it and what they were. */
async function casesCounted(db: Workflow['db'], counted: Counted[], procedure: (key: string) => string) {
  const rows = new Map((await supervisedCases(db, [...new Set(counted.map((c) => c.caseId))])).map((r) => [r.case_id, r]));
  const byCase = new Map<string, string[]>();
  for (const c of counted) byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), ...(c.detail ? [c.detail] : [])]);
  return [...byCase].flatMap(([caseId, details]) => {
    const r = rows.get(caseId);
    if (!r) return [];
    return [{
      caseId, caseLabel: caseNumberText(r.business_key, r.values), party: String(r.values.party ?? r.values.applicant ?? ''), processName: procedure(r.process_key),
      department: r.department ?? NO_DEPARTMENT, startedOn: day(Number(r.started_at)), counted: details.length || 1, details: details.join('；'),
    }];
  });
}
