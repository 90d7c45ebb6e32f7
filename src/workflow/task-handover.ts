import { parseIsoDate } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import { badRequest, conflict, forbidden, notFound, ZhifaError } from '../errors.ts';
import type { DbOrTx } from '../store/db.ts';
import { deputyOf, principalsFrom, putDeputy, removeDeputy } from '../store/deputies.ts';
import { appendHistory } from '../store/history.ts';
import { departmentOfCase, lockCase, rootIdOf } from '../store/instances.ts';
import { fromJson } from '../store/json.ts';
import { reassignTask, releaseTask, taskById, TaskStatus, type TaskRow } from '../store/tasks.ts';
import { accessOf, agencyWideGroups, listGroups, listUsers, userByName, usersByName, type UserRow } from '../store/users.ts';
import type { Actor } from './actor.ts';
import { mayActOnTask } from './task-access.ts';
import type { Workflow } from './workflow.ts';

/** Who may hand a task to someone else: a head (agency-wide) or a manager (their own department's cases). */
const HEADS_GROUP = 'heads';
const MANAGER_ROLE = 'manager';
/**
 * Groups whose tasks are enforcement acts (Penalty Law arts. 42 and 55: by officers holding a
 * valid enforcement certificate): a task of these groups is handed only to a certified person.
 */
const CERTIFIED_GROUPS = new Set(['officers']);
const REASON_MAX = 500;

const unprocessable = (detail: string) => new ZhifaError('unprocessable', detail);
const taskName = (t: TaskRow) => t.name ?? t.element_id;

export interface ReassignInput {
  to?: unknown;
  reason?: unknown;
}

export interface DeputyInput {
  deputy?: unknown;
  from?: unknown;
  to?: unknown;
  reason?: unknown;
}

export interface DeputyView {
  /** Whom this user named to stand in for them, if anyone. */
  deputy: { username: string; name: string; from: string; to: string; reason: string | null } | null;
  /** Whom this user stands in for (ranges not yet over). */
  standingInFor: Array<{ username: string; name: string; from: string; to: string }>;
}

/** A person a task may be handed to, with the name shown for them. */
export interface Candidate {
  username: string;
  name: string;
}

/** Whether this user may reassign the tasks of a case of `caseDepartment` (null: a case of no department). */
export function mayReassign(user: Pick<Actor, 'groups' | 'roles' | 'department'>, caseDepartment: string | null): boolean {
  if (user.groups.includes(HEADS_GROUP)) return true;
  return user.roles.includes(MANAGER_ROLE) && !!user.department && (caseDepartment === null || caseDepartment === user.department);
}

function reasonOf(value: unknown, required: boolean): string | null {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (!reason) {
    if (required) throw unprocessable('请填写改派理由');
    return null;
  }
  if ([...reason].length > REASON_MAX) throw unprocessable(`理由不能超过 ${REASON_MAX} 个字`);
  return reason;
}

const nameOf = (u: Pick<UserRow, 'display_name' | 'username'>) => u.display_name ?? u.username;

/**
 * Handing a task over: its holder releases it to its groups, a head or manager reassigns it to a
 * named person who may act on it, and a user on leave names a deputy (代理人). The JSON API and the
 * pages call these; each change of holder is one entry in the case's record (who, to whom, when, why).
 */
export class TaskHandover {
  constructor(private readonly workflow: Workflow, private readonly clock: Clock) {}

  private get db() {
    return this.workflow.db;
  }

  /** The holder (or their deputy) gives the task back to the groups it is offered to. */
  async release(taskId: string, actor: Actor, reasonValue?: unknown): Promise<TaskRow> {
    const reason = reasonOf(reasonValue, false);
    return this.workflow.transaction(async (tx) => {
      const { task, onBehalfOf } = await this.workflow.loadTaskForCommand(tx, taskId, actor);
      if (!task.assignee) throw conflict(`「${taskName(task)}」尚无人认领，无需退回`);
      if (!fromJson<string[]>(task.candidate_groups, []).length) throw conflict(`「${taskName(task)}」由流程指定办理人，不能退回`);
      await releaseTask(tx, task.id);
      await appendHistory(tx, [{ instanceId: task.instance_id, at: this.clock.now().getTime(), actor: actor.username, kind: 'task.released', elementId: task.element_id, data: { taskId, from: task.assignee, reason, ...(onBehalfOf && { onBehalfOf }) } }]);
      return { ...task, assignee: null };
    }, actor);
  }

  /** A head or manager hands an open task to a named person who may act on it (same groups and department, certified where the task needs it). */
  async reassign(taskId: string, actor: Actor, input: ReassignInput): Promise<TaskRow> {
    const to = typeof input?.to === 'string' ? input.to.trim() : '';
    if (!to) throw badRequest('请选择接手任务的人员');
    const reason = reasonOf(input?.reason, true)!;
    return this.workflow.transaction(async (tx) => {
      const found = await taskById(tx, taskId);
      if (!found) throw notFound('任务不存在');
      const caseId = (await rootIdOf(tx, found.instance_id)) ?? found.instance_id;
      await lockCase(tx, caseId);
      const task = (await taskById(tx, taskId))!;
      if (task.status !== TaskStatus.open) throw conflict(`「${taskName(task)}」已办结，不能改派`);
      const department = await departmentOfCase(tx, caseId);
      if (!mayReassign(actor, department)) throw forbidden(`只有负责人或本部门（${department ?? '未设部门'}）的管理人员可以改派此任务`);
      const target = await this.assertEligible(tx, task, department, to);
      if (task.assignee === to) throw unprocessable(`「${taskName(task)}」已由 ${nameOf(target)} 办理`);
      await reassignTask(tx, task.id, to);
      await appendHistory(tx, [{ instanceId: task.instance_id, at: this.clock.now().getTime(), actor: actor.username, kind: 'task.reassigned', elementId: task.element_id, data: { taskId, from: task.assignee, to, reason } }]);
      return { ...task, assignee: to };
    }, actor);
  }

