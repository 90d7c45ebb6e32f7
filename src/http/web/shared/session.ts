import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parse as parseCookies, serialize } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ROLE_LABELS, type Accounts } from '../../../auth/accounts.ts';
import { forbidden, ZhifaError } from '../../../errors.ts';

export const SESSION_COOKIE = 'zhifa_session';
const LOGIN_COOKIE = 'zhifa_login';

export type WebUser = Awaited<ReturnType<Accounts['actorForToken']>> & { token: string; csrf: string };

const USER = Symbol('webUser');

/**
 * A browser session is a sign-in token (the same kind the API uses, stored hashed) in an
 * HttpOnly, SameSite=Lax cookie, Secure when the request came over HTTPS or in production.
 * The CSRF token of a session is an HMAC of its session token: a page from another origin can
 * neither read the cookie nor compute the token, and nothing more needs to be stored.
 */
export function csrfOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('zhifa csrf').digest('base64url');
}

export function cookieOptions(req: Request, production: boolean, maxAgeSeconds?: number) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: production || req.secure, path: '/', maxAge: maxAgeSeconds };
}

export function readCookie(req: Request, name: string): string | undefined {
  return parseCookies(req.get('cookie') ?? '')[name];
}

/** Reads the session cookie; an unknown or expired token leaves the request signed out. */
export function webSession(accounts: Accounts): RequestHandler {
  return async (req, res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      try {
        const actor = await accounts.actorForToken(token);
        const user: WebUser = { ...actor, address: req.ip, token, csrf: csrfOf(token) };
        (req as unknown as Record<symbol, WebUser>)[USER] = user;
        res.locals.user = user;
        res.locals.csrf = user.csrf;
      } catch (err) {
        if (!(err instanceof ZhifaError && err.status === 401)) throw err;
      }
    }
    next();
  };
}

export function userOf(req: Request): WebUser | undefined {
  return (req as unknown as Record<symbol, WebUser | undefined>)[USER];
}

/** Signed-out visitors go to the sign-in page and come back afterwards. */
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (userOf(req)) return next();
  res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
}

export function requireWebRole(...roles: string[]): RequestHandler {
  return (req, _res, next) => {
    const user = userOf(req);
    if (!user || !roles.some((r) => user.roles.includes(r))) throw forbidden(`此页面需要以下角色之一：${roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}`);
    next();
  };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Every state-changing request of a session carries its CSRF token: form field `_csrf`, header `x-csrf-token` or query `_csrf` (uploads). */
export function checkCsrf(req: Request, _res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const user = userOf(req);
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.get('x-csrf-token') ?? req.query._csrf;
  if (!user || typeof sent !== 'string' || !same(sent, user.csrf)) throw forbidden('表单已失效或来源不明（CSRF 校验失败），请刷新页面后重试');
  next();
}

/** The sign-in form has no session yet: a random cookie and the same value in the form (double submit). */
export function loginFormToken(req: Request, res: Response, production: boolean): string {
  const existing = readCookie(req, LOGIN_COOKIE);
  if (existing && /^[\w-]{20,}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  res.append('Set-Cookie', serialize(LOGIN_COOKIE, token, cookieOptions(req, production, 3600)));
  return token;
}

export function checkLoginFormToken(req: Request): void {
  const cookie = readCookie(req, LOGIN_COOKIE);
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (!cookie || typeof sent !== 'string' || !same(cookie, sent)) throw forbidden('登录表单已失效（CSRF 校验失败），请刷新页面后重试');
}

export function setSessionCookie(req: Request, res: Response, token: string, production: boolean, maxAgeSeconds: number): void {
  res.append('Set-Cookie', serialize(SESSION_COOKIE, token, cookieOptions(req, production, maxAgeSeconds)));
}

export function clearSessionCookie(req: Request, res: Response, production: boolean): void {
  res.append('Set-Cookie', serialize(SESSION_COOKIE, '', { ...cookieOptions(req, production), maxAge: 0 }));
}
