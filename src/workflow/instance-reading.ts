import type { DbOrTx } from '../store/db.ts';
import { definitionById } from '../store/definitions.ts';
import { documentsOfCase, type DocumentRow } from '../store/documents.ts';
import { historyOf, type HistoryEntry } from '../store/history.ts';
import { childrenOf, instancesOfCase, type InstanceRow } from '../store/instances.ts';
import { jobsOfInstance, JobStatus } from '../store/jobs.ts';
import { fromJson } from '../store/json.ts';
import { subscriptionsOfCase } from '../store/subscriptions.ts';
import { tasksOfInstance, TaskStatus, type TaskRow } from '../store/tasks.ts';
import type { Definitions } from './definitions.ts';

export type { HistoryEntry };

/** One process of the case as its record shows it: its diagram's name, the names of its steps and its history. */
export interface ProcessRecord {
  instance: InstanceRow;
  processName: string;
  /** Element id → the diagram's name of it; unnamed elements are absent. */
  stepNames: Record<string, string>;
  history: HistoryEntry[];
}

/** What the case page reads of one instance and of everything it called. */
export interface InstanceReading {
  processName: string;
  version: number | undefined;
  variables: Record<string, unknown>;
  openTasks: TaskRow[];
  /** Where the instance stands: the elements of its open tasks and pending timers. */
  current: string[];
  /** The call activities whose called process still runs. */
  calls: string[];
  /** The elements it has passed (ended), once each. */
  done: string[];
  /** This process and everything it called, directly or not, oldest first. */
  processes: ProcessRecord[];
  /** The case's documents, without their text. */
  documents: Array<Omit<DocumentRow, 'html'>>;
  /** What the case waits to be told (a hearing request, supplemented materials), named as the diagram names the waiting event. */
  awaited: Array<{ id: number; label: string }>;
}

/**
 * One instance as the case page shows it, read in one place: where it stands, the path taken,
 * the processes it called with their records, the case's documents and awaited messages.
 */
export async function readInstance(deps: { db: DbOrTx; definitions: Definitions }, row: InstanceRow): Promise<InstanceReading> {
  const { db } = deps;
  const def = await definitionById(db, row.definition_id);
  const processName = def?.name ?? row.process_key;
  const openTasks = (await tasksOfInstance(db, row.id)).filter((t) => t.status === TaskStatus.open);
  const timers = (await jobsOfInstance(db, row.id)).filter((j) => j.status === JobStatus.pending);
  const children = await childrenOf(db, row.id);
  const ownHistory = await historyOf(db, row.id);
  const inCase = descendants(await instancesOfCase(db, row.root_id), row.id);
  const processes: ProcessRecord[] = [];
  for (const inst of inCase) {
    processes.push({
      instance: inst,
      processName: inst.id === row.id ? processName : ((await definitionById(db, inst.definition_id))?.name ?? inst.process_key),
      stepNames: (await deps.definitions.compiledById(db, inst.definition_id)).elementNames ?? {},
      history: inst.id === row.id ? ownHistory : await historyOf(db, inst.id),
    });
  }
  const runningCalls = children.filter((c) => c.status === 'running').map((c) => c.parent_execution_id);
  const awaited = [];
  for (const sub of await subscriptionsOfCase(db, row.root_id)) {
    const inst = inCase.find((i) => i.id === sub.instance_id) ?? (sub.instance_id === row.id ? row : undefined);
    if (!inst) continue;
    const compiled = await deps.definitions.compiledById(db, inst.definition_id);
    awaited.push({ id: sub.id, label: compiled.elementNames?.[sub.element_id] ?? sub.message_name });
  }
  return {
    processName,
    version: def?.version,
    variables: fromJson<Record<string, unknown>>(row.variables, {}),
    openTasks,
    current: [...openTasks.map((t) => t.element_id), ...timers.map((j) => j.element_id)],
    calls: ownHistory.filter((h) => h.kind === 'call' && runningCalls.includes((h.data as { executionId?: string } | null)?.executionId ?? '')).map((h) => h.elementId).filter((id): id is string => !!id),
    done: [...new Set(ownHistory.filter((h) => h.kind === 'activity.end' || h.kind === 'process.end').map((h) => h.elementId).filter((id): id is string => !!id))],
    processes,
    documents: await documentsOfCase(db, row.root_id),
    awaited,
  };
}

/** The instance and what it called, directly or not; `all` is oldest first, so a parent comes before its children. */
function descendants(all: InstanceRow[], id: string): InstanceRow[] {
  const ids = new Set([id]);
  return all.filter((i) => {
    if (i.id === id || (i.parent_id && ids.has(i.parent_id))) ids.add(i.id);
    return ids.has(i.id);
  });
}
