import { expect } from 'chai';
import { view } from '../helpers/fixtures.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';
import { loginForm, formBody, webLogin, type WebSession } from '../helpers/web.ts';
import { accessOf, userByName, usersInGroups } from '../../src/store/users.ts';

/** Accounts after creation: deactivation and reactivation, password resets, department/groups/roles, one's own password; recorded who and when. */
describe('Web: managing user accounts', () => {
  let s: TestServer;
  let admin: WebSession;
  let officer1: WebSession;
  let manager1: WebSession;
  let head1: WebSession;

  before(async () => {
    s = await startProcessServer('web-user-accounts');
    [admin, officer1, manager1, head1] = await Promise.all([webLogin(s.base, 'admin', 'admin'), webLogin(s.base, 'officer1', 'demo'), webLogin(s.base, 'manager1', 'demo'), webLogin(s.base, 'head1', 'demo')]);
  });
  after(() => s.close());

  const db = () => s.zhifa.workflow.db;
  const changes = (username: string) => db()('user_changes').where({ username }).orderBy('id');
  const tokensOf = async (username: string) => db()('auth_tokens').where({ user_id: (await userByName(db(), username))!.id }).count<{ n: number | string }[]>({ n: '*' }).then((r) => Number(r[0]!.n));
  /** Whether the session still counts as signed in: a signed-out one is sent to /login. */
  const signedIn = async (who: WebSession) => (await who.get('/account')).status === 200;
  const canSignIn = async (username: string, password: string) => {
    const form = await loginForm(s.base);
    const res = await fetch(`${s.base}/login`, { method: 'POST', redirect: 'manual', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ _csrf: form.token, username, password }) });
    return res.status === 303;
  };
  /** The investigation form's people picker (investigators) on a fresh penalty case. */
  const pickerOffers = async () => {
    const started = await officer1.post('/cases/new/penalty', { party: '某化工厂', partyType: '法人及非法人组织', lead: '群众举报', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    const id = started.location!.replace('/cases/', '');
    const filing = (await view(s, id)).tasks.find((t: { elementId: string }) => t.elementId === 'filingApproval')!.id;
    expect((await head1.post(`/tasks/${filing}`, { fileCase: 'true', filingOpinion: '同意立案', violationDate: '2026-03-01', caseCause: '超标排放' })).status).to.equal(303);
    const investigation = (await view(s, id)).tasks.find((t: { elementId: string }) => t.elementId === 'investigation')!.id;
    const page = await officer1.get(`/tasks/${investigation}`);
    expect(page.status).to.equal(200);
    // People pickers are checkboxes (one per person who may be picked).
    return [...page.text.matchAll(/<input type="checkbox" name="[^"]+" value="([^"]+)"/g)].map((m) => m[1]);
  };

  it('answers staff, managers and process administrators with 403 on every account page and action, and changes nothing', async () => {
    expect((await admin.post('/admin/users', { username: 'modeler1', password: 'long enough', roles: 'process-admin' })).status).to.equal(200);
    const modeler1 = await webLogin(s.base, 'modeler1', 'long enough');
    for (const who of [officer1, manager1, modeler1]) {
      expect((await who.get('/admin/users/officer2')).status).to.equal(403);
      for (const [action, form] of [['deactivate', {}], ['reactivate', {}], ['password', { password: 'taken over!' }], ['access', { roles: 'admin', department: '局领导' }]] as const) {
        const res = await who.post(`/admin/users/officer2/${action}`, form);
        expect(res.status, action).to.equal(403);
        expect(res.text).to.include('无权访问');
      }
    }
    const officer2 = (await userByName(db(), 'officer2'))!;
    expect(!!officer2.active).to.equal(true);
    expect((await accessOf(db(), officer2)).roles).to.deep.equal(['staff']);
    expect(await canSignIn('officer2', 'demo')).to.equal(true);
    expect(await changes('officer2')).to.deep.equal([]);
  });

  it('refuses an action without the form token (CSRF) and changes nothing', async () => {
    const res = await admin.post('/admin/users/officer2/deactivate', {}, { csrf: null });
    expect(res.status).to.equal(403);
    expect(!!(await userByName(db(), 'officer2'))!.active).to.equal(true);
  });

  it('deactivates a user who left: their browser session and API token end at once, they cannot sign in, and pickers and reminder recipients leave them out; reactivation restores them', async () => {
    const officer2 = await webLogin(s.base, 'officer2', 'demo');
    const officer2Api = await ApiClient.login(s.base, 'officer2', 'demo');
    expect((await officer2Api.get('/api/tasks')).status).to.equal(200);
    expect(await pickerOffers()).to.include('officer2');

    const res = await admin.post('/admin/users/officer2/deactivate', {});
    expect(res.status).to.equal(200);
    expect(res.text).to.include('已停用 officer2').and.include('已停用</span>');
    expect(await tokensOf('officer2')).to.equal(0);
    expect(await signedIn(officer2), 'the open session is signed out').to.equal(false);
    expect((await officer2Api.get('/api/tasks')).status).to.equal(401);
    expect(await canSignIn('officer2', 'demo')).to.equal(false);
    expect(await pickerOffers()).not.to.include('officer2');
    expect((await usersInGroups(db(), ['officers'])).map((u) => u.username)).not.to.include('officer2');

    const list = await admin.get('/admin/users');
    expect(/<tr data-username="officer2"[^>]*>[\s\S]*?<\/tr>/.exec(list.text)?.[0]).to.include('已停用');
    expect(/<table data-testid="user-changes">[\s\S]*?<\/table>/.exec(list.text)?.[0], 'the latest changes on the page').to.include('停用账号').and.include('<code>admin</code>');
    expect((await admin.post('/admin/users/officer2/deactivate', {})).status, 'already deactivated').to.equal(422);

    const back = await admin.post('/admin/users/officer2/reactivate', {});
    expect(back.status).to.equal(200);
    expect(back.text).to.include('已重新启用 officer2');
    expect(await canSignIn('officer2', 'demo')).to.equal(true);
    expect(await pickerOffers()).to.include('officer2');
    const recorded = await changes('officer2');
    expect(recorded.map((c) => [c.kind, c.changed_by])).to.deep.equal([['deactivated', 'admin'], ['reactivated', 'admin']]);
    expect(Number(recorded[0].changed_at)).to.equal(s.clock.now().getTime());
    expect((await admin.get('/admin/users/ghost')).status).to.equal(404);
    expect((await admin.post('/admin/users/ghost/deactivate', {})).status).to.equal(404);
  });

  it('refuses an administrator deactivating themself or removing their own admin role, with a message, and changes nothing', async () => {
    const self = await admin.post('/admin/users/admin/deactivate', {});
    expect(self.status).to.equal(422);
    expect(self.text).to.include('不能停用自己的账号');
    const demoted = await admin.post('/admin/users/admin/access', { roles: 'process-admin', department: '' });
    expect(demoted.status).to.equal(422);
    expect(demoted.text).to.include('不能取消自己的「系统管理员」角色');
    const row = (await userByName(db(), 'admin'))!;
    expect(!!row.active).to.equal(true);
    expect((await accessOf(db(), row)).roles.sort()).to.deep.equal(['admin', 'process-admin']);
    expect(await signedIn(admin)).to.equal(true);
    expect(await changes('admin')).to.deep.equal([]);
  });

  it('resets a password: too short is refused and nothing changes; then the old password fails, the old sessions end and the new one signs in', async () => {
    const reviewer1 = await webLogin(s.base, 'reviewer1', 'demo');
    const short = await admin.post('/admin/users/reviewer1/password', { password: 'short' });
    expect(short.status).to.equal(422);
    expect(short.text).to.include('「新密码」至少 8 位');
    expect(await signedIn(reviewer1)).to.equal(true);

    const reset = await admin.post('/admin/users/reviewer1/password', { password: 'fresh-start-1' });
    expect(reset.status).to.equal(200);
    expect(reset.text).to.include('已重置 reviewer1 的密码');
    expect(await signedIn(reviewer1)).to.equal(false);
    expect(await canSignIn('reviewer1', 'demo')).to.equal(false);
    expect(await canSignIn('reviewer1', 'fresh-start-1')).to.equal(true);
    expect((await userByName(db(), 'reviewer1'))!.password_hash).to.match(/^\$2[aby]\$/);
    expect((await changes('reviewer1')).map((c) => c.kind)).to.deep.equal(['password-reset']);
    expect(JSON.stringify(await changes('reviewer1'))).not.to.include('fresh-start-1');
  });

  it("changes a user's department, groups and roles, refusing unknown ones field by field with nothing changed", async () => {
    const bad = await admin.post('/admin/users/officer1/access', { department: '法制审核科', groups: ['legal-reviewers', 'nobody'], roles: ['staff', 'emperor'] });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.include('未知的组：nobody').and.include('未知的角色：emperor');
    const none = await admin.post('/admin/users/officer1/access', { department: '法制审核科', groups: 'legal-reviewers' });
    expect(none.status).to.equal(422);
    expect(none.text).to.include('至少选择一个角色');
    let row = (await userByName(db(), 'officer1'))!;
    expect(row.department).to.equal('执法支队');
    expect((await accessOf(db(), row)).roles).to.deep.equal(['staff']);

    const ok = await admin.post('/admin/users/officer1/access', { department: '法制审核科', groups: 'legal-reviewers', roles: ['staff', 'manager'] });
    expect(ok.status).to.equal(200);
    row = (await userByName(db(), 'officer1'))!;
    const access = await accessOf(db(), row);
    expect(row.department).to.equal('法制审核科');
    expect(access.groups).to.deep.equal(['legal-reviewers']);
    expect(access.roles.sort()).to.deep.equal(['manager', 'staff']);
    expect((await officer1.get('/dashboard')).status, 'the open session has the new roles at once').to.equal(200);
    const [change] = await changes('officer1');
    expect(change.kind).to.equal('access-changed');
    expect(change.detail).to.include('部门：执法支队 → 法制审核科').and.include('组：officers → legal-reviewers').and.include('角色：staff → manager、staff');
    expect(change.changed_by).to.equal('admin');
    expect((await admin.post('/admin/users/officer1/access', { department: '法制审核科', groups: 'legal-reviewers', roles: ['staff', 'manager'] })).text).to.include('没有需要修改的内容');
    expect(await changes('officer1')).to.have.length(1);
  });

  it('lets a signed-in user change their own password only with the current one; their other sessions end, this one stays', async () => {
    const legal1 = await webLogin(s.base, 'legal1', 'demo');
    const elsewhere = await webLogin(s.base, 'legal1', 'demo');
    const page = await legal1.get('/account');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('修改密码').and.include('法制审核科');

    const wrong = await legal1.post('/account/password', { current: 'guess', password: 'my-new-pass', confirm: 'my-new-pass' });
    expect(wrong.status).to.equal(422);
    expect(wrong.text).to.include('「当前密码」不正确');
    const mismatch = await legal1.post('/account/password', { current: 'demo', password: 'my-new-pass', confirm: 'my-new-pasS' });
    expect(mismatch.status).to.equal(422);
    expect(mismatch.text).to.include('两次输入的新密码不一致');
    const short = await legal1.post('/account/password', { current: 'demo', password: 'short', confirm: 'short' });
    expect(short.status).to.equal(422);
    expect(await canSignIn('legal1', 'demo'), 'nothing changed').to.equal(true);
    expect(await changes('legal1')).to.deep.equal([]);

    const ok = await legal1.post('/account/password', { current: 'demo', password: 'my-new-pass', confirm: 'my-new-pass' });
    expect(ok.status).to.equal(200);
    expect(ok.text).to.include('密码已修改');
    expect(await signedIn(legal1)).to.equal(true);
    expect(await signedIn(elsewhere)).to.equal(false);
    expect(await canSignIn('legal1', 'demo')).to.equal(false);
    expect(await canSignIn('legal1', 'my-new-pass')).to.equal(true);
    expect((await changes('legal1')).map((c) => [c.kind, c.changed_by])).to.deep.equal([['password-changed', 'legal1']]);
    expect((await legal1.post('/account/password', { current: 'my-new-pass', password: 'another-one', confirm: 'another-one' }, { csrf: null })).status, 'CSRF').to.equal(403);
  });

  it('sends a signed-out visitor from /account to the sign-in page', async () => {
    const res = await fetch(`${s.base}/account`, { redirect: 'manual' });
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal('/login?next=%2Faccount');
  });

  it("gives the tasks a deactivated user had claimed from a group back to the group, on the record; nothing else they hold changes", async () => {
    await s.zhifa.accounts.create({ username: 'leaver', password: 'leaver-pw', department: '执法支队', groups: [{ id: 'officers', name: '承办人员' }], roles: ['staff'], certificate: { no: '43000000077', validUntil: new Date('2030-12-31T16:00:00Z') } });
    const leaver = await webLogin(s.base, 'leaver', 'leaver-pw');
    const started = await leaver.post('/cases/new/penalty', { party: '某冶炼厂', partyType: '法人及非法人组织', lead: '巡查发现', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    const id = started.location!.replace('/cases/', '');
    const filing = (await view(s, id)).tasks.find((t: { elementId: string }) => t.elementId === 'filingApproval')!.id;
    await head1.post(`/tasks/${filing}`, { fileCase: 'true', filingOpinion: '同意立案', violationDate: '2026-03-01' });
    const investigation = (await view(s, id)).tasks.find((t: { elementId: string }) => t.elementId === 'investigation')!.id;
    expect((await leaver.post(`/tasks/${investigation}/claim`, {})).status).to.equal(303);
    expect((await view(s, id)).tasks.find((t: { id: string }) => t.id === investigation).assignee).to.equal('leaver');

    expect((await admin.post('/admin/users/leaver/deactivate', {})).status).to.equal(200);
    const v = await view(s, id);
    expect(v.tasks.find((t: { id: string }) => t.id === investigation).assignee, 'back with the group').to.equal(null);
    expect(v.history.filter((h: { kind: string }) => h.kind === 'task.released').map((h: { actor: string; data: { from: string } }) => [h.actor, h.data.from])).to.deep.equal([['admin', 'leaver']]);
    const [change] = (await changes('leaver')).filter((c: { kind: string }) => c.kind === 'deactivated');
    expect(change.detail).to.include('退回已认领任务 1 项');
  });
});
