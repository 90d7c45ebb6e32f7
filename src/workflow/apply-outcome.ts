import { randomUUID } from 'node:crypto';
import type { RunOutcome, WaitPoint } from '../engine/commands.ts';
import type { ParsedBpmn } from '../engine/compile.ts';
import { NEVER } from '../engine/due.ts';
import type { Tx } from '../store/db.ts';
import { appendHistory, startVariablesOf } from '../store/history.ts';
import { childOf, childrenOf, InstanceStatus, type InstanceRow } from '../store/instances.ts';
import { endJob, insertTimerJob, JobStatus, pendingJobsOf, rescheduleJob } from '../store/jobs.ts';
import { deleteSubscription, insertSubscription, subscriptionsOf } from '../store/subscriptions.ts';
import { closeTask, insertTask, openTasksOf, setTaskDue, TaskStatus } from '../store/tasks.ts';
import { changedVariables } from './variable-changes.ts';

/** Work that a command leaves for the same transaction: child processes to start, parents to continue. */
export type FollowUp =
  | { kind: 'startChild'; parent: InstanceRow; call: Extract<WaitPoint, { kind: 'call' }>; variables: Record<string, unknown> }
  /** `variables`: only what the child added or changed since it started. */
  | { kind: 'resumeParent'; parentId: string; executionId: string; variables: Record<string, unknown> };

/** Children whose call activity is no longer waiting (interrupted by a boundary event, or the parent ended). */
export async function orphanedChildren(tx: Tx, instance: InstanceRow, out: RunOutcome): Promise<InstanceRow[]> {
  const waitingCalls = new Set(out.waits.filter((w) => w.kind === 'call').map((w) => w.executionId));
  const children = await childrenOf(tx, instance.id);
  return children.filter((c) => c.status === InstanceStatus.running && !waitingCalls.has(c.parent_execution_id ?? ''));
}

export interface ApplyContext {
  actor: string | null;
  now: number;
  /** Recompute a due time from what it was defined by (a period from a start, or a case clock). */
  dueOf(spec: string, from: Date): Date | null;
  /** Why deadlines may have moved in this command, for the record. */
  reason: string;
  /** The command itself, recorded before what it caused (one insert with the trail). */
  entry?: { kind: string; elementId?: string; data?: unknown };
  features: ParsedBpmn['features'];
  /** The task this command completed, if any: closed as completed rather than cancelled. */
  completedExecutionId?: string;
}

/**
 * Bring the rows that mirror an instance (tasks, timer jobs, message subscriptions) in line
 * with what the engine reports after a run. The engine's report is the whole truth, so this is
 * a reconciliation, safe to repeat after any resume.
 */
export async function applyOutcome(tx: Tx, instance: InstanceRow, out: RunOutcome, ctx: ApplyContext): Promise<{ followUps: FollowUp[]; moved: number }> {
  const moved = (await reconcileTasks(tx, instance, out, ctx)) + (await reconcileTimers(tx, instance, out, ctx));
  if (ctx.features.messageCatches) await reconcileSubscriptions(tx, instance.id, out, ctx.now);
  const command = ctx.entry ? [{ instanceId: instance.id, at: ctx.now, actor: ctx.actor, kind: ctx.entry.kind, elementId: ctx.entry.elementId ?? null, data: ctx.entry.data }] : [];
  await appendHistory(tx, [
    ...command,
    ...out.trail.map((t) => ({ instanceId: instance.id, at: t.at.getTime(), actor: ctx.actor, kind: t.kind, elementId: t.elementId, data: { type: t.elementType, name: t.name } })),
  ]);

  const followUps: FollowUp[] = [];
  for (const wait of out.waits) {
    if (wait.kind !== 'call') continue;
    if (!(await childOf(tx, instance.id, wait.executionId))) followUps.push({ kind: 'startChild', parent: instance, call: wait, variables: out.variables });
  }
  if (out.status === 'completed' && instance.parent_id && instance.parent_execution_id) {
    const variables = changedVariables(await startVariablesOf(tx, instance.id), out.variables);
    followUps.push({ kind: 'resumeParent', parentId: instance.parent_id, executionId: instance.parent_execution_id, variables });
  }
  return { followUps, moved };
}

