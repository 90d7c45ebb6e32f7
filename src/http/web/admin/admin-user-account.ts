import { Router, type Request, type Response } from 'express';
import type { UserAdmin } from '../../../auth/user-admin.ts';
import type { UserDirectory } from '../../../auth/user-directory.ts';
import { ZhifaError } from '../../../errors.ts';
import { accessInput, type FieldErrors } from './admin-user-input.ts';
import { accessOptions, changeRows } from './admin-user-view.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';
import { userOf } from '../shared/session.ts';

interface AccountOptions { flash?: string; error?: string; errors?: FieldErrors; form?: Record<string, unknown> }

/** A refusal (422) shows on the page; anything else (404, a failure) goes to the error page. */
const isRefusal = (err: unknown): err is ZhifaError => err instanceof ZhifaError && err.status === 422;

/**
 * One account: its department, groups and roles, a password reset, deactivation and
 * reactivation, and its changes. A refused change re-renders the page with why, and stores nothing.
 */
export function adminUserAccount(deps: AdminDeps, page: AdminPage, userAdmin: UserAdmin, users: UserDirectory): Router {
  const r = Router();

  const render = async (res: Response, username: string, opts: AccountOptions = {}, status = 200) => {
    const account = await users.account(username, deps.clock.now().getTime());
    if (!account) throw new ZhifaError('notFound', `用户「${username}」不存在`);
    const form = opts.form ?? { department: account.department ?? '', groups: account.groups, roles: account.roles };
    page(res, 'admin-user', {
      title: `系统管理 · 用户 ${username}`, section: 'users', flash: opts.flash, error: opts.error, errors: opts.errors ?? {},
      account: { username: account.username, displayName: account.displayName ?? account.username, active: account.active, self: username === userOf(res.req)!.username },
      form, ...accessOptions(await users.groups(), form),
      changes: changeRows(await users.changes(50, username)),
    }, status);
  };

  const act = (run: (req: Request, by: string, username: string) => Promise<string>) => async (req: Request, res: Response) => {
    const username = String(req.params.username);
    try {
      const flash = await run(req, userOf(req)!.username, username);
      await render(res, username, { flash });
    } catch (err) {
      if (!isRefusal(err)) throw err;
      await render(res, username, { error: err.detail }, 422);
    }
  };

  r.get('/admin/users/:username', (req, res) => render(res, req.params.username!));
  r.post('/admin/users/:username/access', (req, res) => changeAccess(req, res));

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

  /** Department, groups and roles: a field error shows on the form, a refused change (not one's own admin role) on the page. */
  async function changeAccess(req: Request, res: Response) {
    const username = String(req.params.username);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const errors: FieldErrors = {};
    const access = accessInput(body, await users.groups(), errors);
    if (Object.keys(errors).length) return render(res, username, { errors, form: body, error: '部门、组和角色未修改：请更正标出的内容' }, 422);
    try {
      const changed = await userAdmin.changeAccess(userOf(req)!.username, username, access);
      await render(res, username, { flash: changed ? `已修改 ${username}：${changed}` : '没有需要修改的内容' });
    } catch (err) {
      if (!isRefusal(err)) throw err;
      await render(res, username, { error: err.detail, form: body }, 422);
    }
  }
}
