import { expect } from 'chai';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

/**
 * Started without ZHIFA_ADMIN_PASSWORD and ZHIFA_DEMO_PASSWORD, admin has "admin" and the demo
 * users "demo": nobody chose them, so they sign in only after choosing a new one.
 */
describe('API: default passwords must be changed at the first sign-in', () => {
  let s: TestServer;
  const anon = () => new ApiClient(s.base);
  const tokens = async () => Number((await s.zhifa.db('auth_tokens').count({ n: '*' }))[0]!.n);
  const flags = async (username: string) => {
    const row = await s.zhifa.db('users').where({ username }).first('must_change_password', 'seeded_password', 'password_hash');
    return { mustChange: Boolean(row.must_change_password), seeded: Boolean(row.seeded_password), hash: row.password_hash as string };
  };

  before(async () => {
    s = await startServer({ label: 'default-passwords-api', env: { ZHIFA_ADMIN_PASSWORD: undefined, ZHIFA_DEMO_PASSWORD: undefined }, adminPassword: null });
  });
  after(() => s.close());

  for (const [username, password] of [['admin', 'admin'], ['officer1', 'demo']]) {
    it(`answers ${username}'s sign-in with the default password 403 "must change password" and no token`, async () => {
      const res = await anon().post('/api/auth/login', { username, password });
      expect(res.status, JSON.stringify(res.body)).to.equal(403);
      expect(res.contentType).to.include('application/problem+json');
      expect(res.body.detail).to.include('must change password').and.include('POST /api/auth/password');
      expect(res.body.mustChangePassword).to.equal(true);
      expect(res.body.token).to.equal(undefined);
      expect(await tokens()).to.equal(0);
    });
  }

  it('refuses a change with a wrong current password (401) or a missing or short new one (422), and changes nothing', async () => {
    const before = await flags('admin');
    expect(before).to.include({ mustChange: true, seeded: true });
    const wrong = await anon().post('/api/auth/password', { username: 'admin', password: 'nimda', newPassword: 'a-long-new-password' });
    expect(wrong.status).to.equal(401);
    const short = await anon().post('/api/auth/password', { username: 'admin', password: 'admin', newPassword: 'short' });
    expect(short.status).to.equal(422);
    expect(short.body.detail).to.include('至少 8 位');
    const missing = await anon().post('/api/auth/password', { username: 'admin', password: 'admin' });
    expect(missing.status).to.equal(422);
    expect(await flags('admin')).to.deep.equal(before);
    expect(await tokens()).to.equal(0);
    expect((await anon().post('/api/auth/login', { username: 'admin', password: 'admin' })).status, 'still to be changed').to.equal(403);
  });

  it('changes it with the current one and answers a token that works; the old password no longer signs in, the new one does', async () => {
    const res = await anon().post('/api/auth/password', { username: 'admin', password: 'admin', newPassword: 'Zhifa-admin-2026' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const admin = anon().as(res.body.token);
    expect((await admin.get('/api/definitions')).status).to.equal(200);
    expect(await flags('admin')).to.include({ mustChange: false, seeded: false });
    expect((await anon().post('/api/auth/login', { username: 'admin', password: 'admin' })).status).to.equal(401);
    expect((await anon().post('/api/auth/login', { username: 'admin', password: 'Zhifa-admin-2026' })).status).to.equal(200);
    const change = await s.zhifa.db('user_changes').where({ username: 'admin', kind: 'password-changed' }).first();
    expect(change?.changed_by).to.equal('admin');
    expect((await anon().post('/api/auth/login', { username: 'officer1', password: 'demo' })).status, "another account's stays to be changed").to.equal(403);
  });
});

describe('API: passwords set by the operator are not forced to change', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'chosen-passwords-api', env: { ZHIFA_ADMIN_PASSWORD: 'operator-chosen', ZHIFA_DEMO_PASSWORD: 'training-2026' }, adminPassword: 'operator-chosen' });
  });
  after(() => s.close());

  it('signs admin and the demo users in with ZHIFA_ADMIN_PASSWORD and ZHIFA_DEMO_PASSWORD', async () => {
    expect((await s.api.get('/api/definitions')).status).to.equal(200);
    const officer = await new ApiClient(s.base).post('/api/auth/login', { username: 'officer1', password: 'training-2026' });
    expect(officer.status, JSON.stringify(officer.body)).to.equal(200);
  });
});