async function reconcileTasks(tx: Tx, instance: InstanceRow, out: RunOutcome, ctx: ApplyContext): Promise<number> {
  const instanceId = instance.id;
  let moved = 0;
  const waiting = new Map(out.waits.filter((w) => w.kind === 'userTask').map((w) => [w.executionId, w] as const));
  for (const row of await openTasksOf(tx, instanceId)) {
    if (waiting.delete(row.execution_id)) {
      if (row.due_spec && row.due_from !== null) {
        const due = ctx.dueOf(row.due_spec, new Date(row.due_from))?.getTime() ?? null;
        if (due !== row.due_at) {
          await setTaskDue(tx, row.id, due);
          await recordMove(tx, instance, ctx, { task: row.id, elementId: row.element_id, oldDue: row.due_at, newDue: due });
          moved++;
        }
      }
      continue;
    }
    const completed = row.execution_id === ctx.completedExecutionId;
    await closeTask(tx, row.id, completed ? TaskStatus.completed : TaskStatus.cancelled, ctx.now, completed ? ctx.actor : null);
  }
  for (const w of waiting.values()) {
    if (w.kind !== 'userTask') continue;
    await insertTask(tx, {
      id: randomUUID(),
      instance_id: instanceId,
      element_id: w.elementId,
      execution_id: w.executionId,
      name: w.name ?? null,
      form_key: w.formKey ?? null,
      assignee: w.assignee ?? null,
      candidate_groups: w.candidateGroups,
      due_at: w.dueAt ? w.dueAt.getTime() : null,
      due_spec: w.dueSpec ?? null,
      due_from: w.dueFrom.getTime(),
      status: TaskStatus.open,
      created_at: ctx.now,
      ended_at: null,
      completed_by: null,
    });
  }
  return moved;
}

async function reconcileTimers(tx: Tx, instance: InstanceRow, out: RunOutcome, ctx: ApplyContext): Promise<number> {
  const instanceId = instance.id;
  let moved = 0;
  const now = ctx.now;
  const armed = new Map(out.timers.map((t) => [t.executionId, t] as const));
  const fired = new Set(out.firedTimers);
  for (const job of await pendingJobsOf(tx, instanceId)) {
    const timer = armed.get(job.execution_id);
    if (!timer) {
      await endJob(tx, job.id, fired.has(job.execution_id) ? JobStatus.done : JobStatus.cancelled, now);
      continue;
    }
    armed.delete(job.execution_id);
    if (timer.expireAt.getTime() !== job.due_at) {
      await rescheduleJob(tx, job.id, timer.expireAt.getTime());
      await recordMove(tx, instance, ctx, { timer: job.id, elementId: job.element_id, oldDue: job.due_at, newDue: timer.expireAt.getTime() });
      moved++;
    }
  }
  for (const t of armed.values()) {
    await insertTimerJob(tx, { instance_id: instanceId, element_id: t.elementId, execution_id: t.executionId, due_at: t.expireAt.getTime(), created_at: now });
  }
  return moved;
}

const iso = (ms: number | null) => (ms === null || ms >= NEVER.getTime() ? null : new Date(ms).toISOString());

/** A deadline that moved is recorded on its case: which one, old and new due time, and why. */
async function recordMove(tx: Tx, instance: InstanceRow, ctx: ApplyContext, move: { elementId: string; oldDue: number | null; newDue: number | null; task?: string; timer?: number }) {
  const { oldDue, newDue, ...which } = move;
  await appendHistory(tx, [
    { instanceId: instance.root_id, at: ctx.now, actor: ctx.actor, kind: 'deadline.changed', elementId: move.elementId, data: { ...which, instanceId: instance.id, oldDue: iso(oldDue), newDue: iso(newDue), why: ctx.reason } },
  ]);
}

async function reconcileSubscriptions(tx: Tx, instanceId: string, out: RunOutcome, now: number) {
  const waiting = new Map(out.waits.filter((w) => w.kind === 'message').map((w) => [w.executionId, w] as const));
  for (const row of await subscriptionsOf(tx, instanceId)) {
    if (!waiting.delete(row.execution_id)) await deleteSubscription(tx, row.id);
  }
  for (const w of waiting.values()) {
    if (w.kind !== 'message') continue;
    await insertSubscription(tx, { instance_id: instanceId, message_name: w.messageName, message_id: w.messageId, element_id: w.elementId, execution_id: w.executionId, created_at: now });
  }
}