  /** The people a task may be handed to, for the reassignment picker. */
  async candidates(task: TaskRow): Promise<Candidate[]> {
    const caseId = (await rootIdOf(this.db, task.instance_id)) ?? task.instance_id;
    const department = await departmentOfCase(this.db, caseId);
    const out: Candidate[] = [];
    for (const u of await listUsers(this.db)) if (!(await this.whyNot(this.db, task, department, u))) out.push({ username: u.username, name: nameOf(u) });
    return out;
  }

  /** Whether this user may reassign this task (for showing the form). */
  async mayReassignTask(user: Actor, task: TaskRow): Promise<boolean> {
    if (task.status !== TaskStatus.open || !fromJson<string[]>(task.candidate_groups, []).length) return false;
    return mayReassign(user, await departmentOfCase(this.db, (await rootIdOf(this.db, task.instance_id)) ?? task.instance_id));
  }

  private async assertEligible(db: DbOrTx, task: TaskRow, department: string | null, username: string): Promise<UserRow> {
    const user = await userByName(db, username);
    if (!user || !user.active) throw unprocessable(`「${username}」不是本系统的在用账号`);
    const why = await this.whyNot(db, task, department, user);
    if (why) throw unprocessable(why);
    return user;
  }

  /** Why this person may not take the task over, or null when they may. */
  private async whyNot(db: DbOrTx, task: TaskRow, department: string | null, user: UserRow): Promise<string | null> {
    const offered = fromJson<string[]>(task.candidate_groups, []);
    if (!offered.length) return `「${taskName(task)}」由流程指定办理人，不能改派`;
    const { groups } = await accessOf(db, user);
    if (!mayActOnTask({ assignee: null, candidate_groups: task.candidate_groups }, department, { username: user.username, groups, department: user.department }, await agencyWideGroups(db))) {
      const groupNames = new Map((await listGroups(db)).map((g) => [g.id, g.name]));
      return `${nameOf(user)} 不能办理「${taskName(task)}」：须为${offered.map((g) => groupNames.get(g) ?? g).join('、')}${department ? `且属于本案所属部门（${department}）` : ''}`;
    }
    const certified = !!user.certificate_no && Number(user.certificate_valid_until ?? 0) > this.clock.now().getTime();
    if (offered.some((g) => CERTIFIED_GROUPS.has(g)) && !certified) return `${nameOf(user)} 没有有效的执法证，不能办理「${taskName(task)}」`;
    return null;
  }

  /** Names a deputy for a range of days (Shanghai, both included); replaces any deputy named before. */
  async setDeputy(actor: Actor, input: DeputyInput): Promise<DeputyView> {
    const deputy = typeof input?.deputy === 'string' ? input.deputy.trim() : '';
    if (!deputy) throw badRequest('请选择代理人');
    const from = dayOf(input?.from, '代理开始日期');
    const to = dayOf(input?.to, '代理结束日期');
    if (to < from) throw unprocessable(`代理结束日期 ${to} 早于开始日期 ${from}，请重新选择`);
    const today = this.workflow.today();
    if (to < today) throw unprocessable(`代理结束日期 ${to} 已经过去`);
    const reason = reasonOf(input?.reason, false);
    if (deputy === actor.username) throw unprocessable('不能指定自己为代理人');
    const user = await userByName(this.db, deputy);
    if (!user || !user.active) throw unprocessable(`「${deputy}」不是本系统的在用账号`);
    if (actor.department && user.department !== actor.department) throw unprocessable(`代理人须为本部门（${actor.department}）的人员，${nameOf(user)} 不是`);
    await putDeputy(this.db, { principal: actor.username, deputy, starts_on: from, ends_on: to, reason, set_at: this.clock.now().getTime() });
    return this.deputyView(actor.username);
  }

  async clearDeputy(actor: Actor): Promise<DeputyView> {
    await removeDeputy(this.db, actor.username);
    return this.deputyView(actor.username);
  }

  async deputyView(username: string): Promise<DeputyView> {
    const mine = await deputyOf(this.db, username);
    const standing = await principalsFrom(this.db, username, this.workflow.today());
    const names = new Map((await usersByName(this.db, [...(mine ? [mine.deputy] : []), ...standing.map((s) => s.principal)])).map((u) => [u.username, nameOf(u)]));
    return {
      deputy: mine ? { username: mine.deputy, name: names.get(mine.deputy) ?? mine.deputy, from: mine.starts_on, to: mine.ends_on, reason: mine.reason } : null,
      standingInFor: standing.map((s) => ({ username: s.principal, name: names.get(s.principal) ?? s.principal, from: s.starts_on, to: s.ends_on })),
    };
  }

  /** People who may stand in for this user: active colleagues of their department (everyone when they have none). */
  async deputyCandidates(actor: Actor): Promise<Candidate[]> {
    return (await listUsers(this.db))
      .filter((u) => u.username !== actor.username && u.username !== 'admin' && (!actor.department || u.department === actor.department))
      .map((u) => ({ username: u.username, name: nameOf(u) }));
  }
}

function dayOf(value: unknown, label: string): string {
  try {
    parseIsoDate(value);
    return value as string;
  } catch {
    throw badRequest(`${label}「${value === undefined ? '' : String(value)}」不是有效日期，请按 2026-01-31 的格式填写`);
  }
}
