import type { EventEmitter } from 'node:events';
import type { Clock } from '../clock.ts';
import type { WaitPoint } from './commands.ts';
import { resolveDue } from './due.ts';
import { resolveAttribute, resolveList } from './expressions.ts';
import type { PeriodResolver } from './periods.ts';
import type { RunContext } from './run-context.ts';

export interface ElementApi {
  id: string;
  type: string;
  name?: string;
  content: Record<string, any>;
  owner: { behaviour?: Record<string, any> };
  environment: { variables: Record<string, unknown>; assignVariables(v: Record<string, unknown>): void };
  signal(message?: unknown): void;
  sendApiMessage(action: string, content?: unknown): void;
}

/**
 * Follows what an instance is waiting on during one run. Waits are re-announced on every
 * resume, so the set at the end of a run is the whole truth, not a delta: callers reconcile
 * their rows against it instead of inserting on each event.
 */
export class WaitTracker {
  private readonly open = new Map<string, { point: WaitPoint; api: ElementApi }>();

  constructor(listener: EventEmitter, private readonly clock: Clock, private readonly periods: PeriodResolver, private readonly context: RunContext) {
    listener.on('activity.wait', (api: ElementApi) => this.onWait(api));
    listener.on('activity.call', (api: ElementApi) =>
      this.add(api, { kind: 'call', elementId: api.id, executionId: api.content.executionId, calledElement: String(api.content.calledElement) }),
    );
    listener.on('activity.leave', (api: ElementApi) => this.open.delete(api.content.executionId));
  }

  apiOf(executionId: string): ElementApi | undefined {
    return this.open.get(executionId)?.api;
  }

  waits(): WaitPoint[] {
    return [...this.open.values()].map((w) => w.point);
  }

  private add(api: ElementApi, point: WaitPoint) {
    this.open.set(point.executionId, { point, api });
  }

  private onWait(api: ElementApi) {
    const executionId = api.content.executionId as string;
    const message = api.content.message as { id?: string; name?: string } | undefined;
    if (message?.id) {
      return this.add(api, { kind: 'message', elementId: api.id, executionId, messageId: message.id, messageName: message.name ?? message.id });
    }
    if (api.type === 'bpmn:UserTask') return this.add(api, this.userTask(api, executionId));
    this.add(api, { kind: 'other', elementId: api.id, executionId, type: api.type });
  }

  private userTask(api: ElementApi, executionId: string): WaitPoint {
    const b = api.owner.behaviour ?? {};
    const vars = api.environment.variables;
    const dueSpec = resolveAttribute(b.dueDate, vars);
    const dueFrom = this.clock.now();
    return {
      kind: 'userTask',
      elementId: api.id,
      executionId,
      name: api.name,
      formKey: resolveAttribute(b.formKey, vars),
      assignee: resolveAttribute(b.assignee, vars),
      candidateGroups: resolveList(b.candidateGroups, vars),
      // Only a new task takes this: the rows keep spec and start, and recompute from those.
      dueSpec,
      dueFrom,
      dueAt: dueSpec ? (resolveDue(dueSpec, dueFrom, this.periods, this.context.clocks) ?? undefined) : undefined,
    };
  }
}
