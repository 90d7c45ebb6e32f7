import type { Clock } from '../clock.ts';
import type { EngineCommand } from '../engine/commands.ts';
import type { TaskError } from '../engine/compile.ts';
import { badRequest, conflict, forbidden, notFound, ZhifaError } from '../errors.ts';
import type { Db, Tx } from '../store/db.ts';
import { appendHistory } from '../store/history.ts';
import { clocksOfCase, liveClocks } from '../store/clocks.ts';
import { casesWithDeadlinesFrom } from '../store/deadlines.ts';
import { departmentOfCase, instanceById, lockCase, lockInstance, rootIdOf, runningByTarget } from '../store/instances.ts';
import { fromJson } from '../store/json.ts';
import { agencyWideGroups } from '../store/users.ts';
import { bindAddress } from '../store/record-context.ts';
import { subscribersOf } from '../store/subscriptions.ts';
import type { CaseFilter } from '../store/case-search.ts';
import { assignTask, taskById, tasksForUser, TaskStatus, type TaskRow, type TaskWithCase } from '../store/tasks.ts';
import type { MessageCheck } from '../domain/message-check.ts';
import type { StartCheck } from '../domain/start-check.ts';
import type { SubmissionCheck } from '../domain/submission-check.ts';
import type { Actor } from './actor.ts';
import type { CaseClocks, ClockChange } from './case-clocks.ts';
import type { Definitions } from './definitions.ts';
import type { InstanceRunner } from './instance-runner.ts';
import { actingOnTask, identitiesOf, mayActOnTask } from './task-access.ts';
import { holderLabels } from './task-holders.ts';
import { shanghaiDate } from '../calendar/index.ts';
import { peopleNames } from './people-names.ts';
import { assertVariables } from './variables.ts';
import { DEFAULT_JSON_LIMITS, type JsonLimits } from '../domain/json-limits.ts';
import { checkText, TEXT_LIMITS } from '../domain/text-rules.ts';

export interface StartInput {
  processKey: string;
  businessKey?: string;
  variables?: unknown;
  /** A party of the register (/api/parties): the start form's party fields are filled from it. */
  partyId?: number;
}

/** The party register as a start uses it (src/workflow/party-register.ts). */
export interface StartParties {
  fillStart(tx: Tx, processKey: string, partyId: number, typed: Record<string, unknown>): Promise<Record<string, unknown>>;
  linkStart(tx: Tx, caseId: string, processKey: string, variables: Record<string, unknown>, partyId: number | undefined, actor: string | null): Promise<void>;
}

/** What a start, a task's submission and a message may set; each defaults to "anything" (engine tests). */
export interface WorkflowChecks {
  submission?: SubmissionCheck;
  message?: MessageCheck;
  start?: StartCheck;
  /** How deep and how large a command's variables may be. */
  variableLimits?: JsonLimits;
  /** The label under which a message that comes too late is recorded on its case (forms/<message>.json x-zhifa.recordLateAs), if any. */
  lateMessageLabel?: (name: string) => string | undefined;
  /** A message as a person names it (its form's title); by default its name. */
  messageLabel?: (name: string) => string;
  /** Links each new case to its party in the register. */
  parties?: StartParties;
}

