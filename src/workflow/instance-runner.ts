import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { EngineCommand, RunOutcome } from '../engine/commands.ts';
import { resolveDue } from '../engine/due.ts';
import type { PeriodResolver } from '../engine/periods.ts';
import type { ProcessEngine } from '../engine/runner.ts';
import { conflict, notFound } from '../errors.ts';
import type { Tx } from '../store/db.ts';
import { liveClocksOfScope } from '../store/clocks.ts';
import { appendHistory } from '../store/history.ts';
import { cancelInstance, childrenOf, insertInstance, instanceById, InstanceStatus, lockCase, lockInstance, rootIdOf, runningOfCase, saveInstance, type InstanceRow } from '../store/instances.ts';
import { toJson } from '../store/json.ts';
import { applyOutcome, orphanedChildren, type FollowUp } from './apply-outcome.ts';
import type { CaseClocks } from './case-clocks.ts';
import type { ClockServiceContext } from './clock-services.ts';
import type { Definitions } from './definitions.ts';

export interface HistoryEntry {
  kind: string;
  elementId?: string;
  data?: unknown;
}

export interface CommandOptions {
  actor: string | null;
  /** Recorded on the case; omitted for a refresh, which records only what moved. */
  entry?: HistoryEntry;
  completedExecutionId?: string;
  reason?: string;
}

/**
 * Runs one instance inside the caller's transaction: lock, recover from the stored state, run one
 * command, save with an optimistic revision, reconcile the mirrored rows, then the follow-ups
 * (child processes, parents waiting on a call activity, and, when a case clock moved, every
 * instance of the case so timers and due dates bound to the clock follow it).
 */
export class InstanceRunner {
  constructor(
    private readonly engine: ProcessEngine,
    private readonly definitions: Definitions,
    private readonly caseClocks: CaseClocks,
    private readonly periods: PeriodResolver,
    private readonly clock: Clock,
  ) {}

  async start(
    tx: Tx,
    definitionId: number,
    key: string,
    opts: { businessKey: string | null; variables: Record<string, unknown>; parent: { row: InstanceRow; executionId: string } | null; actor: string | null },
  ): Promise<string> {
    const id = randomUUID();
    const now = this.now();
    // The row exists before the run, so services (clocks) may refer to the case it starts.
    const row: InstanceRow = {
      id,
      definition_id: definitionId,
      process_key: key,
      business_key: opts.businessKey ?? opts.parent?.row.business_key ?? null,
      status: InstanceStatus.running,
      state: null,
      variables: toJson(opts.variables),
      revision: 0,
      root_id: opts.parent?.row.root_id ?? id,
      parent_id: opts.parent?.row.id ?? null,
      parent_execution_id: opts.parent?.executionId ?? null,
      started_by: opts.actor,
      started_at: now,
      updated_at: now,
      ended_at: null,
      error: null,
    };
    await insertInstance(tx, row);
    await appendHistory(tx, [{ instanceId: id, at: now, actor: opts.actor, kind: 'instance.started', data: { processKey: key, definitionId, variables: opts.variables, parentId: row.parent_id } }]);
    await this.run(tx, row, { type: 'start', variables: opts.variables }, { actor: opts.actor });
    return id;
  }

  /** Returns how many deadlines (task due dates, timers) moved. */
  async command(tx: Tx, instanceId: string, command: EngineCommand, opts: CommandOptions): Promise<number> {
    const rootId = await rootIdOf(tx, instanceId);
    if (!rootId) throw notFound('案件不存在');
    // The case's root is its mutex: every command locks it first, so parent, child and clock
    // commands of one case queue up instead of deadlocking.
    if (rootId !== instanceId) await lockCase(tx, rootId);
    const row = (await lockInstance(tx, instanceId))!;
    if (row.status !== InstanceStatus.running) throw conflict(`instance ${instanceId} is ${row.status}`);
    return this.run(tx, row, command, opts);
  }

  /** Resume every running instance of a case so that what is bound to its clocks or calendar is derived again. */
  async refreshCase(tx: Tx, caseId: string, reason: string, actor: string | null): Promise<number> {
    let moved = 0;
    for (const inst of await runningOfCase(tx, caseId)) {
      // An earlier resume in this loop may have ended it (a child returning to its parent).
      if ((await instanceById(tx, inst.id))?.status !== InstanceStatus.running) continue;
      moved += await this.command(tx, inst.id, { type: 'resume' }, { actor, reason });
    }
    return moved;
  }

  private async run(tx: Tx, row: InstanceRow, command: EngineCommand, opts: CommandOptions): Promise<number> {
    const compiled = await this.definitions.compiledById(tx, row.definition_id);
    const clocks = compiled.features.caseClocks ? await this.caseClocks.dues(tx, row.id) : {};
    const services: ClockServiceContext = { tx, caseId: row.root_id, actor: opts.actor, clocks, changed: [] };
    const out: RunOutcome = await this.engine.run(row.id, compiled, row.state ? JSON.parse(row.state) : null, command, { clocks, services });
    const now = this.now();
    const completed = out.status === 'completed';
    const saved = await saveInstance(tx, row.id, row.revision, {
      state: toJson(out.state),
      variables: toJson(out.variables),
      status: completed ? InstanceStatus.completed : InstanceStatus.running,
      updated_at: now,
      ended_at: completed ? now : null,
    });
    if (!saved) throw conflict(`instance ${row.id} was changed by another command; try again`);
    const { followUps, moved } = await applyOutcome(tx, row, out, {
      actor: opts.actor,
      now,
      entry: opts.entry,
      features: compiled.features,
      completedExecutionId: opts.completedExecutionId,
      reason: opts.reason ?? 'recomputed',
      dueOf: (spec, from) => resolveDue(spec, from, this.periods, clocks),
    });
    await this.followUp(tx, followUps);
    if (compiled.features.callActivities) for (const child of await orphanedChildren(tx, row, out)) await this.cancelTree(tx, child, opts.actor);
    if (services.changed.length) return moved + (await this.refreshCase(tx, row.root_id, services.changed.join('; '), opts.actor));
    return moved;
  }

  private async cancelTree(tx: Tx, row: InstanceRow, actor: string | null): Promise<void> {
    const now = this.now();
    for (const child of await childrenOf(tx, row.id)) if (child.status === InstanceStatus.running) await this.cancelTree(tx, child, actor);
    // A cancelled review's limit no longer runs: left running, it would read as overdue forever.
    for (const clock of await liveClocksOfScope(tx, row.id)) await this.caseClocks.apply(tx, row.id, clock.name, { kind: 'stop', reason: 'the process was cancelled' }, actor);
    await cancelInstance(tx, row.id, now);
    await appendHistory(tx, [{ instanceId: row.id, at: now, actor, kind: 'instance.cancelled', data: { reason: 'the calling activity no longer waits for it' } }]);
  }

  private async followUp(tx: Tx, items: FollowUp[]): Promise<void> {
    for (const item of items) {
      if (item.kind === 'startChild') {
        const def = await this.definitions.latest(tx, item.call.calledElement);
        await this.start(tx, def.id, def.key, { businessKey: null, variables: item.variables, parent: { row: item.parent, executionId: item.call.executionId }, actor: null });
      } else {
        if ((await instanceById(tx, item.parentId))?.status !== InstanceStatus.running) continue;
        const entry = { kind: 'call.returned', data: { executionId: item.executionId } };
        await this.command(tx, item.parentId, { type: 'signal', executionId: item.executionId, variables: item.variables }, { actor: null, entry });
      }
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
