import type { WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import { clockCatalog } from '../../../domain/clock-catalog.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import { PROVISIONAL_NOTE } from '../shared/last-day.ts';
import { periodText } from '../shared/period-text.ts';
import { remaining } from '../shared/remaining.ts';
import { CLOCK_EVENT_LABELS, reasonText, type StepName } from './timeline.ts';

const CLOCK_STATUS: Record<string, { label: string; cls: string }> = { running: { label: '计时中', cls: 'ok' }, paused: { label: '已中止', cls: 'paused' }, stopped: { label: '已停止', cls: '' } };

/** The case's clocks as the case page lists them: named from rules/clocks.json, how much is left, and each change with its reason in the diagram's words. */
export async function caseClocksView(deps: { workflow: Workflow; calendar: WorkCalendar; clock: Clock }, caseId: string, stepName: StepName) {
  const { workflow } = deps;
  return (await workflow.caseClocks.list(workflow.db, caseId)).map((c) => ({
    ...c,
    label: clockCatalog().label(c.name),
    statutory: clockCatalog().statutory(c.name),
    statusLabel: CLOCK_STATUS[c.status]?.label ?? c.status,
    statusClass: c.status === 'running' && c.dueAt ? remaining(deps.calendar, deps.clock, c.dueAt, clockCatalog().days(c.name))?.level : CLOCK_STATUS[c.status]?.cls,
    provisionalNote: PROVISIONAL_NOTE,
    events: c.events.map((e) => ({ ...e, kindLabel: CLOCK_EVENT_LABELS[e.kind] ?? e.kind, period: periodText(e.period), reason: reasonText(e.reason, stepName) })),
  }));
}
