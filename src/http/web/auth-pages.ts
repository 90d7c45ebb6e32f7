import { Router, type Request, type Response } from 'express';
import { ZhifaError } from '../../errors.ts';
import { checkCsrf, checkLoginFormToken, clearSessionCookie, loginFormToken, requireUser, setSessionCookie, userOf } from './session.ts';
import type { WebDeps } from './index.ts';

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

  r.post('/login', async (req, res) => {
    checkLoginFormToken(req);
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    try {
      const { token } = await deps.accounts.login(username, password, req.ip);
      setSessionCookie(req, res, token, deps.production, deps.tokenTtlSeconds);
      const actor = await deps.accounts.actorForToken(token);
      res.redirect(303, safeNext(req.body?.next) ?? homeOf(actor.roles));
    } catch (err) {
      if (!(err instanceof ZhifaError) || (err.status !== 401 && err.status !== 429)) throw err;
      const message = err.status === 429 ? err.detail : '用户名或密码错误';
      render(req, res, { error: message, username: typeof username === 'string' ? username : '' }, err.status);
    }
  });

  r.post('/logout', requireUser, checkCsrf, async (req, res) => {
    await deps.accounts.logout(userOf(req)!.token);
    clearSessionCookie(req, res, deps.production);
    res.redirect(303, '/login');
  });
  return r;
}
