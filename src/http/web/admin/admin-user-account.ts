import { Router, type Request, type Response } from 'express';
import type { UserAdmin } from '../../../auth/user-admin.ts';
import { ZhifaError } from '../../../errors.ts';
import { latestUserChanges, type UserChangeRow } from '../../../store/user-changes.ts';
import { accessOf, userByName } from '../../../store/users.ts';
import { accessInput, ROLE_LABELS, type FieldErrors } from './admin-user-input.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';
import { userOf } from '../shared/session.ts';

const KIND_LABELS: Record<UserChangeRow['kind'], string> = {
  created: '新建', deactivated: '停用', reactivated: '启用', 'password-reset': '重置密码',
  'password-changed': '本人改密码', 'access-changed': '部门/组/角色', certificate: '执法证',
};

export const changeRows = (rows: UserChangeRow[]) => rows.map((c) => ({ ...c, kindLabel: KIND_LABELS[c.kind] ?? c.kind }));

type Groups = () => Promise<Array<{ id: string; name: string }>>;

/**
 * One account: its department, groups and roles, a password reset, deactivation and
 * reactivation, and its changes. A refused change re-renders the page with why, and stores nothing.
 */
export function adminUserAccount(deps: AdminDeps, page: AdminPage, userAdmin: UserAdmin, knownGroups: Groups): Router {
  const r = Router();
  const db = deps.workflow.db;

  const render = async (res: Response, username: string, opts: { flash?: string; error?: string; errors?: FieldErrors; form?: Record<string, unknown> } = {}, status = 200) => {
    const user = await userByName(db, username);
    if (!user) throw new ZhifaError('notFound', `用户「${username}」不存在`);
    const access = await accessOf(db, user);
    const form = opts.form ?? { department: user.department ?? '', groups: access.groups, roles: access.roles };
    page(res, 'admin-user', {
      title: `系统管理 · 用户 ${username}`, section: 'users', flash: opts.flash, error: opts.error, errors: opts.errors ?? {},
      account: { username: user.username, displayName: user.display_name ?? user.username, active: !!user.active, self: username === userOf(res.req)!.username },
      form,
      groupOptions: (await knownGroups()).map((g) => ({ ...g, checked: [form.groups].flat().includes(g.id) })),
      roleOptions: Object.entries(ROLE_LABELS).map(([id, label]) => ({ id, label, checked: [form.roles].flat().includes(id) })),
      changes: changeRows(await latestUserChanges(db, 50, username)),
    }, status);
  };

  /** A refusal (422) shows on the page; anything else (404, a failure) goes to the error page. */
  const act = (run: (req: Request, by: string, username: string) => Promise<string>) => async (req: Request, res: Response) => {
    const username = String(req.params.username);
    try {
      const flash = await run(req, userOf(req)!.username, username);
      await render(res, username, { flash });
    } catch (err) {
      if (!(err instanceof ZhifaError && err.status === 422)) throw err;
      await render(res, username, { error: err.detail }, 422);
    }
  };

  r.get('/admin/users/:username', (req, res) => render(res, req.params.username!));

  r.post('/admin/users/:username/access', async (req, res) => {
    const username = req.params.username!;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const errors: FieldErrors = {};
    const access = accessInput(body, await knownGroups(), errors);
    if (!(await userByName(db, username))) throw new ZhifaError('notFound', `用户「${username}」不存在`);
    if (Object.keys(errors).length) return render(res, username, { errors, form: body, error: '部门、组和角色未修改：请更正标出的内容' }, 422);
    try {
      const changed = await userAdmin.changeAccess(userOf(req)!.username, username, access);
      await render(res, username, { flash: changed ? `已修改 ${username}：${changed}` : '没有需要修改的内容' });
    } catch (err) {
      if (!(err instanceof ZhifaError && err.status === 422)) throw err;
      await render(res, username, { error: err.detail, form: body }, 422);
    }
  });

  r.post('/admin/users/:username/password', act(async (req, by, username) => {
    const password = typeof req.body?.password === 'string' ? req.body.password : '';
    const ended = await userAdmin.resetPassword(by, username, password);
    return `已重置 ${username} 的密码，并结束其登录会话及 API 令牌 ${ended} 个`;
  }));

  r.post('/admin/users/:username/deactivate', act(async (_req, by, username) => {
    const ended = await userAdmin.deactivate(by, username);
    return `已停用 ${username}，并结束其登录会话及 API 令牌 ${ended} 个`;
  }));

  r.post('/admin/users/:username/reactivate', act(async (_req, by, username) => {
    await userAdmin.reactivate(by, username);
    return `已重新启用 ${username}`;
  }));

  return r;
}
