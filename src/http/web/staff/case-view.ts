import { caseLabel, caseNumberText } from '../../../domain/case-label.ts';
import type { Clock } from '../../../clock.ts';
import { clockCatalog } from '../../../domain/clock-catalog.ts';
import type { WorkCalendar } from '../../../calendar/index.ts';
import type { DbOrTx } from '../../../store/db.ts';
import { definitionById } from '../../../store/definitions.ts';
import { documentsOfCase } from '../../../store/documents.ts';
import { historyOf } from '../../../store/history.ts';
import { childrenOf, instancesOfCase, type InstanceRow } from '../../../store/instances.ts';
import { jobsOfInstance, JobStatus } from '../../../store/jobs.ts';
import { fromJson } from '../../../store/json.ts';
import { tasksOfInstance, TaskStatus } from '../../../store/tasks.ts';
import { subscriptionsOfCase } from '../../../store/subscriptions.ts';
import type { CaseClocks } from '../../../workflow/case-clocks.ts';
import type { Definitions } from '../../../workflow/definitions.ts';
import { caseEvidence } from './case-evidence.ts';
import { CLOCK_EVENT_LABELS, describeEntry, reasonText, type StepName } from './timeline.ts';
import { periodText } from '../shared/period-text.ts';
import { PROVISIONAL_NOTE } from '../shared/last-day.ts';
import { peopleNames } from '../../../workflow/people-names.ts';
import { remaining } from '../shared/remaining.ts';

export const STATUS_LABELS: Record<string, string> = { running: '办理中', completed: '已办结', cancelled: '已取消' };
const CLOCK_STATUS: Record<string, { label: string; cls: string }> = { running: { label: '计时中', cls: 'ok' }, paused: { label: '已中止', cls: 'paused' }, stopped: { label: '已停止', cls: '' } };

export interface CaseViewDeps {
  db: DbOrTx;
  caseClocks: CaseClocks;
  calendar: WorkCalendar;
  clock: Clock;
  definitions: Definitions;
}

