import { NEVER } from '../engine/due.ts';
import { notFound } from '../errors.ts';
import type { DbOrTx } from '../store/db.ts';
import { definitionById } from '../store/definitions.ts';
import { historyOf } from '../store/history.ts';
import { childrenOf, instanceById } from '../store/instances.ts';
import { jobsOfInstance, JobStatus } from '../store/jobs.ts';
import { fromJson } from '../store/json.ts';
import { tasksOfInstance, toTask, TaskStatus } from '../store/tasks.ts';
import type { CaseClocks } from './case-clocks.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What GET /api/instances/:id shows: status, variables, open tasks, timers, children and history. */
export async function instanceView(db: DbOrTx, caseClocks: CaseClocks, id: string) {
  const row = await instanceById(db, id);
  if (!row) throw notFound('案件不存在');
  const def = await definitionById(db, row.definition_id);
  const tasks = (await tasksOfInstance(db, id)).map(toTask);
  const timers = (await jobsOfInstance(db, id)).filter((j) => j.status === JobStatus.pending);
  const children = await childrenOf(db, id);
  const history = await historyOf(db, id);
  const clocks = await caseClocks.list(db, row.root_id);
  return {
    id: row.id,
    processKey: row.process_key,
    version: def?.version ?? null,
    businessKey: row.business_key,
    status: row.status,
    variables: fromJson<Record<string, unknown>>(row.variables, {}),
    rootId: row.root_id,
    parentId: row.parent_id,
    startedBy: row.started_by,
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    tasks: tasks.filter((t) => t.status === TaskStatus.open).map(taskJson),
    timers: timers.map((j) => ({ elementId: j.element_id, dueAt: j.due_at >= NEVER.getTime() ? null : iso(j.due_at), attempts: j.attempts, lastError: j.last_error })),
    clocks,
    children: children.map((c) => ({ id: c.id, processKey: c.process_key, status: c.status })),
    history: history.map((h) => ({ at: iso(h.at), actor: h.actor, kind: h.kind, elementId: h.elementId, data: h.data })),
  };
}

export function taskJson(t: ReturnType<typeof toTask>) {
  return {
    id: t.id,
    instanceId: t.instanceId,
    elementId: t.elementId,
    name: t.name,
    formKey: t.formKey,
    assignee: t.assignee,
    candidateGroups: t.candidateGroups,
    dueAt: iso(t.dueAt),
    status: t.status,
    createdAt: iso(t.createdAt),
    endedAt: iso(t.endedAt),
    completedBy: t.completedBy,
  };
}
