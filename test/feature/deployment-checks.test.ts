import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { createSubmissionCheck } from '../../src/domain/submission-check.ts';
import { FormRegistry } from '../../src/domain/forms.ts';
import { ProtectedVariables } from '../../src/domain/protected-variables.ts';
import type { TaskRow } from '../../src/store/tasks.ts';
import { bpmn } from '../helpers/bpmn.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const withForm = (key: string, formKey: string, name = '版本一') =>
  bpmn(key, `<startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
    <userTask id="check" name="核查" camunda:formKey="${formKey}"/><sequenceFlow id="f2" sourceRef="check" targetRef="end"/><endEvent id="end"/>`, name);

describe('Feature: deployment refuses what would run unchecked, and deploys of one key never collide', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'deployment-checks' });
  });
  after(() => s.close());
  const versions = async (key: string) => (await s.zhifa.db('definitions').where({ key }).orderBy('version').select('version', 'name')) as Array<{ version: number; name: string }>;

  it('refuses a user task whose form key names no form, naming the task and the key; nothing is stored', async () => {
    const res = await s.api.post('/api/definitions', withForm('unknown-form', 'no-such-form'), 'application/xml');
    expect(res.status, JSON.stringify(res.body)).to.equal(422);
    expect(res.body.detail).to.match(/用户任务「核查」（check）的表单「no-such-form」不存在/);
    expect(res.body.problems).to.deep.equal([{ message: res.body.detail, elementId: 'check' }]);
    expect(await versions('unknown-form')).to.deep.equal([]);
    expect((await s.api.post('/api/definitions', withForm('known-form', 'penalty-filing'), 'application/xml')).status).to.equal(201);
    const started = await s.api.post('/api/instances', { processKey: 'known-form' });
    const task = (await s.api.get(`/api/instances/${started.body.id}`)).body.tasks[0];
    expect(task).to.include({ elementId: 'check', formKey: 'penalty-filing' });
  });

  it('a task whose form has gone is refused at completion, never completed unchecked', async () => {
    const check = createSubmissionCheck(new FormRegistry(), ProtectedVariables.from({ variables: {} }), new ManualClock());
    const task = { id: 't1', form_key: 'gone', name: '核查', element_id: 'check', instance_id: 'i1' } as TaskRow;
    const err = await check(s.zhifa.db as never, task, { anything: true }, 'officer').catch((e: unknown) => e);
    expect(err).to.have.property('status', 422);
    expect((err as Error).message).to.match(/任务「核查」的表单「gone」不存在/);
    expect(await check(s.zhifa.db as never, { ...task, form_key: null } as unknown as TaskRow, { a: 1 }, 'officer')).to.deep.equal({ a: 1 });
  });

  it('different deployments of one key at once all succeed, as consecutive versions', async () => {
    const answers = await Promise.all(['甲', '乙', '丙'].map((name) => s.zhifa.workflow.definitions.deploy(withForm('race', 'penalty-filing', name), 'admin')));
    expect(answers.map((d) => d.version).sort()).to.deep.equal([1, 2, 3]);
    expect(answers.every((d) => d.created)).to.equal(true);
    expect((await versions('race')).map((v) => v.version)).to.deep.equal([1, 2, 3]);
  });

  it('identical content deployed twice at once is one version', async () => {
    const xml = withForm('same', 'penalty-filing');
    const answers = await Promise.all([1, 2, 3].map(() => s.zhifa.workflow.definitions.deploy(xml, 'admin')));
    expect(answers.map((d) => d.version)).to.deep.equal([1, 1, 1]);
    expect(answers.filter((d) => d.created)).to.have.length(1);
    expect(await versions('same')).to.have.length(1);
  });
});
