import path from 'node:path';
import { expect } from 'chai';
import { deploy, openTask, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, FIXTURES, startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: a task form is checked before the case moves', () => {
  let s: TestServer;
  let officer: ApiClient;
  before(async () => {
    s = await startServer({ label: 'task-forms', env: { ZHIFA_FORMS_DIR: path.join(FIXTURES, 'forms'), ZHIFA_PROTECTED_VARIABLES: path.join(FIXTURES, 'protected-variables.json') } });
    await deploy(s, 'investigate.bpmn');
    await s.zhifa.accounts.create({ username: 'intern', password: 'pw', displayName: '实习生', groups: [{ id: 'officers', name: '承办人员' }] });
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
  });
  after(() => s.close());

  const submit = async (variables: Record<string, unknown>) => {
    const id = await startInstance(s, 'investigate');
    const task = await openTask(s, id, 'investigation');
    return { id, res: await officer.post(`/api/tasks/${task.id}/complete`, { variables }) };
  };

  it('refuses a missing required field with a Chinese message naming it, and the case does not move', async () => {
    const { id, res } = await submit({ investigators: ['officer1', 'officer2'] });
    expect(res.status).to.equal(422);
    expect(res.body.errors).to.deep.equal([{ field: 'findings', message: '「调查结论」为必填项' }]);
    const v = await view(s, id);
    expect(v.status).to.equal('running');
    expect(v.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['investigation']);
    expect(v.history.map((h: { kind: string }) => h.kind)).to.not.include('task.completed');
  });

  it('refuses one officer named twice, and an officer without a valid certificate', async () => {
    const twice = await submit({ investigators: ['officer1', 'officer1'], findings: '超标排放' });
    expect(twice.res.status).to.equal(422);
    expect(twice.res.body.errors).to.deep.include({ field: 'investigators', message: '「调查人员」不能是同一人' });
    const uncertified = await submit({ investigators: ['officer1', 'intern'], findings: '超标排放' });
    expect(uncertified.res.status).to.equal(422);
    expect(uncertified.res.body.errors).to.deep.equal([{ field: 'investigators', message: '「调查人员」中的 实习生 没有有效的执法证' }]);
    expect((await view(s, uncertified.id)).status).to.equal('running');
  });

  it('refuses the investigation to someone without a valid enforcement certificate, whoever they name', async () => {
    const intern = await ApiClient.login(s.base, 'intern', 'pw');
    const id = await startInstance(s, 'investigate');
    const task = await openTask(s, id, 'investigation');
    const res = await intern.post(`/api/tasks/${task.id}/complete`, { variables: { investigators: ['officer1', 'officer2'], findings: '超标排放' } });
    expect(res.status).to.equal(422);
    expect(res.body.errors).to.deep.equal([{ field: '', message: '「办理人」中的 实习生 没有有效的执法证：只有持有效执法证的人员可以办理「调查取证」' }]);
    expect((await view(s, id)).status).to.equal('running');
  });

  it('refuses values of the wrong type, and accepts a valid submission', async () => {
    const wrong = await submit({ investigators: ['officer1', 'officer2'], findings: '超标排放', fine: '五万' });
    expect(wrong.res.body.errors).to.deep.equal([{ field: 'fine', message: '「拟罚款金额（元）」格式不正确（应为数字）' }]);
    const ok = await submit({ investigators: ['officer1', 'officer2'], findings: '超标排放', fine: 50000 });
    expect(ok.res.status).to.equal(204);
    const v = await view(s, ok.id);
    expect(v.variables.handledBy, 'the form records who handled the step').to.equal('officer1');
    expect(v.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['caseReview']);
  });

  it('refuses a case review by someone who investigated the case', async () => {
    const reviewer = await ApiClient.login(s.base, 'reviewer1', 'demo');
    const { id, res } = await submit({ investigators: ['officer1', 'reviewer1'], findings: '超标排放' });
    expect(res.status).to.equal(204);
    const review = await openTask(s, id, 'caseReview');
    const refused = await reviewer.post(`/api/tasks/${review.id}/complete`, { variables: { conclusion: '同意' } });
    expect(refused.status).to.equal(422);
    expect(refused.body.errors).to.deep.equal([{ field: '', message: '您是本案的调查人员，不得办理本环节' }]);
    expect((await view(s, id)).tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['caseReview']);
  });
});
