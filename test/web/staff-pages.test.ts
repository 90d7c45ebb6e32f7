import { expect } from 'chai';
import { view } from '../helpers/fixtures.ts';
import { startProcessServer, type TestServer } from '../helpers/server.ts';
import { formBody, loginForm, webLogin, type WebSession } from '../helpers/web.ts';

/** The staff pages over HTTP: sign-in, CSRF, department access, escaping, and task forms with server validation. */
describe('Web: staff pages', () => {
  let s: TestServer;
  let officer1: WebSession;
  let head1: WebSession;

  before(async () => {
    s = await startProcessServer('web-staff');
    [officer1, head1] = await Promise.all([webLogin(s.base, 'officer1', 'demo'), webLogin(s.base, 'head1', 'demo')]);
  });
  after(() => s.close());

  const startPenalty = async (who: WebSession, party: string) => {
    const res = await who.post('/cases/new/penalty', { party, partyType: '法人及非法人组织', lead: '群众举报夜间偷排', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    expect(res.status, res.text.slice(0, 300)).to.equal(303);
    return res.location!.replace('/cases/', '');
  };
  const taskId = async (caseId: string, elementId: string) => (await view(s, caseId)).tasks.find((t: { elementId: string }) => t.elementId === elementId)!.id as string;

  it('refuses a mistyped 统一社会信用代码 on the start form, on its field, keeping what was typed', async () => {
    const res = await officer1.post('/cases/new/penalty', { party: '湘西某化工有限公司', partyType: '法人及非法人组织', creditCode: '91433100MA4L12345X', lead: '群众举报夜间偷排', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    expect(res.status).to.equal(422);
    expect(res.text).to.match(/id="err-creditCode"[^>]*>[^<]*统一社会信用代码校验位不符，请核对是否录入有误/);
    expect(res.text).to.include('value="91433100MA4L12345X"').and.to.include('aria-invalid="true" aria-describedby="err-creditCode"');
  });

  it('sends a signed-out visitor to the sign-in page and back to where they were going', async () => {
    const res = await fetch(`${s.base}/cases/new`, { redirect: 'manual' });
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal('/login?next=%2Fcases%2Fnew');
    const form = await loginForm(s.base);
    const login = await fetch(`${s.base}/login`, { method: 'POST', redirect: 'manual', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ _csrf: form.token, username: 'officer1', password: 'demo', next: '/cases/new' }) });
    expect(login.headers.get('location')).to.equal('/cases/new');
    const offsite = await fetch(`${s.base}/login`, { method: 'POST', redirect: 'manual', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ _csrf: form.token, username: 'officer1', password: 'demo', next: '//evil.example/' }) });
    expect(offsite.headers.get('location'), 'never an open redirect').to.equal('/');
  });

  it('refuses a sign-in form without its CSRF token, and slows down password guessing to 5 failures per account and address in 15 minutes without locking the owner out', async () => {
    const form = await loginForm(s.base);
    const noToken = await fetch(`${s.base}/login`, { method: 'POST', redirect: 'manual', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ username: 'officer2', password: 'demo' }) });
    expect(noToken.status).to.equal(403);
    // The server trusts X-Forwarded-For from loopback only (its reverse proxy), as the test is.
    const attempt = (password: string, address = '203.0.113.66') => fetch(`${s.base}/login`, { method: 'POST', redirect: 'manual', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address }, body: formBody({ _csrf: form.token, username: 'reviewer1', password }) });
    for (let i = 0; i < 5; i++) {
      const wrong = await attempt('guess' + i);
      expect(wrong.status).to.equal(401);
      expect(await wrong.text()).to.include('用户名或密码错误');
    }
    const blocked = await attempt('demo');
    expect(blocked.status, 'even the right password waits, from the guessing address').to.equal(429);
    expect(Number(blocked.headers.get('retry-after'))).to.be.within(1, 900);
    expect(await blocked.text()).to.include('登录失败次数过多');
    const owner = await attempt('demo', '198.51.100.20');
    expect(owner.status, 'the owner, from an address that has not failed, signs in').to.equal(303);
    expect(owner.headers.getSetCookie().some((c) => c.startsWith('zhifa_session='))).to.equal(true);
    expect((await attempt('demo')).status, 'the guessing address still waits').to.equal(429);
    s.clock.set(new Date(s.clock.now().getTime() + 16 * 60_000));
    const after = await attempt('demo');
    expect(after.status, 'after the window the address signs in again: ' + (await after.text()).replace(/[\s\S]*<main>/, '').slice(0, 400)).to.equal(303);
  });

  it('starts a penalty case from its start form; the party named <script> stays text on every page', async () => {
    const id = await startPenalty(officer1, '<script>alert(1)</script>某公司');
    const page = await officer1.get(`/cases/${id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.include('&lt;script&gt;alert(1)&lt;/script&gt;某公司');
    expect(page.text).not.to.include('<script>alert(1)');
    const clocks = /<table data-testid="clocks">[\s\S]*?<\/table>/.exec(page.text)?.[0] ?? '';
    expect(clocks, "the clock the diagram started is shown in the clocks table with its last day: 15 calendar days after 2 March, not 18 March 00:00").to.match(/<tr><td>立案审查期限<\/td><td><span class="badge [^"]*">计时中<\/span><\/td><td>2026-03-17 届满/);
    const tasks = await head1.get('/');
    expect(tasks.text).to.include('立案审批').and.to.include('&lt;script&gt;');
    expect(tasks.text).not.to.include('<script>alert(1)');
  });

  it('refuses a form post without the CSRF token (403) and changes nothing', async () => {
    const id = await startPenalty(officer1, '湘西某化工有限公司');
    const task = await taskId(id, 'filingApproval');
    const res = await head1.post(`/tasks/${task}`, { fileCase: 'true', filingOpinion: '同意立案', violationDate: '2026-03-01' }, { csrf: null });
    expect(res.status).to.equal(403);
    expect(res.text).to.include('CSRF');
    const forged = await head1.post(`/tasks/${task}`, { fileCase: 'true', filingOpinion: '同意立案', violationDate: '2026-03-01' }, { csrf: officer1.csrf });
    expect(forged.status, "another session's token does not do").to.equal(403);
    expect((await view(s, id)).tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['filingApproval']);
  });

  it('answers 403 for a case or task of another department, naming nothing of it', async () => {
    const id = await startPenalty(officer1, '保密的当事人');
    await s.zhifa.accounts.create({ username: 'outsider', password: 'pw', displayName: '外部门', department: '其他执法大队', roles: ['staff'] });
    const outsider = await webLogin(s.base, 'outsider', 'pw');
    const casePage = await outsider.get(`/cases/${id}`);
    expect(casePage.status).to.equal(403);
    expect(casePage.text).to.include('无权查看').and.not.to.include('保密的当事人');
    const task = await taskId(id, 'filingApproval');
    const taskPage = await outsider.get(`/tasks/${task}`);
    expect(taskPage.status).to.equal(403);
    expect(taskPage.text).not.to.include('保密的当事人');
    expect((await outsider.get(`/cases/${id}/diagram.bpmn`)).status).to.equal(403);
    expect((await outsider.post(`/tasks/${task}/claim`, {})).status).to.equal(403);
    expect((await view(s, id)).tasks[0].assignee, 'nothing claimed').to.equal(null);
  });

  it('shows server validation next to each field (Chinese), keeps what was typed, and the case does not move; a valid form moves it', async () => {
    const id = await startPenalty(officer1, '湘西某冶炼厂');
    const filing = await taskId(id, 'filingApproval');
    const filed = await head1.post(`/tasks/${filing}`, { fileCase: 'true', filingOpinion: '同意立案', violationDate: '2026-03-01', caseCause: '超标排放' });
    expect(filed.status).to.equal(303);
    expect(filed.location).to.equal(`/cases/${id}?completed=${encodeURIComponent('立案审批')}`);

    const investigation = await taskId(id, 'investigation');
    await officer1.post(`/tasks/${investigation}/claim`, {});
    const twice = await officer1.post(`/tasks/${investigation}`, {
      investigators: ['officer1', 'officer1'],
      certificatesShown: 'on',
      facts: '夜间偷排含铬废水',
      'evidence[0][name]': '现场检查笔录',
      'evidence[0][kind]': '勘验笔录、现场笔录',
    });
    expect(twice.status).to.equal(422);
    expect(twice.text).to.match(/data-field="investigators"[\s\S]*?class="field-error"[^>]*>[^<]*不能是同一人/);
    expect(twice.text, 'what was typed is kept').to.include('夜间偷排含铬废水');
    expect((await view(s, id)).tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['investigation']);

    const ok = await officer1.post(`/tasks/${investigation}`, {
      investigators: ['officer1', 'officer2'],
      certificatesShown: 'on',
      facts: '夜间偷排含铬废水',
      'evidence[0][name]': '现场检查笔录',
      'evidence[0][kind]': '勘验笔录、现场笔录',
      'evidence[1][name]': '',
    });
    expect(ok.status, ok.text.slice(0, 500)).to.equal(303);
    const v = await view(s, id);
    expect(v.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['caseReview']);
    expect(v.variables.investigators).to.deep.equal(['officer1', 'officer2']);
    expect(v.variables.evidence).to.deep.equal([{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }]);
  });

  it("records what the case waits to be told (an extension request) from the case page; an outsider is refused and nothing moves", async () => {
    const id = await startPenalty(officer1, '湘西某造纸厂');
    await head1.post(`/tasks/${await taskId(id, 'filingApproval')}`, { fileCase: 'true', filingOpinion: '同意立案', violationDate: '2026-03-01' });
    const page = await officer1.get(`/cases/${id}`);
    const action = /action="(\/cases\/[^"]+\/events\/(\d+))"[^]*?data-testid="case-action">收到延长办案期限申请</.exec(page.text);
    expect(action, 'the waiting event is offered under its name in the diagram').to.not.equal(null);
    await s.zhifa.accounts.create({ username: 'outsider2', password: 'pw', department: '其他执法大队', roles: ['staff'] });
    const outsider = await webLogin(s.base, 'outsider2', 'pw');
    expect((await outsider.post(action![1]!, {})).status).to.equal(403);
    const before = (await view(s, id)).tasks.length;
    const recorded = await officer1.post(action![1]!, {});
    expect(recorded.status).to.equal(303);
    expect(decodeURIComponent(recorded.location!)).to.equal(`/cases/${id}?recorded=收到延长办案期限申请`);
    const v = await view(s, id);
    expect(v.tasks.length, 'the request task opened').to.equal(before + 1);
    expect(v.history.some((h: { kind: string; actor: string }) => h.kind === 'message.correlated' && h.actor === 'officer1')).to.equal(true);
    expect((await officer1.post(action![1]!, {})).status, 'recorded once').to.equal(404);
  });
});
