import { Router, type Request, type Response } from 'express';
import { UserAdmin } from '../../../auth/user-admin.ts';
import { ROLE_LABELS, type FieldErrors } from '../admin/admin-user-input.ts';
import type { WebDeps } from '../deps.ts';
import { userOf } from '../shared/session.ts';
import { peopleNames } from '../../../workflow/people-names.ts';

/** A signed-in user's own account: who they are to the system, and changing their password (the current one required). */
export function accountPages(deps: WebDeps): Router {
  const r = Router();
  const userAdmin = new UserAdmin(deps.workflow.db, deps.clock, (password) => deps.accounts.hashPassword(password));

  const render = async (req: Request, res: Response, opts: { flash?: string; error?: string; errors?: FieldErrors } = {}, status = 200) => {
    const user = userOf(req)!;
    const names = await peopleNames(deps.workflow.db, []);
    res.status(status).type('html').send(deps.views.render('account', {
      ...res.locals, title: '我的账号', ...opts, errors: opts.errors ?? {},
      roles: user.roles.map((role) => ROLE_LABELS[role] ?? role),
      groups: user.groups.map(names.group),
    }));
  };

  r.get('/account', (req, res) => render(req, res));

  r.post('/account/password', async (req, res) => {
    const user = userOf(req)!;
    const field = (name: string) => (typeof req.body?.[name] === 'string' ? (req.body[name] as string) : '');
    const errors = await userAdmin.changeOwnPassword(user.username, user.token, field('current'), field('password'), field('confirm'));
    if (Object.keys(errors).length) return render(req, res, { errors, error: '密码未修改：请更正标出的内容' }, 422);
    await render(req, res, { flash: '密码已修改；您在其他地方的登录会话和 API 令牌已失效' });
  });

  return r;
}
