import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { UserDirectory } from '../../auth/user-directory.ts';
import { DEFAULT_JSON_LIMITS } from '../../domain/json-limits.ts';
import { unreadMessages } from '../../notifications/inbox.ts';
import { bodyRules, urlRules } from '../input-rules.ts';
import { isDatabaseUnreachable, RETRY_AFTER_SECONDS } from '../unavailable.ts';
import { knownError } from '../problem.ts';
import type { WebDeps } from './deps.ts';
import { accountPages } from './account/account-pages.ts';
import { adminPages } from './admin/admin-pages.ts';
import { authPages } from './account/auth-pages.ts';
import { dashboardPages } from './dashboard/dashboard-pages.ts';
import { publicPages } from './public/public-pages.ts';
import { inboxPages } from './staff/inbox-pages.ts';
import { checkCsrf, requireUser, userOf, webSession } from './shared/session.ts';
import { caseEventPages } from './staff/case-events.ts';
import { staffPages } from './staff/staff-pages.ts';
import { evidencePages } from './staff/evidence-pages.ts';
import { recordPages } from './staff/record-pages.ts';

const require = createRequire(import.meta.url);
const BPMN_JS_DIST = path.dirname(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'));
const ASSETS = path.join(import.meta.dirname, 'assets');

const HEADINGS: Record<number, string> = { 400: '请求有误', 403: '无权访问', 404: '页面不存在', 409: '操作冲突', 413: '内容过大', 422: '内容有误', 429: '请稍后再试' };

export type { WebDeps } from './deps.ts';

/** The browser application: server-rendered pages over the same workflow as the API. */
export function webApp(deps: WebDeps): Router {
  const r = Router();
  r.use('/assets/bpmn-js', express.static(BPMN_JS_DIST, { maxAge: '1d', fallthrough: false }));
  r.use('/assets', express.static(ASSETS, { maxAge: '1h', fallthrough: false }));
  r.use(urlRules);
  r.use(express.urlencoded({ extended: true, limit: deps.bodyLimit, parameterLimit: 2000 }));
  r.use(bodyRules(DEFAULT_JSON_LIMITS));
  r.use((_req, res, next) => {
    // Pages never run inline scripts, so an injected one would not run either.
    res.set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'");
    res.set('Referrer-Policy', 'same-origin');
    next();
  });
  r.use(webSession(deps.accounts));
  r.use(authPages(deps));
  r.use(publicPages(deps));
  r.use(requireUser, checkCsrf);
  r.use(layoutLocals(deps));
  r.use(inboxPages(deps));
  r.use(caseEventPages(deps));
  r.use(staffPages(deps));
  r.use(accountPages(deps));
  r.use(evidencePages(deps));
  r.use(recordPages(deps));
  r.use(adminPages(deps));
  r.use(dashboardPages(deps));
  r.use(errorPage(deps));
  return r;
}

/** What the layout shows on every signed-in page: the unread count and, to administrators, handed-out passwords. */
function layoutLocals(deps: WebDeps): RequestHandler {
  const users = new UserDirectory(deps.workflow.db);
  return async (req, res, next) => {
    const user = userOf(req)!;
    res.locals.unread = await unreadMessages(deps.workflow.db, user.username);
    // Administrators are reminded on every page while anyone can still sign in with a handed-out password.
    if (user.roles.includes('admin')) res.locals.seededPasswords = await users.withSeededPassword();
    next();
  };
}

function errorPage(deps: WebDeps): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (isDatabaseUnreachable(err)) {
      deps.log('database unreachable', err);
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      return res.status(503).type('html').send(deps.views.render('error', { ...res.locals, title: '暂时无法办理', heading: '暂时无法办理', detail: '数据库暂时无法连接，刚才的操作没有执行。请稍等片刻后刷新页面或重新提交。' }));
    }
    const known = knownError(err);
    const status = known?.status ?? (typeof err?.status === 'number' && err.status < 500 ? err.status : 500);
    if (status >= 500) deps.log('web page failed', err);
    const detail = known?.detail ?? (status < 500 ? String(err?.message ?? '') : '服务器内部错误，已记录。');
    res.status(status).type('html').send(deps.views.render('error', { ...res.locals, title: HEADINGS[status] ?? '出错了', heading: HEADINGS[status] ?? '出错了', detail }));
  };
}
