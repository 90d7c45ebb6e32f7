/**
 * A signed-in browser session without a browser: the real /login form (its CSRF cookie and
 * field), then the session cookie and the session's CSRF token read from a page.
 */
export interface WebSession {
  base: string;
  cookie: string;
  csrf: string;
  get(path: string): Promise<WebResponse>;
  post(path: string, form: Record<string, string | string[]>, opts?: { csrf?: string | null }): Promise<WebResponse>;
}

export interface WebResponse {
  status: number;
  location: string | null;
  text: string;
}

async function send(base: string, path: string, init: RequestInit): Promise<WebResponse> {
  const res = await fetch(base + path, { ...init, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

export function formBody(form: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return body;
}

export async function loginForm(base: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}/login`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('zhifa_login='))!;
  return { cookie, token: cookie.slice('zhifa_login='.length) };
}

export async function webLogin(base: string, username: string, password: string): Promise<WebSession> {
  const form = await loginForm(base);
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: formBody({ _csrf: form.token, username, password }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('zhifa_session='));
  if (res.status !== 303 || !session) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  const home = await send(base, '/login', { headers: { cookie: session } });
  const page = await send(base, home.location ?? '/', { headers: { cookie: session } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${home.location}`);
  return {
    base,
    cookie: session,
    csrf,
    get: (path) => send(base, path, { headers: { cookie: session } }),
    post: (path, form, opts = {}) => {
      const token = opts.csrf === undefined ? csrf : opts.csrf;
      return send(base, path, {
        method: 'POST',
        headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
        body: formBody(token === null ? form : { _csrf: token, ...form }),
      });
    },
  };
}
