import { expect } from 'chai';
import { deploy, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';

/**
 * A start is checked by one function (src/domain/start-check.ts) whether it comes from the API or
 * the page: the start form's declared fields only, and never a protected variable.
 */
describe('API: a start is checked against forms/<process>-start.json, as the page checks it', () => {
  let s: TestServer;
  let officer1: ApiClient;
  const PARTY = { party: '湘西某化工有限公司', partyType: '法人及非法人组织', lead: '群众举报', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' };
  const instances = async () => Number((await s.zhifa.db('instances').count({ n: '*' }))[0]!.n);

  before(async () => {
    s = await startProcessServer('api-start-check');
    await deploy(s, 'message-wait.bpmn');
    officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
  });
  after(() => s.close());

  it('refuses an officer starting a penalty with legalReviewPassed: 422 naming the variable and the service that owns it; nothing is started', async () => {
    const before = await instances();
    const res = await officer1.post('/api/instances', { processKey: 'penalty', variables: { ...PARTY, legalReviewPassed: true } });
    expect(res.status).to.equal(422);
    expect(res.contentType).to.include('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['legalReviewPassed']);
    expect(res.body.detail).to.match(/「legalReviewPassed」.*只能由流程 legal-review 的服务任务 recordPassed（legalReviewPassed）.*启动案件时不得携带/);
    expect(await instances()).to.equal(before);
  });

  it('checks the party\'s number by its check character: a mistyped 统一社会信用代码 or a 自然人\'s ID number is refused on its field; a valid one is kept as written officially', async () => {
    const before = await instances();
    const code = await officer1.post('/api/instances', { processKey: 'penalty', variables: { ...PARTY, creditCode: '91433100MA4L12345X' } });
    expect(code.status).to.equal(422);
    expect(code.body.errors).to.deep.equal([{ field: 'creditCode', message: '统一社会信用代码校验位不符，请核对是否录入有误' }]);
    expect(code.body.detail).to.equal('表单「线索登记（行政处罚）」有误：统一社会信用代码校验位不符，请核对是否录入有误');
    const person = await officer1.post('/api/instances', { processKey: 'permit', variables: { applicant: '王某', partyType: '自然人', creditCode: '110105194912310021', matter: '排污许可', materialsReceivedOn: '2026-03-02' } });
    expect(person.status).to.equal(422);
    expect(person.body.errors).to.deep.equal([{ field: 'creditCode', message: '居民身份证号码校验码不符，请核对是否录入有误' }]);
    expect(await instances()).to.equal(before);
    const ok = await officer1.post('/api/instances', { processKey: 'penalty', variables: { ...PARTY, creditCode: '91433100ma4l12345f' } });
    expect(ok.status).to.equal(201);
    expect((await view(s, ok.body.id)).variables.creditCode, 'letters upper-case').to.equal('91433100MA4L12345F');
    const okPerson = await officer1.post('/api/instances', { processKey: 'permit', variables: { applicant: '王某', partyType: '自然人', creditCode: '11010519491231002x', matter: '排污许可', materialsReceivedOn: '2026-03-02' } });
    expect(okPerson.status).to.equal(201);
  });

  it('refuses a field the start form does not declare, and a start that misses a required one, as the page does', async () => {
    const before = await instances();
    const extra = await officer1.post('/api/instances', { processKey: 'penalty', variables: { ...PARTY, fineAmount: 1 } });
    expect(extra.status).to.equal(422);
    expect(extra.body.errors).to.deep.include({ field: 'fineAmount', message: '表单中没有「fineAmount」这一项' });
    const missing = await officer1.post('/api/instances', { processKey: 'penalty', variables: { lead: '举报', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' } });
    expect(missing.status).to.equal(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).to.include('party');
    expect(await instances()).to.equal(before);
    const ok = await officer1.post('/api/instances', { processKey: 'penalty', variables: PARTY });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(201);
    expect((await view(s, ok.body.id)).variables).to.include(PARTY);
  });

  it('holds task completion to its form too, even a form without additionalProperties: a field the step does not declare (a gate a later step reads) is refused and the case does not move', async () => {
    const started = (await officer1.post('/api/instances', { processKey: 'permit', variables: { applicant: '湘西某化工有限公司', partyType: '法人及非法人组织', matter: '排污许可证核发', materialsReceivedOn: '2026-03-02' /* today on the test server's clock: within its P5WD */ } }));
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    const id = started.body.id as string;
    const task = (await view(s, id)).tasks.find((t: { elementId: string }) => t.elementId === 'completenessCheck');
    const res = await officer1.post(`/api/tasks/${task.id}/complete`, { variables: { acceptanceDecision: 'accept', checkOpinion: '材料齐全', hearingNeeded: false } });
    expect(res.status).to.equal(422);
    expect(res.body.errors).to.deep.equal([{ field: 'hearingNeeded', message: '表单中没有「hearingNeeded」这一项' }]);
    const after = await view(s, id);
    expect(after.tasks.map((t: { elementId: string }) => t.elementId)).to.include('completenessCheck');
    expect(after.variables).to.not.have.property('hearingNeeded');
  });

  it('holds the form for administrators too: a start form is the only way in', async () => {
    const res = await s.api.post('/api/instances', { processKey: 'penalty', variables: { ...PARTY, legalReviewRequired: false } });
    expect(res.status).to.equal(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['legalReviewRequired']);
  });

  it('starts a process without a start form with no data from staff; an administrator may give any', async () => {
    const before = await instances();
    const refused = await officer1.post('/api/instances', { processKey: 'message-wait', variables: { amount: 5 } });
    expect(refused.status).to.equal(422);
    expect(refused.body.detail).to.include('forms/message-wait-start.json');
    expect(refused.body.errors).to.deep.equal([{ field: 'amount', message: '「amount」不能在启动「Waits for payment」时提交' }], 'the process by its diagram name');
    expect(await instances()).to.equal(before);
    expect((await officer1.post('/api/instances', { processKey: 'message-wait' })).status).to.equal(201);
    const id = await startInstance(s, 'message-wait', { amount: 5 });
    expect((await view(s, id)).variables).to.include({ amount: 5 });
  });
});