/** Everything the case page shows of one instance: where it stands, the path taken, the clocks and the whole record of it and the processes it called. */
export async function caseView(deps: CaseViewDeps, row: InstanceRow) {
  const { db } = deps;
  const def = await definitionById(db, row.definition_id);
  const processName = def?.name ?? row.process_key;
  const variables = fromJson<Record<string, unknown>>(row.variables, {});
  const openTasks = (await tasksOfInstance(db, row.id)).filter((t) => t.status === TaskStatus.open);
  const timers = (await jobsOfInstance(db, row.id)).filter((j) => j.status === JobStatus.pending);
  const children = await childrenOf(db, row.id);
  const ownHistory = await historyOf(db, row.id);

  // The record shows this process and everything it called, in time order.
  const names = new Map<string, string>([[row.id, processName]]);
  const inCase = descendants(await instancesOfCase(db, row.root_id), row.id);
  const histories = [];
  for (const inst of inCase) {
    if (!names.has(inst.id)) names.set(inst.id, (await definitionById(db, inst.definition_id))?.name ?? inst.process_key);
    histories.push({ inst, history: inst.id === row.id ? ownHistory : await historyOf(db, inst.id) });
  }
  // Steps by the diagram's names and people by their names: never an element id or a username.
  const people = await peopleNames(db, [row.started_by, ...histories.flatMap((x) => x.history.map((h) => h.actor))]);
  const entries = [];
  for (const { inst, history } of histories) {
    const stepName = await stepNames(deps, inst.definition_id);
    for (const h of history) {
      const words = describeEntry(h, names.get(inst.id)!, stepName);
      if (words) entries.push({ ...h, ...words, actor: people.person(h.actor) });
    }
  }
  entries.sort((a, b) => a.at - b.at);
  const ownSteps = await stepNames(deps, row.definition_id);

  const done = [...new Set(ownHistory.filter((h) => h.kind === 'activity.end' || h.kind === 'process.end').map((h) => h.elementId).filter(Boolean))];
  const runningCalls = children.filter((c) => c.status === 'running').map((c) => c.parent_execution_id);
  const current = [...openTasks.map((t) => t.element_id), ...timers.map((j) => j.element_id)];
  const calls = ownHistory.filter((h) => h.kind === 'call' && runningCalls.includes((h.data as { executionId?: string } | null)?.executionId ?? '')).map((h) => h.elementId);

  const clocks = (await deps.caseClocks.list(db, row.root_id)).map((c) => ({
    ...c,
    label: clockCatalog().label(c.name),
    statutory: clockCatalog().statutory(c.name),
    statusLabel: CLOCK_STATUS[c.status]?.label ?? c.status,
    statusClass: c.status === 'running' && c.dueAt ? remaining(deps.calendar, deps.clock, c.dueAt, clockCatalog().days(c.name))?.level : CLOCK_STATUS[c.status]?.cls,
    provisionalNote: PROVISIONAL_NOTE,
    events: c.events.map((e) => ({ ...e, kindLabel: CLOCK_EVENT_LABELS[e.kind] ?? e.kind, period: periodText(e.period), reason: reasonText(e.reason, ownSteps) })),
  }));
  const documents = await documentsOfCase(db, row.root_id);
  // What the case waits to be told (a hearing request, an extension request, supplemented
  // materials): staff record it here, named as the diagram names the waiting event.
  const actions = [];
  for (const sub of await subscriptionsOfCase(db, row.root_id)) {
    const inst = inCase.find((i) => i.id === sub.instance_id) ?? (sub.instance_id === row.id ? row : undefined);
    if (!inst) continue;
    const compiled = await deps.definitions.compiledById(db, inst.definition_id);
    actions.push({ id: sub.id, label: compiled.elementNames?.[sub.element_id] ?? sub.message_name });
  }

  return {
    // Named by its 立案编号 and party, as in every list (src/domain/case-label.ts).
    title: `${caseLabel(row.business_key, variables)} · ${processName}`,
    case: {
      id: row.id,
      rootId: row.root_id,
      number: caseNumberText(row.business_key, variables),
      processKey: row.process_key,
      processName,
      version: def?.version,
      status: row.status,
      statusLabel: STATUS_LABELS[row.status] ?? row.status,
      startedBy: people.person(row.started_by),
      startedAt: new Date(row.started_at).toISOString(),
    },
    current: [...current, ...calls.filter(Boolean)],
    done,
    // The diagram in words, for those who cannot see the canvas: the steps passed and the current ones.
    diagramText: { current: named([...current, ...calls], ownSteps), done: named(done, ownSteps) },
    tasks: openTasks.map((t) => ({ id: t.id, name: t.name ?? t.element_id, dueAt: t.due_at ? new Date(t.due_at).toISOString() : null })),
    // Every process the case called, named as its diagram names it; the page anchors each (#proc-<id>).
    children: inCase.filter((c) => c.id !== row.id).map((c) => ({ id: c.id, processName: names.get(c.id) ?? c.process_key, statusLabel: STATUS_LABELS[c.status] ?? c.status })),
    clocks,
    documents: documents.map((d) => ({ id: d.id, title: d.title, number: d.number })),
    actions,
    evidenceItems: await caseEvidence(db, row.root_id),
    timeline: entries,
  };
}

/** The named steps among `ids`, once each, in order: unnamed gateways and scripts are left out. */
function named(ids: Array<string | null | undefined>, stepName: StepName): string[] {
  return [...new Set(ids.map((id) => stepName(id)).filter((n): n is string => !!n))];
}

/** The diagram's names of the steps of one deployed version. */
async function stepNames(deps: CaseViewDeps, definitionId: number): Promise<StepName> {
  const names = (await deps.definitions.compiledById(deps.db, definitionId)).elementNames ?? {};
  return (id) => (id ? names[id] || undefined : undefined);
}

/** The instance and what it called, directly or not; `all` is oldest first, so a parent comes before its children. */
function descendants(all: InstanceRow[], id: string): InstanceRow[] {
  const ids = new Set([id]);
  return all.filter((i) => {
    if (i.id === id || (i.parent_id && ids.has(i.parent_id))) ids.add(i.id);
    return ids.has(i.id);
  });
}
