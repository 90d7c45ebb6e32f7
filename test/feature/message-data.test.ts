import { expect } from 'chai';
import { deploy, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

/**
 * What a message may set on a case: staff send only what forms/<message name>.json declares
 * (test/fixtures/message-wait.bpmn waits for `paymentReceived`, which has no form; the real
 * `penaltyHearingRequested` has one).
 */
describe('Feature: a message carries only the data its form declares', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let seq = 0;

  before(async () => {
    s = await startServer({ label: 'message-data' });
    await deploy(s, 'message-wait.bpmn');
    officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
  });
  after(() => s.close());

  const waiting = async () => {
    const res = await officer1.post('/api/instances', { processKey: 'message-wait', businessKey: `PAY-${++seq}` });
    return { id: res.body.id as string, key: `PAY-${seq}` };
  };

  it('refuses staff setting case data through a message without a form: 422 naming the field, and the case does not move', async () => {
    const { id, key } = await waiting();
    const before = await view(s, id);
    const res = await officer1.post('/api/messages', { name: 'paymentReceived', businessKey: key, variables: { amount: 5000 } });
    expect(res.status).to.equal(422);
    expect(res.body.errors, 'the message by the name of the step that waits for it').to.deep.equal([{ field: 'amount', message: '「amount」不能随「Payment received」提交' }]);
    expect(res.body.detail).not.to.include('paymentReceived」');
    const after = await view(s, id);
    expect(after.status).to.equal(before.status);
    expect(after.variables).to.deep.equal(before.variables);
    expect((await officer1.post('/api/messages', { name: 'paymentReceived', businessKey: key })).status, 'the event itself is welcome').to.equal(200);
    expect((await view(s, id)).status).to.equal('completed');
  });

  it('refuses a protected variable (legalReviewPassed) in a message, naming the service that owns it, and the case does not move', async () => {
    const { id, key } = await waiting();
    const before = await view(s, id);
    const res = await officer1.post('/api/messages', { name: 'paymentReceived', businessKey: key, variables: { legalReviewPassed: true } });
    expect(res.status).to.equal(422);
    expect(res.body.errors).to.have.length(1);
    expect(res.body.errors[0].field).to.equal('legalReviewPassed');
    expect(res.body.errors[0].message).to.match(/^「legalReviewPassed」.*只能由流程 legal-review 的服务任务 recordPassed（legalReviewPassed）.*写入，消息不得携带$/);
    expect(await view(s, id)).to.deep.include({ status: before.status, variables: before.variables });
  });

  it('lets an administrator correct a case with any data', async () => {
    const { id, key } = await waiting();
    expect((await s.api.post('/api/messages', { name: 'paymentReceived', businessKey: key, variables: { amount: 5000 } })).status).to.equal(200);
    expect((await view(s, id)).variables).to.include({ amount: 5000 });
  });

  it("checks a message that has a form like a task form: a date that is not one is refused in Chinese", async () => {
    const res = await officer1.post('/api/messages', { name: 'penaltyHearingRequested', businessKey: 'NO-SUCH-CASE', variables: { hearingRequestedOn: '三月四日', hearingRequestWay: '书面' } });
    expect(res.status).to.equal(422);
    expect(res.body.errors[0]).to.include({ field: 'hearingRequestedOn' });
    expect(res.body.detail, 'named by its form\'s title and field titles').to.match(/^「当事人申请听证」有误：.*申请听证日期/);
    const unknown = await officer1.post('/api/messages', { name: 'penaltyHearingRequested', businessKey: 'NO-SUCH-CASE', variables: { legalReviewPassed: true } });
    expect(unknown.status, 'fields the form does not declare').to.equal(422);
    const valid = await officer1.post('/api/messages', { name: 'penaltyHearingRequested', businessKey: 'NO-SUCH-CASE', variables: { hearingRequestedOn: '2026-03-04', hearingRequestWay: '书面' } });
    expect(valid.status, 'valid data gets as far as finding no case').to.equal(404);
  });
});
