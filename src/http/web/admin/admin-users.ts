import { Router, type Request, type Response } from 'express';
import { UserAdmin } from '../../../auth/user-admin.ts';
import { UserDirectory } from '../../../auth/user-directory.ts';
import { ZhifaError } from '../../../errors.ts';
import { certificateInput, newUserInput, type FieldErrors } from './admin-user-input.ts';
import { adminUserAccount } from './admin-user-account.ts';
import { accessOptions, accountRow, changeRows } from './admin-user-view.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';
import { userOf } from '../shared/session.ts';

interface ListOptions { errors?: FieldErrors; form?: Record<string, unknown>; flash?: string; error?: string; certificateFor?: string }

/** Users with their department, groups, roles and enforcement certificate; creating users; renewing certificates; the latest account changes. */
export function adminUsers(deps: AdminDeps, page: AdminPage): Router {
  const r = Router();
  const users = new UserDirectory(deps.workflow.db);
  const userAdmin = new UserAdmin(deps.workflow.db, deps.clock, (password) => deps.accounts.hashPassword(password));

  const render = async (res: Response, opts: ListOptions = {}, status = 200) => {
    const groups = await users.groups();
    const form = opts.form ?? {};
    page(res, 'admin-users', {
      title: '系统管理 · 用户', section: 'users', errors: opts.errors ?? {}, flash: opts.flash, error: opts.error, certificateFor: opts.certificateFor,
      users: (await users.accounts(deps.clock.now().getTime())).map((a) => accountRow(a, groups)),
      changes: changeRows(await users.changes(20)),
      form, ...accessOptions(groups, form),
    }, status);
  };

  r.get('/admin/users', (_req, res) => render(res));
  r.post('/admin/users', (req, res) => createUser(req, res));
  r.post('/admin/users/:username/certificate', (req, res) => renewCertificate(req, res));
  r.use(adminUserAccount(deps, page, userAdmin, users));
  return r;

  async function createUser(req: Request, res: Response) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { password: _password, ...form } = body;
    const { user, errors } = newUserInput(body, await users.groups(), deps.clock.now());
    try {
      if (user) await deps.accounts.createBy(userOf(req)!.username, user);
    } catch (err) {
      if (!(err instanceof ZhifaError && err.status === 422 && typeof err.extra?.field === 'string')) throw err;
      errors[err.extra.field] = err.detail;
    }
    if (!user || Object.keys(errors).length) return render(res, { errors, form, error: '用户未创建：请更正标出的内容' }, 422);
    await render(res, { flash: `已创建用户 ${user.username}` });
  }

  async function renewCertificate(req: Request, res: Response) {
    const username = String(req.params.username);
    const errors: FieldErrors = {};
    const certificate = certificateInput(req.body?.certificateNo, req.body?.validUntil, deps.clock.now(), errors);
    if (!certificate) return render(res, { error: `${username} 的执法证未更新：${Object.values(errors).join('；')}`, certificateFor: username }, 422);
    const lastDay = await userAdmin.renewCertificate(userOf(req)!.username, username, certificate);
    await render(res, { flash: `已更新 ${username} 的执法证 ${certificate.no}，有效期至 ${lastDay}` });
  }
}
