import { expect } from 'chai';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';
import { formBody, loginForm } from '../helpers/web.ts';

const DEMO = ['head1', 'head2', 'head3', 'legal1', 'manager1', 'officer1', 'officer2', 'reviewer1'];

/**
 * Without ZHIFA_ADMIN_PASSWORD and ZHIFA_DEMO_PASSWORD: the sign-in page asks for a new password
 * before any session exists, and administrators are told on every page who still has a handed-out one.
 */
describe('Web: default passwords and the administrators\' banner', () => {
  let s: TestServer;
  let form: { cookie: string; token: string };
  before(async () => {
    s = await startServer({ label: 'default-passwords-web', env: { ZHIFA_ADMIN_PASSWORD: undefined, ZHIFA_DEMO_PASSWORD: undefined }, adminPassword: null });
    form = await loginForm(s.base);
  });
  after(() => s.close());

  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${s.base}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ _csrf: form.token, ...fields }) });
  const sessionOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('zhifa_session=') && c.length > 'zhifa_session='.length);
  const page = async (cookie: string, path: string) => {
    const res = await fetch(`${s.base}${path}`, { redirect: 'manual', headers: { cookie } });
    return { status: res.status, text: await res.text() };
  };
  const banner = (html: string) => /data-testid="seeded-passwords-banner">([^<]*)</.exec(html)?.[1];

  it('answers the default password with the change form and no session', async () => {
    const res = await post('/login', { username: 'admin', password: 'admin' });
    expect(res.status).to.equal(403);
    const html = await res.text();
    expect(html).to.include('data-testid="first-password-form"').and.include('请先修改密码');
    expect(sessionOf(res)).to.equal(undefined);
    expect(Number((await s.zhifa.db('auth_tokens').count({ n: '*' }))[0]!.n)).to.equal(0);
  });

  it('refuses two different new passwords (422) and a wrong current one (401), and the account still has to change', async () => {
    const mismatch = await post('/login/password', { username: 'admin', current: 'admin', password: 'Zhifa-admin-2026', confirm: 'Zhifa-admin-2062' });
    expect(mismatch.status).to.equal(422);
    expect(await mismatch.text()).to.include('两次输入的新密码不一致');
    const wrong = await post('/login/password', { username: 'admin', current: 'wrong', password: 'Zhifa-admin-2026', confirm: 'Zhifa-admin-2026' });
    expect(wrong.status).to.equal(401);
    expect(sessionOf(wrong)).to.equal(undefined);
    expect((await new ApiClient(s.base).post('/api/auth/login', { username: 'admin', password: 'admin' })).status).to.equal(403);
  });

  it('signs in once the password is changed, and shows administrators every account that still has a handed-out password', async () => {
    const res = await post('/login/password', { username: 'admin', current: 'admin', password: 'Zhifa-admin-2026', confirm: 'Zhifa-admin-2026', next: '/admin' });
    expect(res.status, (await res.clone().text()).slice(0, 300)).to.equal(303);
    expect(res.headers.get('location')).to.equal('/admin');
    const admin = sessionOf(res)!;
    expect(admin).to.be.a('string');
    for (const path of ['/admin', '/', '/account']) {
      const p = await page(admin, path);
      expect(p.status, path).to.equal(200);
      expect(banner(p.text), path).to.equal(`安全提示：以下账号仍在使用默认密码或演示密码，任何人都可能用它登录：${DEMO.join('、')}。请让本人登录后修改密码，或在「系统管理 → 用户」中重置密码、停用不用的演示账号。`);
    }

    const officer = await post('/login', { username: 'officer1', password: 'demo' });
    expect(officer.status, 'a demo user with the built-in demo password changes it too').to.equal(403);
    const changed = await post('/login/password', { username: 'officer1', current: 'demo', password: 'officer1-own', confirm: 'officer1-own' });
    expect(changed.status).to.equal(303);
    expect(banner((await page(sessionOf(changed)!, '/')).text), 'staff are not shown it').to.equal(undefined);
    expect(banner((await page(admin, '/admin')).text)).to.include('head1、head2、head3、legal1、manager1、officer2、reviewer1。').and.not.include('officer1');
  });

  it('shows no banner once every handed-out password is changed', async () => {
    for (const username of DEMO.filter((u) => u !== 'officer1')) {
      const res = await new ApiClient(s.base).post('/api/auth/password', { username, password: 'demo', newPassword: `${username}-own-pw` });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    }
    const res = await post('/login', { username: 'admin', password: 'Zhifa-admin-2026' });
    expect(res.status).to.equal(303);
    const p = await page(sessionOf(res)!, '/admin');
    expect(p.status).to.equal(200);
    expect(banner(p.text)).to.equal(undefined);
  });
});
