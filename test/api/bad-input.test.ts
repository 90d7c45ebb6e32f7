import { expect } from 'chai';
import { ServiceRegistry } from '../../src/engine/services.ts';
import { deploy, fixture, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

const problem = (res: { status: number; contentType: string; body: { detail?: string } }, status: number, detailPattern: RegExp) => {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.contentType).to.contain('application/problem+json');
  expect(res.body.detail).to.match(detailPattern);
};

describe('API: bad input gets a clear 4xx and changes nothing', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'bad-input', services: new ServiceRegistry() });
    await deploy(s, 'two-tasks.bpmn');
  });
  after(() => s.close());

  const definitionCount = async () => (await s.api.get('/api/definitions')).body.length;
  const count = async (table: string) => Number((await s.zhifa.db(table).count({ n: '*' }))[0]!.n);
  /** What a refused request must leave as it was. */
  const snapshot = async () => ({ definitions: await definitionCount(), instances: await count('instances'), tasks: await count('tasks'), history: await count('history') });

  it('refuses malformed XML, naming line and column', async () => {
    const before = await definitionCount();
    const res = await s.api.post('/api/definitions', '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <process id="p" isExecutable="true">\n  </proces>\n</definitions>', 'application/xml');
    problem(res, 400, /does not parse.*line 3, column 3.*closing tag mismatch/);
    expect(await definitionCount()).to.equal(before);
  });

  it('refuses unknown elements, naming them', async () => {
    const before = await snapshot();
    const xml = fixture('two-tasks.bpmn').replace('<endEvent id="done" />', '<endEvent id="done" /><bogusTask id="x" />');
    const res = await s.api.post('/api/definitions', xml, 'application/xml');
    problem(res, 400, /bogusTask/);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses a time expression that does not parse, naming the element', async () => {
    const before = await snapshot();
    const xml = fixture('two-tasks.bpmn').replace('<timeDuration>P3D</timeDuration>', '<timeDuration>P7XD</timeDuration>').replace('camunda:dueDate="P2D"', 'camunda:dueDate="tomorrow"');
    const res = await s.api.post('/api/definitions', xml, 'application/xml');
    problem(res, 422, /reviewLate: timeDuration "P7XD" is not a period.*review: camunda:dueDate "tomorrow"|review: camunda:dueDate "tomorrow".*reviewLate: timeDuration "P7XD"/);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses a BPMN document without an executable process', async () => {
    const xml = fixture('two-tasks.bpmn').replace('isExecutable="true"', 'isExecutable="false"');
    const before = await snapshot();
    problem(await s.api.post('/api/definitions', xml, 'application/xml'), 400, /no executable process/);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses an empty body and a body over the size limit', async () => {
    const before = await snapshot();
    problem(await s.api.post('/api/definitions', '', 'application/xml'), 400, /BPMN/);
    problem(await s.api.post('/api/instances', { processKey: 'two-tasks', variables: { blob: 'x'.repeat(3 * 1024 * 1024) } }), 413, /larger than the limit/);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses an unknown process key, variables that are not an object, and invalid JSON', async () => {
    const before = await snapshot();
    problem(await s.api.post('/api/instances', { processKey: 'nope' }), 404, /no process with key "nope"/);
    problem(await s.api.post('/api/instances', { processKey: 'two-tasks', variables: [1, 2] }), 400, /variables must be a JSON object/);
    problem(await s.api.post('/api/instances', { processKey: 'two-tasks', variables: 'x' }), 400, /variables must be a JSON object/);
    problem(await s.api.post('/api/instances', '{"processKey": ', 'application/json'), 400, /not valid JSON/);
    problem(await s.api.post('/api/instances', {}), 400, /流程标识（processKey）为必填项/);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('answers 404 for a task or instance that does not exist', async () => {
    const before = await snapshot();
    problem(await s.api.post('/api/tasks/not-a-task/complete', {}), 404, /^任务不存在$/);
    problem(await s.api.get('/api/instances/not-an-instance'), 404, /^案件不存在$/);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('answers 409 for a task already completed, and 403 to someone it was never offered to, leaving the instance as it was', async () => {
    const id = await startInstance(s, 'two-tasks', { initiator: 'admin' });
    await s.zhifa.accounts.create({ username: 'r1', password: 'pw', groups: [{ id: 'reviewers', name: '审核组' }] });
    const r1 = await ApiClient.login(s.base, 'r1', 'pw');
    const task = (await view(s, id)).tasks[0];
    expect((await r1.post(`/api/tasks/${task.id}/complete`, { variables: { accepted: true } })).status).to.equal(204);
    const before = { view: await view(s, id), ...(await snapshot()) };
    problem(await r1.post(`/api/tasks/${task.id}/complete`, { variables: { accepted: false } }), 409, /已办结/);
    await s.zhifa.accounts.create({ username: 'outsider', password: 'pw' });
    const outsider = await ApiClient.login(s.base, 'outsider', 'pw');
    const open = (await view(s, id)).tasks[0];
    expect(open, 'the instance went on to its next task').to.not.equal(undefined);
    expect((await outsider.post(`/api/tasks/${open.id}/complete`, {})).status).to.equal(403);
    expect({ view: await view(s, id), ...(await snapshot()) }).to.deep.equal(before);
  });

  it('rolls back a start whose service task names no registered service', async () => {
    const xml = fixture('timer-service.bpmn').replace('<userTask id="wait" name="Wait" camunda:candidateGroups="officers" />', '<serviceTask id="wait" camunda:expression="${services.missing}" />');
    await s.api.post('/api/definitions', xml, 'application/xml');
    const res = await s.api.post('/api/instances', { processKey: 'timer-service' });
    problem(res, 422, /missing.*does not name a registered service/);
    const count = await s.zhifa.db('instances').where({ process_key: 'timer-service' }).count({ n: '*' });
    expect(Number(count[0]!.n)).to.equal(0);
  });
});

describe('API: authentication', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'auth' });
  });
  after(() => s.close());

  it('answers health without a token', async () => {
    const res = await s.api.as(undefined).get('/api/health');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'ok', db: 'ok' });
  });

  it('refuses a wrong password and a missing or unknown token with 401', async () => {
    const anon = s.api.as(undefined);
    const wrong = await anon.post('/api/auth/login', { username: 'admin', password: 'nope' });
    expect(wrong.status).to.equal(401);
    expect(wrong.body.detail).to.equal('wrong username or password');
    expect((await anon.post('/api/auth/login', { username: 'ghost', password: 'x' })).status).to.equal(401);
    expect((await anon.get('/api/tasks')).status).to.equal(401);
    expect((await s.api.as('forged-token').get('/api/tasks')).status).to.equal(401);
  });

  it('stores passwords hashed with bcrypt, never in clear', async () => {
    const row = await s.zhifa.db('users').where({ username: 'admin' }).first();
    expect(row.password_hash).to.match(/^\$2[aby]\$/);
    expect(row.password_hash).to.not.contain('admin');
  });

  it('only lets administrators deploy', async () => {
    await s.zhifa.accounts.create({ username: 'clerk', password: 'pw' });
    const clerk = await ApiClient.login(s.base, 'clerk', 'pw');
    const res = await clerk.post('/api/definitions', fixture('two-tasks.bpmn'), 'application/xml');
    expect(res.status).to.equal(403);
  });
});
