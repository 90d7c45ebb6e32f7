import { expect } from 'chai';
import { startForDepartmentOf, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';
import { webLogin } from '../helpers/web.ts';

/** Two steps at once: one assigned by name (so its assignee may open the case), one offered to the officers. */
const SPLIT = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-split" targetNamespace="http://zhifa.local/test">
  <process id="split" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <parallelGateway id="fork" />
    <sequenceFlow id="f2" sourceRef="fork" targetRef="assist" />
    <sequenceFlow id="f3" sourceRef="fork" targetRef="decide" />
    <userTask id="assist" name="协助" camunda:assignee="helper9" />
    <userTask id="decide" name="决定" camunda:formKey="penalty-archive" camunda:candidateGroups="officers" />
    <sequenceFlow id="f4" sourceRef="assist" targetRef="join" />
    <sequenceFlow id="f5" sourceRef="decide" targetRef="join" />
    <parallelGateway id="join" />
    <sequenceFlow id="f6" sourceRef="join" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;

/**
 * "May this user act on this task" is one function (src/workflow/task-access.ts): the task page
 * offers its form by the same rule the API completes by, department scope included.
 */
describe('Web: the task page offers a form only to whom the API lets complete it', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'web-task-access' });
    expect((await s.api.post('/api/definitions', SPLIT, 'application/xml')).status).to.equal(201);
    // An officer of another department who is asked to assist in this case (so may open it).
    await s.zhifa.accounts.create({ username: 'helper9', password: 'pw', displayName: '协助人', department: '综合科', groups: [{ id: 'officers', name: '承办人员' }], roles: ['staff'] });
  });
  after(() => s.close());

  it('shows no form for an officers\' task of another department\'s case, and the API refuses it too; the case\'s own officer gets the form', async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'split', {});
    const decide = (await view(s, id)).tasks.find((t: { elementId: string }) => t.elementId === 'decide');
    const helper = await webLogin(s.base, 'helper9', 'pw');
    const page = await helper.get(`/tasks/${decide.id}`);
    expect(page.status, 'the assistant may open the case').to.equal(200);
    expect(page.text).to.include('data-testid="not-yours"');
    expect(page.text).not.to.include(`action="/tasks/${decide.id}"`);
    const api = await ApiClient.login(s.base, 'helper9', 'pw');
    expect((await api.post(`/api/tasks/${decide.id}/complete`, {})).status).to.equal(403);
    const own = await (await webLogin(s.base, 'officer1', 'demo')).get(`/tasks/${decide.id}`);
    expect(own.text).to.include(`action="/tasks/${decide.id}"`);
    expect(own.text).not.to.include('data-testid="not-yours"');
    expect((await view(s, id)).tasks.map((t: { elementId: string }) => t.elementId).sort()).to.deep.equal(['assist', 'decide']);
  });
});
