import { Router, type Request, type Response } from 'express';
import { isMustChangePassword } from '../../../auth/accounts.ts';
import { ZhifaError } from '../../../errors.ts';
import { checkCsrf, checkLoginFormToken, clearSessionCookie, loginFormToken, requireUser, setSessionCookie, userOf } from '../shared/session.ts';
import type { WebDeps } from '../deps.ts';

/** Only a path on this site: `next=//evil.example` or a full URL would make the sign-in page an open redirect. */
export function safeNext(next: unknown): string | null {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export function homeOf(roles: string[]): string {
  if (roles.includes('staff')) return '/';
  if (roles.includes('manager')) return '/dashboard';
  if (roles.includes('admin') || roles.includes('process-admin')) return '/admin';
  return '/';
}

export function authPages(deps: WebDeps): Router {
  const r = Router();
  const render = (req: Request, res: Response, ctx: Record<string, unknown>, status = 200) =>
    res.status(status).type('html').send(deps.views.render('login', { ...res.locals, title: '登录', loginToken: loginFormToken(req, res, deps.production), next: safeNext(req.query.next ?? req.body?.next) ?? '', ...ctx }));

  r.get('/login', (req, res) => {
    if (userOf(req)) return res.redirect(303, safeNext(req.query.next) ?? homeOf(userOf(req)!.roles));
    render(req, res, {});
  });

  const field = (req: Request, name: string) => (typeof req.body?.[name] === 'string' ? (req.body[name] as string) : '');
  const signIn = async (req: Request, res: Response, token: string) => {
    setSessionCookie(req, res, token, deps.production, deps.tokenTtlSeconds);
    const actor = await deps.accounts.actorForToken(token);
    res.redirect(303, safeNext(req.body?.next) ?? homeOf(actor.roles));
  };
  // A refused sign-in or change: the form again with the reason (429 says how long to wait).
  const refusedWith = (req: Request, res: Response, err: unknown, ctx: Record<string, unknown>, wrong: string) => {
    if (!(err instanceof ZhifaError) || ![401, 422, 429].includes(err.status)) throw err;
    if (typeof err.extra?.retryAfter === 'number') res.set('Retry-After', String(err.extra.retryAfter));
    render(req, res, { ...ctx, error: err.status === 401 ? wrong : err.detail, username: field(req, 'username') }, err.status);
  };

  r.post('/login', async (req, res) => {
    checkLoginFormToken(req);
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    try {
      await signIn(req, res, (await deps.accounts.login(username, password, req.ip)).token);
    } catch (err) {
      // No session until a password nobody chose is replaced: the same page asks for a new one.
      if (isMustChangePassword(err)) return render(req, res, { mustChange: true, title: '修改密码', username: field(req, 'username') }, 403);
      refusedWith(req, res, err, {}, '用户名或密码错误');
    }
  });

  r.post('/login/password', async (req, res) => {
    checkLoginFormToken(req);
    const ctx = { mustChange: true, title: '修改密码' };
    if (field(req, 'password') !== field(req, 'confirm')) return render(req, res, { ...ctx, error: '两次输入的新密码不一致', username: field(req, 'username') }, 422);
    try {
      await signIn(req, res, (await deps.accounts.changePassword(field(req, 'username'), field(req, 'current'), field(req, 'password'), req.ip)).token);
    } catch (err) {
      refusedWith(req, res, err, ctx, '用户名或当前密码错误');
    }
  });

  r.post('/logout', requireUser, checkCsrf, async (req, res) => {
    await deps.accounts.logout(userOf(req)!.token);
    clearSessionCookie(req, res, deps.production);
    res.redirect(303, '/login');
  });
  return r;
}
