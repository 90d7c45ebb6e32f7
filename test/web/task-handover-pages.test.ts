import { expect } from 'chai';
import { deploy, startForDepartmentOf, view } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

/** The pages call the same handover service as the API: who holds a task, release, reassign, deputy. */
describe('Web: handing tasks over on the pages', function () {
  this.timeout(30_000);
  let s: TestServer;
  let officer1: WebSession;
  let officer2: WebSession;
  let manager: WebSession;
  before(async () => {
    s = await startServer({ label: 'web-task-handover' });
    await deploy(s, 'handover.bpmn');
    [officer1, officer2, manager] = await Promise.all(['officer1', 'officer2', 'manager1'].map((u) => webLogin(s.base, u, 'demo')));
  });
  after(() => s.close());

  it('the task list, task page and case page say who holds a task by name; the holder releases it back to the group', async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'handover', {});
    const task = (await view(s, id)).tasks[0];
    expect((await officer1.get('/')).text).to.include('<td data-testid="holder">待认领（承办人员）</td>');
    await officer1.post(`/tasks/${task.id}/claim`, {});
    expect((await officer1.get('/')).text).to.include('<td data-testid="holder">张执法</td>');
    const page = await officer1.get(`/tasks/${task.id}`);
    expect(page.text).to.include('<p data-testid="task-holder">张执法').and.to.include('data-testid="release-form"').and.not.to.include('data-testid="reassign-form"');
    expect((await officer1.get(`/cases/${id}`)).text).to.include('办理人：张执法');

    const released = await officer1.post(`/tasks/${task.id}/release`, { reason: '回避' });
    expect(released.status).to.equal(303);
    expect((await view(s, id)).tasks[0].assignee).to.equal(null);
    expect((await view(s, id)).history.find((h: { kind: string }) => h.kind === 'task.released').data.reason).to.equal('回避');
  });

  it('a manager reassigns from the task page to a named officer; a refusal shows why and changes nothing', async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'handover', {});
    const task = (await view(s, id)).tasks[0];
    const page = await manager.get(`/tasks/${task.id}`);
    expect(page.text).to.include('data-testid="reassign-form"').and.to.include('<option value="officer2">李执法</option>').and.not.to.include('<option value="legal1">');

    const refused = await manager.post(`/tasks/${task.id}/reassign`, { to: 'officer2', reason: '' });
    expect(refused.status).to.equal(422);
    expect(refused.text).to.include('<p class="error" role="alert" data-testid="handover-error">请填写改派理由</p>');
    expect((await view(s, id)).tasks[0].assignee).to.equal(null);

    const done = await manager.post(`/tasks/${task.id}/reassign`, { to: 'officer2', reason: '均衡工作量' });
    expect(done.status).to.equal(303);
    expect((await officer2.get('/')).text).to.include(`href="/tasks/${task.id}"`);
    expect((await view(s, id)).tasks[0].assignee).to.equal('officer2');
  });

  it('the account page sets a deputy; reversed dates are refused in Chinese and nothing is stored', async () => {
    const reversed = await officer2.post('/account/deputy', { deputy: 'officer1', from: '2026-03-10', to: '2026-03-05' });
    expect(reversed.status).to.equal(422);
    expect(reversed.text).to.include('代理结束日期 2026-03-05 早于开始日期 2026-03-10，请重新选择').and.to.include('未设代理人。');
    const ok = await officer2.post('/account/deputy', { deputy: 'officer1', from: '2026-03-02', to: '2026-03-06', reason: '年休假' });
    expect(ok.status).to.equal(200);
    expect(ok.text).to.include('当前代理人：张执法，2026-03-02 至 2026-03-06（年休假）');
    expect((await officer1.get('/account')).text).to.include('李执法：2026-03-02 至 2026-03-06');
    // officer2 holds the reassigned task of the test before: their deputy sees it today.
    const list = (await officer1.get('/')).text;
    expect(list).to.include('代理的任务').and.to.include('<td data-testid="holder">李执法</td>');
    expect((await officer2.post('/account/deputy', { clear: '1' })).text).to.include('未设代理人。');
  });
});
