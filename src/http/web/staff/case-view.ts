import type { WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import { caseLabel, caseNumberText } from '../../../domain/case-label.ts';
import type { InstanceRow } from '../../../workflow/case-reading.ts';
import { readInstance } from '../../../workflow/instance-reading.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import { caseClocksView } from './case-clocks-view.ts';
import { caseEvidence } from './case-evidence.ts';
import { caseTimeline, stepNameOf } from './case-timeline.ts';
import type { StepName } from './timeline.ts';

export const STATUS_LABELS: Record<string, string> = { running: '办理中', completed: '已办结', cancelled: '已取消' };

export interface CaseViewDeps {
  workflow: Workflow;
  calendar: WorkCalendar;
  clock: Clock;
}

/** Everything the case page shows of one instance: where it stands, the path taken, the clocks and the whole record of it and the processes it called. */
export async function caseView(deps: CaseViewDeps, row: InstanceRow) {
  const db = deps.workflow.db;
  const read = await readInstance({ db, definitions: deps.workflow.definitions }, row);
  const own = read.processes.find((p) => p.instance.id === row.id);
  const ownSteps = stepNameOf(own?.stepNames ?? {});
  const { entries, startedBy } = await caseTimeline(db, row, read.processes);
  const current = [...read.current, ...read.calls];
  return {
    // Named by its 立案编号 and party, as in every list (src/domain/case-label.ts).
    title: `${caseLabel(row.business_key, read.variables)} · ${read.processName}`,
    case: {
      id: row.id,
      rootId: row.root_id,
      number: caseNumberText(row.business_key, read.variables),
      processKey: row.process_key,
      processName: read.processName,
      version: read.version,
      status: row.status,
      statusLabel: STATUS_LABELS[row.status] ?? row.status,
      startedBy,
      startedAt: new Date(row.started_at).toISOString(),
    },
    current,
    done: read.done,
    // The diagram in words, for those who cannot see the canvas: the steps passed and the current ones.
    diagramText: { current: named(current, ownSteps), done: named(read.done, ownSteps) },
    tasks: read.openTasks.map((t) => ({ id: t.id, name: t.name ?? t.element_id, dueAt: t.due_at ? new Date(t.due_at).toISOString() : null })),
    // Every process the case called, named as its diagram names it; the page anchors each (#proc-<id>).
    children: read.processes.filter((p) => p.instance.id !== row.id).map((p) => ({ id: p.instance.id, processName: p.processName, statusLabel: STATUS_LABELS[p.instance.status] ?? p.instance.status })),
    clocks: await caseClocksView(deps, row.root_id, ownSteps),
    documents: read.documents.map((d) => ({ id: d.id, title: d.title, number: d.number })),
    // What the case waits to be told: staff record it here (case-events.ts).
    actions: read.awaited,
    evidenceItems: await caseEvidence(db, row.root_id),
    timeline: entries,
  };
}

/** The named steps among `ids`, once each, in order: unnamed gateways and scripts are left out. */
function named(ids: Array<string | null | undefined>, stepName: StepName): string[] {
  return [...new Set(ids.map((id) => stepName(id)).filter((n): n is string => !!n))];
}
