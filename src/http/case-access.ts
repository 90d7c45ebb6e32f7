import { forbidden, notFound } from '../errors.ts';
import type { DbOrTx } from '../store/db.ts';
import { fromJson } from '../store/json.ts';
import { departmentOfCase, instanceById, type InstanceRow } from '../store/instances.ts';
import { tasksOfCase } from '../store/tasks.ts';
import { agencyWideGroups } from '../store/users.ts';
import { offeredTo } from '../workflow/task-access.ts';
import type { WebUser } from './web/shared/session.ts';

/** Whoever asks, by session or by token. */
export type CaseUser = Pick<WebUser, 'username' | 'groups' | 'roles' | 'department'>;

/**
 * Who may open a case: an administrator; anyone of the department that opened it; and anyone
 * who was asked to act in it (assignee, candidate group, or who completed a step), such as the
 * legal reviewer of another office or the leader in charge. Anyone else gets a 403 that names
 * nothing of the case.
 */
export async function assertCaseAccess(db: DbOrTx, user: CaseUser, instanceId: string): Promise<InstanceRow> {
  const row = await instanceById(db, instanceId);
  if (!row) throw notFound('案件不存在');
  if (await mayOpenCase(db, user, row.root_id)) return row;
  throw forbidden('您无权查看此案件：它不属于您的部门，您也未参与办理');
}

export async function mayOpenCase(db: DbOrTx, user: CaseUser, caseId: string): Promise<boolean> {
  if (user.roles.includes('admin')) return true;
  const department = await departmentOfCase(db, caseId);
  if (user.department && department === user.department) return true;
  const tasks = await tasksOfCase(db, caseId);
  const agencyWide = await agencyWideGroups(db);
  return tasks.some((t) => t.assignee === user.username || t.completed_by === user.username || offeredTo(fromJson<string[]>(t.candidate_groups, []), department, user, agencyWide));
}

