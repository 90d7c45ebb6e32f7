import { shanghaiDateOfEnd } from '../calendar/dates.ts';
import type { Clock } from '../clock.ts';
import { notFound, ZhifaError } from '../errors.ts';
import type { Db, DbOrTx } from '../store/db.ts';
import { appendHistory } from '../store/history.ts';
import { claimedGroupTasksOf, releaseTask } from '../store/tasks.ts';
import { deleteTokensOfUser } from '../store/tokens.ts';
import { recordUserChange, type UserChangeKind } from '../store/user-changes.ts';
import { accessOf, replaceAccess, setCertificate, updateUser, userByName, type UserRow } from '../store/users.ts';
import { Roles, tokenHash } from './accounts.ts';
import { passwordProblem, verifyPassword } from './passwords.ts';

export { MIN_PASSWORD, passwordProblem } from './passwords.ts';

export interface AccessChange {
  department: string | null;
  groups: Array<{ id: string; name: string }>;
  roles: string[];
}

/** A refused change: the sentence says why, and nothing was changed. */
export const refused = (detail: string) => new ZhifaError('unprocessable', detail);

/**
 * What an administrator does to an account after creating it, and a user's own password change.
 * Each change and its record in user_changes are one transaction; ending access deletes the
 * user's rows in auth_tokens, so browser sessions and API tokens stop at once.
 */
export class UserAdmin {
  constructor(private readonly db: Db, private readonly clock: Clock, private readonly hash: (password: string) => Promise<string>) {}

  async deactivate(by: string, username: string): Promise<number> {
    if (by === username) throw refused('不能停用自己的账号：请由另一位系统管理员操作');
    return this.db.transaction(async (tx) => {
      const user = await existing(tx, username);
      if (!user.active) throw refused(`${username} 已经停用`);
      await updateUser(tx, user.id, { active: false });
      const ended = await deleteTokensOfUser(tx, user.id);
      // What they had claimed from a group goes back to the group, or nobody could take it over.
      const now = this.clock.now().getTime();
      const claimed = await claimedGroupTasksOf(tx, username);
      for (const task of claimed) {
        await releaseTask(tx, task.id);
        await appendHistory(tx, [{ instanceId: task.instance_id, at: now, actor: by, kind: 'task.released', elementId: task.element_id, data: { taskId: task.id, from: username, reason: 'account deactivated' } }]);
      }
      await this.record(tx, username, 'deactivated', `停用账号，结束登录会话及 API 令牌 ${ended} 个，退回已认领任务 ${claimed.length} 项`, by);
      return ended;
    });
  }

  async reactivate(by: string, username: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const user = await existing(tx, username);
      if (user.active) throw refused(`${username} 未停用，无需启用`);
      await updateUser(tx, user.id, { active: true });
      await this.record(tx, username, 'reactivated', '重新启用账号', by);
    });
  }

  async resetPassword(by: string, username: string, password: string): Promise<number> {
    if (by === username) throw refused('自己的密码请在「我的账号」页面修改（需输入当前密码）');
    const problem = passwordProblem(password, '新密码');
    if (problem) throw refused(problem);
    const hash = await this.hash(password);
    return this.db.transaction(async (tx) => {
      const user = await existing(tx, username);
      await updateUser(tx, user.id, { password_hash: hash, must_change_password: false, seeded_password: false });
      const ended = await deleteTokensOfUser(tx, user.id);
      await this.record(tx, username, 'password-reset', `重置密码，结束登录会话及 API 令牌 ${ended} 个`, by);
      return ended;
    });
  }

  /** Returns the recorded description of what changed, or null when the form changed nothing. */
  async changeAccess(by: string, username: string, next: AccessChange): Promise<string | null> {
    if (by === username && !next.roles.includes(Roles.admin)) throw refused('不能取消自己的「系统管理员」角色：请由另一位系统管理员操作');
    if (!next.roles.length) throw refused('至少选择一个角色');
    return this.db.transaction(async (tx) => {
      const user = await existing(tx, username);
      const before = await accessOf(tx, user);
      const parts: string[] = [];
      if ((user.department ?? null) !== next.department) parts.push(`部门：${user.department ?? '无'} → ${next.department ?? '无'}`);
      const groups = next.groups.map((g) => g.id);
      if (!sameSet(before.groups, groups)) parts.push(`组：${listed(before.groups)} → ${listed(groups)}`);
      if (!sameSet(before.roles, next.roles)) parts.push(`角色：${listed(before.roles)} → ${listed(next.roles)}`);
      if (!parts.length) return null;
      await updateUser(tx, user.id, { department: next.department });
      await replaceAccess(tx, user.id, next.groups, next.roles);
      const detail = parts.join('；');
      await this.record(tx, username, 'access-changed', detail, by);
      return detail;
    });
  }

  /** The signed-in user's own change: the current password is required; their other sessions and tokens end, this one stays. */
  async changeOwnPassword(username: string, sessionToken: string, current: string, password: string, confirm: string): Promise<Record<string, string>> {
    const errors: Record<string, string> = {};
    const user = await existing(this.db, username);
    if (!current || !(await verifyPassword(current, user.password_hash))) errors.current = '「当前密码」不正确';
    const problem = passwordProblem(password, '新密码');
    if (problem) errors.password = problem;
    else if (password !== confirm) errors.confirm = '两次输入的新密码不一致';
    else if (current === password) errors.password = '新密码不能与当前密码相同';
    if (Object.keys(errors).length) return errors;
    const hash = await this.hash(password);
    await this.db.transaction(async (tx) => {
      await updateUser(tx, user.id, { password_hash: hash, must_change_password: false, seeded_password: false });
      const ended = await deleteTokensOfUser(tx, user.id, tokenHash(sessionToken));
      await this.record(tx, username, 'password-changed', `本人修改密码，结束其他登录会话及 API 令牌 ${ended} 个`, username);
    });
    return {};
  }

  /** Sets or renews an enforcement certificate, recorded; returns its last day (Shanghai date). */
  async renewCertificate(by: string, username: string, certificate: { no: string; validUntil: Date }): Promise<string> {
    const lastDay = shanghaiDateOfEnd(certificate.validUntil);
    await this.db.transaction(async (tx) => {
      await existing(tx, username);
      await setCertificate(tx, username, certificate.no, certificate.validUntil.getTime());
      await this.record(tx, username, 'certificate', `执法证 ${certificate.no}，有效期至 ${lastDay}`, by);
    });
    return lastDay;
  }

  /** Every change made here is recorded with who made it and when. */
  private async record(db: DbOrTx, username: string, kind: UserChangeKind, detail: string, by: string): Promise<void> {
    await recordUserChange(db, { username, kind, detail, changed_by: by, changed_at: this.clock.now().getTime() });
  }
}

async function existing(db: DbOrTx, username: string): Promise<UserRow> {
  const user = await userByName(db, username);
  if (!user) throw notFound(`用户「${username}」不存在`);
  return user;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const listed = (xs: string[]) => (xs.length ? [...xs].sort().join('、') : '无');
