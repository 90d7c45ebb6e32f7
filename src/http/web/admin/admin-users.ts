import { Router, type Request, type Response } from 'express';
import { shanghaiDate } from '../../../calendar/index.ts';
import { Groups } from '../../../domain/demo-agency.ts';
import { notFound } from '../../../errors.ts';
import { UserAdmin } from '../../../auth/user-admin.ts';
import { latestUserChanges } from '../../../store/user-changes.ts';
import { accessOf, listAllUsers, listGroups, setCertificate, userByName } from '../../../store/users.ts';
import { certificateInput, newUserInput, ROLE_LABELS, type FieldErrors } from './admin-user-input.ts';
import { adminUserAccount, changeRows } from './admin-user-account.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';
import { userOf } from '../shared/session.ts';

/** Users with their department, groups, roles and enforcement certificate; creating users; renewing certificates; the latest account changes. */
export function adminUsers(deps: AdminDeps, page: AdminPage): Router {
  const r = Router();
  const db = deps.workflow.db;
  const userAdmin = new UserAdmin(db, deps.clock, (password) => deps.accounts.hashPassword(password));

  // The groups diagrams name, and any other group already in use.
  const knownGroups = async () => {
    const byId = new Map<string, { id: string; name: string }>(Object.values(Groups).map((g) => [g.id, { ...g }]));
    for (const g of await listGroups(db)) byId.set(g.id, g);
    return [...byId.values()];
  };

  const render = async (res: Response, opts: { errors?: FieldErrors; form?: Record<string, unknown>; flash?: string; error?: string; certificateFor?: string } = {}, status = 200) => {
    const now = deps.clock.now().getTime();
    const groups = await knownGroups();
    const users = await Promise.all((await listAllUsers(db)).map(async (u) => {
      const access = await accessOf(db, u);
      const until = u.certificate_valid_until ? Number(u.certificate_valid_until) : null;
      return {
        username: u.username, displayName: u.display_name, department: u.department, active: !!u.active,
        groups: access.groups.map((id) => groups.find((g) => g.id === id)?.name ?? id),
        roles: access.roles.map((role) => ROLE_LABELS[role] ?? role),
        certificateNo: u.certificate_no,
        validUntil: until ? shanghaiDate(new Date(until - 1)) : null,
        expired: !!u.certificate_no && (until ?? 0) < now,
      };
    }));
    const form = opts.form ?? {};
    page(res, 'admin-users', {
      title: '系统管理 · 用户', section: 'users', users, errors: opts.errors ?? {}, flash: opts.flash, error: opts.error, certificateFor: opts.certificateFor,
      changes: changeRows(await latestUserChanges(db, 20)),
      form, groupOptions: groups.map((g) => ({ ...g, checked: [form.groups].flat().includes(g.id) })),
      roleOptions: Object.entries(ROLE_LABELS).map(([id, label]) => ({ id, label, checked: [form.roles].flat().includes(id) })),
    }, status);
  };

  r.get('/admin/users', (_req, res) => render(res));

  r.post('/admin/users', async (req: Request, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { password: _password, ...form } = body;
    const { user, errors } = newUserInput(body, await knownGroups(), deps.clock.now());
    if (user && (await userByName(db, user.username))) errors.username = `用户名「${user.username}」已存在`;
    if (!user || Object.keys(errors).length) return render(res, { errors, form, error: '用户未创建：请更正标出的内容' }, 422);
    await deps.accounts.create(user);
    await userAdmin.record(db, user.username, 'created', `新建用户，角色：${user.roles?.join('、')}`, userOf(req)!.username);
    await render(res, { flash: `已创建用户 ${user.username}` });
  });

  r.post('/admin/users/:username/certificate', async (req, res) => {
    const username = req.params.username;
    if (!(await userByName(db, username))) throw notFound(`用户「${username}」不存在`);
    const errors: FieldErrors = {};
    const certificate = certificateInput(req.body?.certificateNo, req.body?.validUntil, deps.clock.now(), errors);
    if (!certificate) return render(res, { error: `${username} 的执法证未更新：${Object.values(errors).join('；')}`, certificateFor: username }, 422);
    await db.transaction(async (tx) => {
      await setCertificate(tx, username, certificate.no, certificate.validUntil.getTime());
      await userAdmin.record(tx, username, 'certificate', `执法证 ${certificate.no}，有效期至 ${shanghaiDate(new Date(certificate.validUntil.getTime() - 1))}`, userOf(req)!.username);
    });
    await render(res, { flash: `已更新 ${username} 的执法证 ${certificate.no}，有效期至 ${shanghaiDate(new Date(certificate.validUntil.getTime() - 1))}` });
  });

  r.use(adminUserAccount(deps, page, userAdmin, knownGroups));
  return r;
}