/** A message that came after its case stopped waiting for it: recorded on the case, not applied. */
export interface LateMessage {
  instanceId: string;
  recordedAs: string;
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
    readonly definitions: Definitions,
    private readonly runner: InstanceRunner,
    readonly caseClocks: CaseClocks,
    private readonly clock: Clock,
    checks: WorkflowChecks = {},
  ) {
    this.checkSubmission = checks.submission ?? (async (_tx, _task, variables) => variables);
    this.checkMessage = checks.message ?? ((_name, variables) => variables);
    this.checkStart = checks.start ?? ((_key, variables) => variables);
    this.variableLimits = checks.variableLimits ?? DEFAULT_JSON_LIMITS;
    this.lateMessageLabel = checks.lateMessageLabel ?? (() => undefined);
    this.messageLabel = checks.messageLabel ?? ((name) => name);
    this.parties = checks.parties;
  }

  private readonly parties?: StartParties;

  private readonly lateMessageLabel: (name: string) => string | undefined;
  private readonly messageLabel: (name: string) => string;

  private readonly checkSubmission: SubmissionCheck;
  private readonly variableLimits: JsonLimits;
  private readonly checkMessage: MessageCheck;
  private readonly checkStart: StartCheck;

  async start(input: StartInput, actor: Actor): Promise<{ id: string }> {
    if (!input || typeof input.processKey !== 'string' || !input.processKey) throw badRequest('流程标识（processKey）为必填项：已部署流程的标识');
    if (input.businessKey !== undefined && (typeof input.businessKey !== 'string' || !input.businessKey)) throw badRequest('业务编号（businessKey）须为非空文本');
    if (input.businessKey !== undefined) checkText('业务编号（businessKey）', input.businessKey, TEXT_LIMITS.businessKey);
    checkText('流程标识（processKey）', input.processKey, TEXT_LIMITS.processId);
    const submitted = assertVariables(input.variables, this.variableLimits);
    if (input.partyId !== undefined && (!Number.isInteger(input.partyId) || input.partyId < 1)) throw badRequest('partyId 应为已登记当事人的编号（正整数）');
    return this.transaction(async (tx) => {
      const def = await this.definitions.latest(tx, input.processKey);
      const withParty = input.partyId !== undefined && this.parties ? await this.parties.fillStart(tx, def.key, input.partyId, submitted) : submitted;
      const variables = this.checkStart(def.key, withParty, actor, def.name ?? undefined);
      const id = await this.runner.start(tx, def.id, def.key, { businessKey: input.businessKey ?? null, variables, parent: null, actor: actor.username });
      await this.parties?.linkStart(tx, id, def.key, variables, input.partyId, actor.username);
      return { id };
    }, actor);
  }

  async claimTask(taskId: string, actor: Actor): Promise<TaskRow> {
    return this.transaction(async (tx) => {
      const { task, onBehalfOf } = await this.loadTaskForCommand(tx, taskId, actor);
      if (task.assignee && task.assignee !== actor.username) throw conflict(`任务「${taskName(task)}」已由${(await holderLabels(tx, [task]))[0]}认领`);
      await assignTask(tx, task.id, actor.username);
      await appendHistory(tx, [{ instanceId: task.instance_id, at: this.now(), actor: actor.username, kind: 'task.claimed', elementId: task.element_id, data: { taskId, ...(onBehalfOf && { onBehalfOf }) } }]);
      return { ...task, assignee: actor.username };
    }, actor);
  }

  async completeTask(taskId: string, rawVariables: unknown, actor: Actor, bpmnError?: { code: string; message?: string }): Promise<void> {
    const submitted = assertVariables(rawVariables, this.variableLimits);
    await this.transaction(async (tx) => {
      const { task, onBehalfOf } = await this.loadTaskForCommand(tx, taskId, actor);
      const variables = await this.checkSubmission(tx, task, submitted, actor.username, bpmnError && { bpmnError: true });
      if (bpmnError) await this.assertTaskRaises(tx, task, bpmnError.code);
      const command: EngineCommand = bpmnError
        ? { type: 'error', executionId: task.execution_id, errorCode: bpmnError.code, message: bpmnError.message }
        : { type: 'signal', executionId: task.execution_id, variables };
      const entry = { kind: bpmnError ? 'task.error' : 'task.completed', elementId: task.element_id, data: { taskId, variables, ...(bpmnError && { error: bpmnError }), ...(onBehalfOf && { onBehalfOf }) } };
      await this.runner.command(tx, task.instance_id, command, { actor: actor.username, entry, completedExecutionId: task.execution_id });
    }, actor);
  }

  /** The ways a task may end other than by its form: the errors its diagram catches on it (须先法制审核, 重新告知). */
  async taskErrors(db: Db | Tx, task: TaskRow): Promise<TaskError[]> {
    const inst = await instanceById(db, task.instance_id);
    if (!inst) return [];
    return (await this.definitions.compiledById(db, inst.definition_id)).taskErrors[task.element_id] ?? [];
  }

  /** An error the diagram does not catch on this task would end the case in failure: refused, naming what it can do. */
  private async assertTaskRaises(tx: Tx, task: TaskRow, code: string): Promise<void> {
    const known = await this.taskErrors(tx, task);
    if (known.some((e) => e.code === code)) return;
    const offered = known.length ? `本环节可以：${known.map((e) => `「${e.name}」（${e.code}）`).join('、')}` : '本环节只能提交表单';
    throw new ZhifaError('unprocessable', `「${task.name ?? task.element_id}」没有「${code}」这一处理方式：${offered}`);
  }

  async correlate(input: CorrelateInput, actor: Actor): Promise<{ instanceIds: string[]; late?: LateMessage[] }> {
    if (!input || typeof input.name !== 'string' || !input.name) throw badRequest('消息名称（name）为必填项：流程图中消息的名称');
    if (!input.businessKey && !input.instanceId) throw badRequest('须给出业务编号（businessKey）或案件编号（instanceId），才能确定消息送达哪个案件');
    checkText('消息名称（name）', input.name, TEXT_LIMITS.messageName);
    if (typeof input.businessKey === 'string') checkText('业务编号（businessKey）', input.businessKey, TEXT_LIMITS.businessKey);
    if (typeof input.instanceId === 'string') checkText('实例编号（instanceId）', input.instanceId);
    const sent = assertVariables(input.variables, this.variableLimits);
    return this.transaction(async (tx) => {
      const subs = await subscribersOf(tx, input.name, { instanceId: input.instanceId, businessKey: input.businessKey });
      // Checked once the waiting step is known, so a refusal names the message as the diagram does.
      const variables = this.checkMessage(input.name, sent, actor, await this.waitingStepName(tx, subs[0]));
      const lateAs = subs.length ? undefined : this.lateMessageLabel(input.name);
      if (lateAs) {
        // A party's act that comes after its period (a hearing request after the 5 working days)
        // is part of the case file: recorded and answered, never silently dropped.
        const cases = await runningByTarget(tx, { instanceId: input.instanceId, businessKey: input.businessKey });
        const now = this.clock.now().getTime();
        for (const c of cases) {
          await appendHistory(tx, [{ instanceId: c.id, at: now, actor: actor.username, kind: 'message.late', data: { name: input.name, recordedAs: lateAs, variables } }]);
        }
        if (cases.length) return { instanceIds: [], late: cases.map((c) => ({ instanceId: c.id, recordedAs: lateAs })) };
      }
      if (!subs.length) {
        const target = input.instanceId ? '此案件' : `业务编号为「${input.businessKey}」的案件`;
        throw notFound(`${target}没有在办理中并等待「${this.messageLabel(input.name)}」`);
      }
      const done = new Set<string>();
      for (const sub of subs) {
        if (done.has(sub.instance_id)) continue;
        done.add(sub.instance_id);
        const entry = { kind: 'message.correlated', elementId: sub.element_id, data: { name: input.name, variables } };
        await this.runner.command(tx, sub.instance_id, { type: 'signal', executionId: sub.execution_id, variables }, { actor: actor.username, entry });
      }
      return { instanceIds: [...done] };
    }, actor);
  }

  /** The name the diagram gives the step that waits for a message (收到听证申请), if one waits. */
  private async waitingStepName(tx: Tx, sub: { instance_id: string; element_id: string } | undefined): Promise<string | undefined> {
    const inst = sub && (await instanceById(tx, sub.instance_id));
    return inst ? (await this.definitions.compiledById(tx, inst.definition_id)).elementNames[sub.element_id] : undefined;
  }

  /** Resume an instance so that its due timers fire; used by the scheduler inside its claim transaction. */
  async fireInTx(tx: Tx, instanceId: string, jobId: number, elementId: string): Promise<void> {
    await this.runner.command(tx, instanceId, { type: 'resume' }, { actor: null, entry: { kind: 'timer.due', elementId, data: { jobId } } });
  }

  /**
   * Pause, resume, extend or stop a clock from outside the diagram (an approved extension, a hearing):
   * the clock the instance sees by that name, its own or a calling process's; a start is the instance's own.
   */
  async changeClock(instanceId: string, name: string, change: ClockChange, actor: Actor) {
    return this.transaction(async (tx) => {
      const row = await instanceById(tx, instanceId);
      if (!row) throw notFound('案件不存在');
      await lockInstance(tx, row.root_id);
      const derived = await this.caseClocks.apply(tx, instanceId, name, change, actor.username);
      await this.runner.refreshCase(tx, row.root_id, `clock "${name}" ${change.kind}${change.reason ? `: ${change.reason}` : ''}`, actor.username);
      return derived;
    }, actor);
  }

  /**
   * After a calendar change: for every case with a live clock or a deadline from `fromInstant` on,
   * derive its clocks again and refresh its instances, in one transaction per case, so a crash
   * leaves each case either wholly before or wholly after the change.
   */
  async recomputeDeadlines(fromInstant: number, why: string): Promise<number> {
    const cases = new Set([...(await liveClocks(this.db)).map((c) => c.case_id), ...(await casesWithDeadlinesFrom(this.db, fromInstant))]);
    let moved = 0;
    for (const caseId of cases) {
      moved += await this.transaction(async (tx) => {
        await lockCase(tx, caseId);
        let n = 0;
        for (const c of await clocksOfCase(tx, caseId)) if (c.status !== 'stopped' && (await this.caseClocks.recompute(tx, c, why))) n++;
        return n + (await this.runner.refreshCase(tx, caseId, why, null));
      });
    }
    return moved;
  }

  /** `actor`: whose command it is; their address goes on every record entry the command appends. */
  transaction<T>(fn: (tx: Tx) => Promise<T>, actor?: Actor): Promise<T> {
    const run = (tx: Tx) => {
      bindAddress(tx, actor?.address);
      return fn(tx);
    };
    // Engine errors (a failed element, a command over its step limit) roll the transaction back
    // and reach the HTTP edge as they are; src/http/problem.ts decides their status.
    return this.db.transaction(run);
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  /** Today in Shanghai: the day a deputy's range is read for. */
  today(): string {
    return shanghaiDate(this.clock.now());
  }

  /**
   * The open tasks a user may work: assigned to them, or offered to one of their groups for a case
   * that group acts on; and, while they stand in for someone on leave, that person's too (marked `on_behalf_of`).
   */
  async tasksFor(actor: Actor, filter: CaseFilter = {}): Promise<TaskWithCase[]> {
    const identities = await identitiesOf(this.db, actor, this.today());
    const rows = await tasksForUser(this.db, identities.map((i) => i.username), [...new Set(identities.flatMap((i) => i.groups))], filter);
    const agencyWide = await agencyWideGroups(this.db);
    return rows.flatMap((row) => {
      const as = identities.find((i) => mayActOnTask(row, row.case_department, i, agencyWide));
      return as ? [{ ...row, on_behalf_of: as.onBehalfOf }] : [];
    });
  }

  /** Loads an open task under its case's lock, refused unless the actor may act on it (themself or as a deputy). */
  async loadTaskForCommand(tx: Tx, taskId: string, actor: Actor): Promise<{ task: TaskRow; onBehalfOf: string | null }> {
    const found = await taskById(tx, taskId);
    if (!found) throw notFound('任务不存在');
    // Lock order is always the case root, then the instance, then its rows: a timer firing on the
    // same case cannot deadlock with us.
    await lockCase(tx, (await rootIdOf(tx, found.instance_id))!);
    const task = (await taskById(tx, taskId))!;
    const acting = await actingOnTask(tx, task, actor, this.today());
    if (!acting) throw forbidden(`任务「${taskName(task)}」不由您办理：${await holderWords(tx, task)}`);
    if (task.status !== TaskStatus.open) throw conflict(`任务「${taskName(task)}」已${task.status === TaskStatus.completed ? '办结' : '结束'}`);
    return { task, onBehalfOf: acting.onBehalfOf };
  }

}

/** A task as a person names it: its step's name in the diagram. */
const taskName = (task: TaskRow) => task.name ?? task.element_id;

/** Who a refused task is for, in words: its holder's display name, or the groups (by name, in the case's department) it is offered to. */
async function holderWords(db: Db | Tx, task: TaskRow): Promise<string> {
  if (task.assignee) return `它已分配给${(await holderLabels(db, [task]))[0]}`;
  const groups = fromJson<string[]>(task.candidate_groups, []);
  if (!groups.length) return '它没有交给任何人办理';
  const names = await peopleNames(db, []);
  const department = await departmentOfCase(db, (await rootIdOf(db, task.instance_id)) ?? task.instance_id);
  const agencyWide = await agencyWideGroups(db);
  return `它交由${groups.map((g) => (department && !agencyWide.has(g) ? `${department}的${names.group(g)}` : names.group(g))).join('、')}办理`;
}
