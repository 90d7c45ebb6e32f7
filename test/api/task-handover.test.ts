import { expect } from 'chai';
import { deploy, startForDepartmentOf, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

const officers = [{ id: 'officers', name: '承办人员' }];

/**
 * Handing over (src/workflow/task-handover.ts): release, reassignment by a head or manager to a
 * person who may act, and a deputy while on leave; every change in the case's record, every
 * refusal a Chinese 4xx that changes nothing.
 */
describe('API: handing tasks over (release, reassign, deputy)', function () {
  this.timeout(30_000);
  let s: TestServer;
  const as: Record<string, ApiClient> = {};
  const task = async (id: string) => (await view(s, id)).tasks[0];
  const record = async (id: string, kind: string) => (await view(s, id)).history.filter((h: { kind: string }) => h.kind === kind);
  const tasksOf = async (who: string) => (await as[who]!.get('/api/tasks')).body as Array<{ id: string; holderName: string | null; onBehalfOf: string | null }>;

  before(async () => {
    s = await startServer({ label: 'api-task-handover' });
    await deploy(s, 'handover.bpmn'); // a step offered to the officers, then one to the heads
    const validUntil = new Date('2030-12-31T16:00:00Z');
    await s.zhifa.accounts.create({ username: 'officer3', password: 'pw', displayName: '孙新人', department: '执法支队', groups: officers, roles: ['staff'] });
    await s.zhifa.accounts.create({ username: 'officer9', password: 'pw', displayName: '郑外调', department: '综合科', groups: officers, roles: ['staff'], certificate: { no: '43000000009', validUntil } });
    await s.zhifa.accounts.create({ username: 'manager9', password: 'pw', displayName: '钱科长', department: '综合科', groups: [{ id: 'managers', name: '管理人员' }], roles: ['manager'] });
    for (const u of ['officer1', 'officer2', 'manager1', 'head1', 'legal1']) as[u] = await ApiClient.login(s.base, u, 'demo');
    for (const u of ['officer3', 'manager9']) as[u] = await ApiClient.login(s.base, u, 'pw');
  });
  after(() => s.close());

  it('the holder releases a claimed task to its group, recorded; someone else may not', async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'handover', {});
    const t = await task(id);
    expect((await as.officer1!.post(`/api/tasks/${t.id}/claim`)).status).to.equal(200);
    expect((await tasksOf('officer1')).find((x) => x.id === t.id)?.holderName).to.equal('张执法');

    const refused = await as.officer2!.post(`/api/tasks/${t.id}/release`, {});
    expect(refused.status).to.equal(403);
    expect((await task(id)).assignee).to.equal('officer1');

    const res = await as.officer1!.post(`/api/tasks/${t.id}/release`, { reason: '出差' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect((await task(id)).assignee).to.equal(null);
    const [entry] = await record(id, 'task.released');
    expect(entry).to.include({ actor: 'officer1', elementId: 'inspect' });
    expect(entry.data).to.deep.include({ taskId: t.id, from: 'officer1', reason: '出差' });
    expect(Date.parse(entry.at)).to.equal(s.clock.now().getTime());
    const again = await as.officer1!.post(`/api/tasks/${t.id}/release`, {});
    expect([again.status, again.body.detail]).to.deep.equal([409, '「现场检查」尚无人认领，无需退回']);
  });

  it('a manager reassigns to a certified officer of the department, recorded with who, to whom, when and why; the officer now holds it', async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'handover', {});
    const t = await task(id);
    await as.officer1!.post(`/api/tasks/${t.id}/claim`);
    const refusals: Array<[ApiClient, unknown, number, string]> = [
      [as.officer2!, { to: 'officer2', reason: '我来办' }, 403, '只有负责人或本部门（执法支队）的管理人员可以改派此任务'],
      [as.manager9!, { to: 'officer2', reason: '调整' }, 403, '只有负责人或本部门（执法支队）的管理人员可以改派此任务'],
      [as.manager1!, { to: '', reason: '调整' }, 400, '请选择接手任务的人员'],
      [as.manager1!, { to: 'nobody', reason: '调整' }, 422, '「nobody」不是本系统的在用账号'],
      [as.manager1!, { to: 'legal1', reason: '调整' }, 422, '赵法制 不能办理「现场检查」：须为承办人员且属于本案所属部门（执法支队）'],
      [as.manager1!, { to: 'officer9', reason: '调整' }, 422, '郑外调 不能办理「现场检查」：须为承办人员且属于本案所属部门（执法支队）'],
      [as.manager1!, { to: 'officer3', reason: '调整' }, 422, '孙新人 没有有效的执法证，不能办理「现场检查」'],
      [as.manager1!, { to: 'officer2', reason: '  ' }, 422, '请填写改派理由'],
      [as.manager1!, { to: 'officer1', reason: '调整' }, 422, '「现场检查」已由 张执法 办理'],
    ];
    for (const [who, body, status, detail] of refusals) {
      const res = await who.post(`/api/tasks/${t.id}/reassign`, body);
      expect([res.status, res.body.detail], JSON.stringify(body)).to.deep.equal([status, detail]);
    }
    expect((await task(id)).assignee, 'nothing changed').to.equal('officer1');
    expect(await record(id, 'task.reassigned')).to.have.length(0);

    s.clock.advance(3_600_000);
    const res = await as.manager1!.post(`/api/tasks/${t.id}/reassign`, { to: 'officer2', reason: '张执法休假' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.assignee).to.equal('officer2');
    const [entry] = await record(id, 'task.reassigned');
    expect(entry.actor).to.equal('manager1');
    expect(entry.data).to.deep.equal({ taskId: t.id, from: 'officer1', to: 'officer2', reason: '张执法休假' });
    expect(Date.parse(entry.at)).to.equal(s.clock.now().getTime());
    expect((await tasksOf('officer2')).find((x) => x.id === t.id)?.holderName).to.equal('李执法');
    expect((await tasksOf('officer1')).map((x) => x.id)).not.to.include(t.id);
    expect((await as.officer1!.post(`/api/tasks/${t.id}/complete`, {})).status).to.equal(403);
    expect((await as.officer2!.post(`/api/tasks/${t.id}/complete`, {})).status).to.equal(204);
    // The record still verifies with the handover entries in its chain.
    expect((await s.api.get(`/api/cases/${id}/record/verify`)).body.ok).to.equal(true);
  });

  it('a head reassigns an unclaimed task of any department', async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'handover', {});
    const t = await task(id);
    const res = await as.head1!.post(`/api/tasks/${t.id}/reassign`, { to: 'officer1', reason: '指定承办' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect((await record(id, 'task.reassigned'))[0].data).to.include({ from: null, to: 'officer1' });
  });

  it('a deputy sees and works the tasks of a user on leave during the range only, recorded as acting for them; bad input changes nothing', async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'handover', {});
    const t = await task(id);
    await as.officer2!.post(`/api/tasks/${t.id}/claim`);
    const refusals: Array<[unknown, number, string]> = [
      [{ deputy: 'officer1', from: '2026-03-06', to: '2026-03-03' }, 422, '代理结束日期 2026-03-03 早于开始日期 2026-03-06，请重新选择'],
      [{ deputy: 'officer1', from: '2026-02-30', to: '2026-03-03' }, 400, '代理开始日期「2026-02-30」不是有效日期，请按 2026-01-31 的格式填写'],
      [{ deputy: 'ghost', from: '2026-03-03', to: '2026-03-06' }, 422, '「ghost」不是本系统的在用账号'],
      [{ deputy: 'officer2', from: '2026-03-03', to: '2026-03-06' }, 422, '不能指定自己为代理人'],
      [{ deputy: 'officer9', from: '2026-03-03', to: '2026-03-06' }, 422, '代理人须为本部门（执法支队）的人员，郑外调 不是'],
      [{ from: '2026-03-03', to: '2026-03-06' }, 400, '请选择代理人'],
    ];
    for (const [body, status, detail] of refusals) {
      const res = await as.officer2!.request<any>('PUT', '/api/users/me/deputy', body);
      expect([res.status, res.body.detail], JSON.stringify(body)).to.deep.equal([status, detail]);
    }
    expect((await as.officer2!.get('/api/users/me/deputy')).body.deputy, 'nothing stored').to.equal(null);

    const set = await as.officer2!.request<any>('PUT', '/api/users/me/deputy', { deputy: 'officer1', from: '2026-03-03', to: '2026-03-06', reason: '年休假' });
    expect(set.status, JSON.stringify(set.body)).to.equal(200);
    expect(set.body.deputy).to.deep.equal({ username: 'officer1', name: '张执法', from: '2026-03-03', to: '2026-03-06', reason: '年休假' });
    expect((await as.officer1!.get('/api/users/me/deputy')).body.standingInFor).to.deep.equal([{ username: 'officer2', name: '李执法', from: '2026-03-03', to: '2026-03-06' }]);
    // Monday 2 March: the leave has not begun.
    expect((await tasksOf('officer1')).map((x) => x.id)).not.to.include(t.id);
    expect((await as.officer1!.post(`/api/tasks/${t.id}/complete`, {})).status).to.equal(403);

    s.clock.set(new Date('2026-03-03T01:00:00Z'));
    const seen = (await tasksOf('officer1')).find((x) => x.id === t.id);
    expect(seen).to.include({ holderName: '李执法', onBehalfOf: 'officer2' });
    expect((await as.officer1!.post(`/api/tasks/${t.id}/complete`, {})).status).to.equal(204);
    const [done] = (await record(id, 'task.completed')).filter((h: { elementId: string }) => h.elementId === 'inspect');
    expect(done.actor).to.equal('officer1');
    expect(done.data.onBehalfOf).to.equal('officer2');

    s.clock.set(new Date('2026-03-07T01:00:00Z'));
    const id2 = await startForDepartmentOf(s, 'officer1', 'handover', {});
    const t2 = await task(id2);
    await as.officer2!.post(`/api/tasks/${t2.id}/claim`);
    expect((await tasksOf('officer1')).map((x) => x.id), 'the range is over').not.to.include(t2.id);
    expect((await as.officer2!.request<any>('DELETE', '/api/users/me/deputy')).body.deputy).to.equal(null);
  });
});
