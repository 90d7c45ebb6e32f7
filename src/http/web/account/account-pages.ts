import { Router, type Request, type Response } from 'express';
import { UserAdmin } from '../../../auth/user-admin.ts';
import { ZhifaError } from '../../../errors.ts';
import { TaskHandover } from '../../../workflow/task-handover.ts';
import { ROLE_LABELS, type FieldErrors } from '../admin/admin-user-input.ts';
import type { WebDeps } from '../deps.ts';
import { userOf } from '../shared/session.ts';
import { peopleNames } from '../../../workflow/people-names.ts';

/** A signed-in user's own account: who they are to the system, and changing their password (the current one required). */
export function accountPages(deps: WebDeps): Router {
  const r = Router();
  const userAdmin = new UserAdmin(deps.workflow.db, deps.clock, (password) => deps.accounts.hashPassword(password));

  const handover = new TaskHandover(deps.workflow, deps.clock);

  const render = async (req: Request, res: Response, opts: { flash?: string; error?: string; errors?: FieldErrors; deputyError?: string; deputyForm?: Record<string, unknown> } = {}, status = 200) => {
    const user = userOf(req)!;
    const names = await peopleNames(deps.workflow.db, []);
    res.status(status).type('html').send(deps.views.render('account', {
      ...res.locals, title: '我的账号', ...opts, errors: opts.errors ?? {},
      roles: user.roles.map((role) => ROLE_LABELS[role] ?? role),
      deputy: await handover.deputyView(user.username),
      deputyCandidates: await handover.deputyCandidates(user),
      deputyForm: opts.deputyForm ?? {},
      today: deps.workflow.today(),
      groups: user.groups.map(names.group),
    }));
  };

  r.get('/account', async (req, res) => { await render(req, res); });

  r.post('/account/password', async (req, res) => {
    const user = userOf(req)!;
    const field = (name: string) => (typeof req.body?.[name] === 'string' ? (req.body[name] as string) : '');
    const errors = await userAdmin.changeOwnPassword(user.username, user.token, field('current'), field('password'), field('confirm'));
    if (Object.keys(errors).length) return render(req, res, { errors, error: '密码未修改：请更正标出的内容' }, 422);
    await render(req, res, { flash: '密码已修改；您在其他地方的登录会话和 API 令牌已失效' });
  });

  // 代理人: a user going on leave names who works their tasks meanwhile (src/workflow/task-handover.ts).
  r.post('/account/deputy', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await (body.clear ? handover.clearDeputy(userOf(req)!) : handover.setDeputy(userOf(req)!, body));
    } catch (err) {
      if (err instanceof ZhifaError && err.status < 500) return render(req, res, { deputyError: err.detail, deputyForm: body }, err.status);
      throw err;
    }
    await render(req, res, { flash: body.clear ? '已取消代理人' : '代理人已设置' });
  });

  return r;
}
