import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { EngineCommand } from '../engine/commands.ts';
import { EngineRunError, type ProcessEngine } from '../engine/runner.ts';
import { badRequest, conflict, forbidden, notFound, ZhifaError } from '../errors.ts';
import type { Db, Tx } from '../store/db.ts';
import { appendHistory } from '../store/history.ts';
import { insertInstance, InstanceStatus, lockInstance, saveInstance, type InstanceRow } from '../store/instances.ts';
import { toJson } from '../store/json.ts';
import { subscribersOf } from '../store/subscriptions.ts';
import { assignTask, taskById, TaskStatus, type TaskRow } from '../store/tasks.ts';
import type { Actor } from './actor.ts';
import { applyOutcome, type FollowUp } from './apply-outcome.ts';
import type { Definitions } from './definitions.ts';
import { assertVariables } from './variables.ts';

export interface StartInput {
  processKey: string;
  businessKey?: string;
  variables?: unknown;
}

export interface CorrelateInput {
  name: string;
  businessKey?: string;
  instanceId?: string;
  variables?: unknown;
}

/**
 * The commands of the workflow server. Each runs in one transaction: lock the instance, run the
 * engine from its stored state, reconcile the rows that mirror it, then do the follow-ups (child
 * processes, parents waiting on a call activity) in the same transaction. Nothing is kept in memory.
 */
export class Workflow {
  constructor(
    readonly db: Db,
    private readonly engine: ProcessEngine,
    readonly definitions: Definitions,
    private readonly clock: Clock,
  ) {}

  async start(input: StartInput, actor: Actor): Promise<{ id: string }> {
    if (!input || typeof input.processKey !== 'string' || !input.processKey) throw badRequest('processKey is required: the key (id) of a deployed process');
    if (input.businessKey !== undefined && (typeof input.businessKey !== 'string' || !input.businessKey)) throw badRequest('businessKey must be a non-empty string');
    const variables = assertVariables(input.variables);
    return this.transaction(async (tx) => {
      const def = await this.definitions.latest(tx, input.processKey);
      const id = await this.startInTx(tx, def.id, def.key, { businessKey: input.businessKey ?? null, variables, parent: null, actor: actor.username });
      return { id };
    });
  }

  async claimTask(taskId: string, actor: Actor): Promise<TaskRow> {
    return this.transaction(async (tx) => {
      const task = await this.loadTaskForCommand(tx, taskId, actor);
      if (task.assignee && task.assignee !== actor.username) throw conflict(`task ${taskId} is already claimed by ${task.assignee}`);
      await assignTask(tx, task.id, actor.username);
      await appendHistory(tx, [{ instanceId: task.instance_id, at: this.now(), actor: actor.username, kind: 'task.claimed', elementId: task.element_id, data: { taskId } }]);
      return { ...task, assignee: actor.username };
    });
  }

  async completeTask(taskId: string, rawVariables: unknown, actor: Actor, bpmnError?: { code: string; message?: string }): Promise<void> {
    const variables = assertVariables(rawVariables);
    await this.transaction(async (tx) => {
      const task = await this.loadTaskForCommand(tx, taskId, actor);
      const command: EngineCommand = bpmnError
        ? { type: 'error', executionId: task.execution_id, errorCode: bpmnError.code, message: bpmnError.message }
        : { type: 'signal', executionId: task.execution_id, variables };
      const entry = { kind: bpmnError ? 'task.error' : 'task.completed', elementId: task.element_id, data: { taskId, variables, ...(bpmnError && { error: bpmnError }) } };
      await this.commandInTx(tx, task.instance_id, command, actor.username, entry, task.execution_id);
    });
  }

  async correlate(input: CorrelateInput, actor: Actor): Promise<{ instanceIds: string[] }> {
    if (!input || typeof input.name !== 'string' || !input.name) throw badRequest('name (the BPMN message name) is required');
    if (!input.businessKey && !input.instanceId) throw badRequest('either businessKey or instanceId is required to correlate a message');
    const variables = assertVariables(input.variables);
    return this.transaction(async (tx) => {
      const subs = await subscribersOf(tx, input.name, { instanceId: input.instanceId, businessKey: input.businessKey });
      if (!subs.length) {
        const target = input.instanceId ? `instance ${input.instanceId}` : `business key "${input.businessKey}"`;
        throw notFound(`no running instance with ${target} waits for message "${input.name}"`);
      }
      const done = new Set<string>();
      for (const sub of subs) {
        if (done.has(sub.instance_id)) continue;
        done.add(sub.instance_id);
        const entry = { kind: 'message.correlated', elementId: sub.element_id, data: { name: input.name, variables } };
        await this.commandInTx(tx, sub.instance_id, { type: 'signal', executionId: sub.execution_id, variables }, actor.username, entry);
      }
      return { instanceIds: [...done] };
    });
  }

