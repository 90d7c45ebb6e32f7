import type { DbOrTx } from '../store/db.ts';
import { departmentOfCase, rootIdOf } from '../store/instances.ts';
import { fromJson } from '../store/json.ts';
import { principalsOn } from '../store/deputies.ts';
import { accessOf, agencyWideGroups, userByName } from '../store/users.ts';

/** Who asks: their groups and department (a user, an actor of a command, a member being reminded). */
export interface TaskUser {
  username: string;
  groups: string[];
  department?: string | null;
}

/** What decides who may act on a task: whom it is assigned to, else the groups it is offered to. */
export interface TaskOffer {
  assignee: string | null;
  /** JSON list, as stored. */
  candidate_groups: string;
}

/**
 * Whether a task offered to candidate groups is offered to this user: one of its groups must be
 * theirs, and a department's own group (officers, case reviewers) acts only on that department's
 * cases; a group serving the whole agency (legal review, leadership) acts on every case. A case
 * opened by someone without a department belongs to no department and is open to every member.
 */
export function offeredTo(taskGroups: string[], caseDepartment: string | null, user: Pick<TaskUser, 'groups' | 'department'>, agencyWide: Set<string>): boolean {
  return taskGroups.some((g) => user.groups.includes(g) && (agencyWide.has(g) || caseDepartment === null || caseDepartment === (user.department ?? null)));
}

/**
 * May this user act on (claim, complete) this task: the one rule behind the API's commands, the
 * task list, the task page's form, the dashboard's supervision list and the reminders. An assigned
 * task is its assignee's alone; an unassigned one is its groups' members', within the case's department.
 */
export function mayActOnTask(task: TaskOffer, caseDepartment: string | null, user: TaskUser, agencyWide: Set<string>): boolean {
  if (task.assignee) return task.assignee === user.username;
  return offeredTo(fromJson<string[]>(task.candidate_groups, []), caseDepartment, user, agencyWide);
}

/** The same rule for one task read on its own: looks up the case's department and the agency-wide groups. */
export async function mayActOnTaskOf(db: DbOrTx, task: TaskOffer & { instance_id: string }, user: TaskUser): Promise<boolean> {
  if (task.assignee) return task.assignee === user.username;
  const caseId = (await rootIdOf(db, task.instance_id)) ?? task.instance_id;
  return mayActOnTask(task, await departmentOfCase(db, caseId), user, await agencyWideGroups(db));
}

/** Someone a user may act as today: themself, or a user on leave whose deputy (代理人) they are. */
export interface ActingAs extends TaskUser {
  /** The user stood in for; null when acting in one's own right. */
  onBehalfOf: string | null;
}

/** The user, then everyone they stand in for on `day` (Shanghai, YYYY-MM-DD) with those users' groups and department. */
export async function identitiesOf(db: DbOrTx, user: TaskUser, day?: string): Promise<ActingAs[]> {
  const out: ActingAs[] = [{ username: user.username, groups: user.groups, department: user.department, onBehalfOf: null }];
  if (!day) return out;
  for (const d of await principalsOn(db, user.username, day)) {
    const u = await userByName(db, d.principal);
    if (!u || !u.active) continue;
    const { groups } = await accessOf(db, u);
    out.push({ username: u.username, groups, department: u.department, onBehalfOf: u.username });
  }
  return out;
}

/**
 * Whether and for whom a user may act on a task: null when they may not; `onBehalfOf` names the
 * user on leave they stand in for (recorded with the act), null when the task is theirs anyway.
 */
export async function actingOnTask(db: DbOrTx, task: TaskOffer & { instance_id: string }, user: TaskUser, day?: string): Promise<{ onBehalfOf: string | null } | null> {
  for (const id of await identitiesOf(db, user, day)) if (await mayActOnTaskOf(db, task, id)) return { onBehalfOf: id.onBehalfOf };
  return null;
}
