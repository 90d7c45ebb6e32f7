import { expect } from 'chai';
import { deploy, startInstance, view } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: messages correlate by business key or instance id', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'messages' });
    await deploy(s, 'message-wait.bpmn');
  });
  after(() => s.close());

  it('Given instances waiting for a payment, when the message names one business key, then only that instance continues', async () => {
    const a = await startInstance(s, 'message-wait', {}, 'FINE-A');
    const b = await startInstance(s, 'message-wait', {}, 'FINE-B');
    const res = await s.api.post('/api/messages', { name: 'paymentReceived', businessKey: 'FINE-A', variables: { amount: 5000 } });
    expect(res.status).to.equal(200);
    expect(res.body.instanceIds).to.deep.equal([a]);
    const va = await view(s, a);
    expect(va.status).to.equal('completed');
    expect(va.variables.amount).to.equal(5000);
    expect((await view(s, b)).status).to.equal('running');
  });

  it('correlates by instance id', async () => {
    const c = await startInstance(s, 'message-wait', {});
    const res = await s.api.post('/api/messages', { name: 'paymentReceived', instanceId: c });
    expect(res.body.instanceIds).to.deep.equal([c]);
    expect((await view(s, c)).status).to.equal('completed');
  });

  it('answers 404 when nobody waits for the message, and 400 without a target; nothing changes', async () => {
    const d = await startInstance(s, 'message-wait', {}, 'FINE-D');
    const none = await s.api.post('/api/messages', { name: 'noSuchMessage', businessKey: 'FINE-D' });
    expect(none.status).to.equal(404);
    expect(none.contentType).to.contain('application/problem+json');
    expect(none.body.detail).to.equal('业务编号为「FINE-D」的案件没有在办理中并等待「noSuchMessage」');
    const named = await s.api.post('/api/messages', { name: 'penaltyPaymentDeferralRequested', instanceId: d });
    expect([named.status, named.body.detail], 'a message with a form is named by its title').to.deep.equal([404, '此案件没有在办理中并等待「当事人申请延期或者分期缴纳罚款」']);
    const untargeted = await s.api.post('/api/messages', { name: 'paymentReceived' });
    expect([untargeted.status, untargeted.body.detail]).to.deep.equal([400, '须给出业务编号（businessKey）或案件编号（instanceId），才能确定消息送达哪个案件']);
    expect((await view(s, d)).status).to.equal('running');
  });
});