  /** Resume an instance so that its due timers fire; used by the scheduler inside its claim transaction. */
  async fireInTx(tx: Tx, instanceId: string, jobId: number, elementId: string): Promise<void> {
    await this.commandInTx(tx, instanceId, { type: 'resume' }, null, { kind: 'timer.due', elementId, data: { jobId } });
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(fn).catch((err: unknown) => {
      if (err instanceof EngineRunError) throw new ZhifaError('unprocessable', `the process could not run this command: ${err.message}`, { cause: err });
      throw err;
    });
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private async loadTaskForCommand(tx: Tx, taskId: string, actor: Actor): Promise<TaskRow> {
    const found = await taskById(tx, taskId);
    if (!found) throw notFound(`task ${taskId} does not exist`);
    // Lock order is always instance first, so a timer firing on the same instance cannot deadlock with us.
    await lockInstance(tx, found.instance_id);
    const task = (await taskById(tx, taskId))!;
    const groups = JSON.parse(task.candidate_groups) as string[];
    const mine = task.assignee ? task.assignee === actor.username : groups.some((g) => actor.groups.includes(g));
    if (!mine) throw forbidden(`task ${taskId} is not yours: it is ${task.assignee ? `assigned to ${task.assignee}` : `offered to ${groups.join(', ') || 'nobody'}`}`);
    if (task.status !== TaskStatus.open) throw conflict(`task ${taskId} is already ${task.status}`);
    return task;
  }

  private async startInTx(
    tx: Tx,
    definitionId: number,
    key: string,
    opts: { businessKey: string | null; variables: Record<string, unknown>; parent: { row: InstanceRow; executionId: string } | null; actor: string | null },
  ): Promise<string> {
    const id = randomUUID();
    const compiled = await this.definitions.compiledById(tx, definitionId);
    const out = await this.engine.run(id, compiled, null, { type: 'start', variables: opts.variables });
    const now = this.now();
    const row: InstanceRow = {
      id,
      definition_id: definitionId,
      process_key: key,
      business_key: opts.businessKey ?? opts.parent?.row.business_key ?? null,
      status: out.status === 'completed' ? InstanceStatus.completed : InstanceStatus.running,
      state: toJson(out.state),
      variables: toJson(out.variables),
      revision: 1,
      root_id: opts.parent?.row.root_id ?? id,
      parent_id: opts.parent?.row.id ?? null,
      parent_execution_id: opts.parent?.executionId ?? null,
      started_by: opts.actor,
      started_at: now,
      updated_at: now,
      ended_at: out.status === 'completed' ? now : null,
      error: null,
    };
    await insertInstance(tx, row);
    await appendHistory(tx, [{ instanceId: id, at: now, actor: opts.actor, kind: 'instance.started', data: { processKey: key, definitionId, variables: opts.variables, parentId: row.parent_id } }]);
    await this.followUp(tx, await applyOutcome(tx, row, out, { actor: opts.actor, now }));
    return id;
  }

  private async commandInTx(
    tx: Tx,
    instanceId: string,
    command: EngineCommand,
    actor: string | null,
    entry: { kind: string; elementId?: string; data?: unknown },
    completedExecutionId?: string,
  ): Promise<void> {
    const row = await lockInstance(tx, instanceId);
    if (!row) throw notFound(`instance ${instanceId} does not exist`);
    if (row.status !== InstanceStatus.running) throw conflict(`instance ${instanceId} is ${row.status}`);
    const compiled = await this.definitions.compiledById(tx, row.definition_id);
    const out = await this.engine.run(instanceId, compiled, JSON.parse(row.state!), command);
    const now = this.now();
    const completed = out.status === 'completed';
    const saved = await saveInstance(tx, instanceId, row.revision, {
      state: toJson(out.state),
      variables: toJson(out.variables),
      status: completed ? InstanceStatus.completed : InstanceStatus.running,
      updated_at: now,
      ended_at: completed ? now : null,
    });
    if (!saved) throw conflict(`instance ${instanceId} was changed by another command; try again`);
    await appendHistory(tx, [{ instanceId, at: now, actor, kind: entry.kind, elementId: entry.elementId ?? null, data: entry.data }]);
    await this.followUp(tx, await applyOutcome(tx, row, out, { actor, now, completedExecutionId }));
  }

  private async followUp(tx: Tx, items: FollowUp[]): Promise<void> {
    for (const item of items) {
      if (item.kind === 'startChild') {
        const def = await this.definitions.latest(tx, item.call.calledElement);
        await this.startInTx(tx, def.id, def.key, {
          businessKey: null,
          variables: item.variables,
          parent: { row: item.parent, executionId: item.call.executionId },
          actor: null,
        });
      } else {
        const entry = { kind: 'call.returned', data: { executionId: item.executionId } };
        await this.commandInTx(tx, item.parentId, { type: 'signal', executionId: item.executionId, variables: item.variables }, null, entry);
      }
    }
  }
}
