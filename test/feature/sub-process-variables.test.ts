import { expect } from 'chai';
import { deploy, openTask, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: an embedded sub-process shares its variables with its process', () => {
  let s: TestServer;
  let officer: ApiClient;
  let head: ApiClient;
  before(async () => {
    s = await startServer({ label: 'sub-process-variables' });
    await deploy(s, 'sub-process-variables.bpmn');
    await s.zhifa.accounts.create({ username: 'off', password: 'pw', groups: [{ id: 'officers', name: '承办' }] });
    await s.zhifa.accounts.create({ username: 'boss', password: 'pw', groups: [{ id: 'heads', name: '负责人' }] });
    officer = await ApiClient.login(s.base, 'off', 'pw');
    head = await ApiClient.login(s.base, 'boss', 'pw');
  });
  after(() => s.close());

  const complete = async (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => {
    const task = await openTask(s, id, elementId);
    const res = await who.post(`/api/tasks/${task.id}/complete`, { variables });
    expect(res.status, JSON.stringify(res.body)).to.equal(204);
  };
  const openIds = async (id: string) => (await view(s, id)).tasks.map((t: { elementId: string }) => t.elementId).sort();

  it('Given a form and a service inside a bpmn:subProcess, then what they set reaches the case variables and the gateway after the sub-process', async () => {
    const id = await startInstance(s, 'sub-process-variables', { caseNo: 'S-1' });
    expect(await openIds(id)).to.deep.equal(['appoint', 'assess']);
    // Set on the parallel branch after the sub-process began: seen inside it, as at top level.
    await complete(head, id, 'appoint', { confirmer: 'off' });

    await complete(officer, id, 'assess', { severity: 'heavy', findings: '超标排放' });
    let v = await view(s, id);
    expect(v.variables, 'a form completed inside the sub-process').to.include({ caseNo: 'S-1', severity: 'heavy', findings: '超标排放' });
    expect(v.variables, 'a service run inside the sub-process').to.include({ assessedIn: 'assessment' });
    expect(v.variables).to.not.have.any.keys('content', 'fields', 'properties');
    expect((await openTask(s, id, 'confirm')).assignee).to.equal('off');
    await complete(officer, id, 'confirm', { confirmed: true });

    v = await view(s, id);
    expect(v.variables).to.include({ severity: 'heavy', assessedIn: 'assessment', confirmer: 'off', confirmed: true });
    expect(await openIds(id), 'the gateway after the sub-process reads what was set inside it').to.deep.equal(['heavy']);
  });

  it('Given a light assessment inside the sub-process, then the gateway after it takes the default path', async () => {
    const id = await startInstance(s, 'sub-process-variables', { caseNo: 'S-2' });
    await complete(head, id, 'appoint', { confirmer: 'off' });
    await complete(officer, id, 'assess', { severity: 'light' });
    await complete(officer, id, 'confirm', {});
    expect((await view(s, id)).variables).to.include({ severity: 'light', assessedIn: 'assessment' });
    expect(await openIds(id)).to.deep.equal(['light']);
  });
});
