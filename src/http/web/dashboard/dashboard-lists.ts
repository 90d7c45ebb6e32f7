import type { WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import { caseLabel } from '../../../domain/case-label.ts';
import { clockCatalog } from '../../../domain/clock-catalog.ts';
import type { SupervisedClockRow, SupervisedTaskRow, supervisionLists } from '../../../workflow/supervision.ts';
import { dueUnit, remaining } from '../shared/remaining.ts';
import { NO_DEPARTMENT } from './dashboard-names.ts';

type Lists = Awaited<ReturnType<typeof supervisionLists>>;

/**
 * The dashboard's lists in words: each overdue task or statutory clock, and each supervision step,
 * under its case (number and party), its department and procedure by name, how late it is, and
 * who holds a task by name (or the groups it waits in), never a username.
 */
export function dashboardLists(deps: { calendar: WorkCalendar; clock: Clock }, lists: Lists, names: Map<string, string>) {
  const { calendar, clock } = deps;
  const caseOf = (r: SupervisedTaskRow | SupervisedClockRow) => ({
    caseId: r.case_id, caseLabel: caseLabel(r.business_key, r.variables), department: r.department ?? NO_DEPARTMENT, processName: names.get(r.process_key) ?? r.process_key,
  });
  const taskItem = (r: SupervisedTaskRow) => ({
    kind: '任务', id: r.id, name: r.name ?? r.element_id, dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
    remaining: r.due_at === null ? null : remaining(calendar, clock, r.due_at, dueUnit(r.due_spec)), offeredTo: lists.holders.get(r.id) ?? '', ...caseOf(r),
  });
  const clockItem = (r: SupervisedClockRow) => ({
    kind: '法定期限', id: null, name: clockCatalog().label(r.name), dueAt: new Date(r.due_at).toISOString(), remaining: remaining(calendar, clock, r.due_at, clockCatalog().days(r.name)), offeredTo: '', ...caseOf(r),
  });
  return {
    overdue: [...lists.lateTasks.map(taskItem), ...lists.lateClocks.map(clockItem)].sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '')),
    overdueTruncated: lists.truncated,
    escalations: lists.escalations.map(taskItem),
  };
}
