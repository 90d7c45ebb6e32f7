import { expect } from 'chai';
import { deploy, openTask, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: a call activity runs its called process as a child instance', () => {
  let s: TestServer;
  let reviewer: ApiClient;
  before(async () => {
    s = await startServer({ label: 'call-activity' });
    await deploy(s, 'call-child.bpmn', 'call-parent.bpmn', 'call-parent-timer.bpmn', 'call-parent-parallel.bpmn');
    await s.zhifa.accounts.create({ username: 'rev', password: 'pw', groups: [{ id: 'reviewers', name: '法制审核' }, { id: 'officers', name: '承办' }] });
    reviewer = await ApiClient.login(s.base, 'rev', 'pw');
  });
  after(() => s.close());

  it('Given a parent waiting on a call activity, when the child ends, then the parent continues with the child variables', async () => {
    const parentId = await startInstance(s, 'call-parent', { caseNo: 'A-1' }, 'CASE-1');
    let parent = await view(s, parentId);
    expect(parent.tasks, 'the parent itself has no task while the child runs').to.have.length(0);
    expect(parent.children).to.have.length(1);
    const child = await view(s, parent.children[0].id);
    expect(child).to.include({ processKey: 'call-child', parentId, rootId: parentId, businessKey: 'CASE-1', status: 'running' });
    expect(child.variables.caseNo, 'the child starts with the parent variables').to.equal('A-1');

    const review = await openTask(s, child.id, 'review');
    expect((await reviewer.post(`/api/tasks/${review.id}/complete`, { variables: { opinion: 'agree' } })).status).to.equal(204);

    expect((await view(s, child.id)).status).to.equal('completed');
    parent = await view(s, parentId);
    expect(parent.status).to.equal('running');
    expect(parent.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['decide']);
    expect(parent.variables.opinion, 'child output returns to the parent').to.equal('agree');
    expect(parent.history.map((h: { kind: string }) => h.kind)).to.include('call.returned');
  });

  it('Given a parent that changed a variable on a parallel branch while the child ran, when the child returns, then only what the child added or changed goes back', async () => {
    const parentId = await startInstance(s, 'call-parent-parallel', { status: 'open', fileRef: 'A-1' });
    const childId = (await view(s, parentId)).children[0].id;
    const note = await openTask(s, parentId, 'note');
    expect((await reviewer.post(`/api/tasks/${note.id}/complete`, { variables: { status: 'noted' } })).status).to.equal(204);
    expect((await view(s, childId)).variables.status, 'the child still holds the value it started with').to.equal('open');

    const review = await openTask(s, childId, 'review');
    expect((await reviewer.post(`/api/tasks/${review.id}/complete`, { variables: { opinion: 'agree', fileRef: 'A-2' } })).status).to.equal(204);
    const parent = await view(s, parentId);
    expect(parent.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['decide']);
    expect(parent.variables, "the parent's own change stands; the child's addition and change arrive").to.include({ status: 'noted', opinion: 'agree', fileRef: 'A-2' });
  });

  it('does not start a second child when the parent is resumed again', async () => {
    const parentId = await startInstance(s, 'call-parent', {});
    const { workflow } = s.zhifa;
    // A resume re-announces the waiting call activity; it must not start the child again.
    await workflow.transaction((tx) => workflow.fireInTx(tx, parentId, 0, 'callReview'));
    await workflow.transaction((tx) => workflow.fireInTx(tx, parentId, 0, 'callReview'));
    const parent = await view(s, parentId);
    expect(parent.children).to.have.length(1);
  });

  it('cancels the child, with its tasks, when a boundary timer interrupts the call activity', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    const parentId = await startInstance(s, 'call-parent-timer', {});
    const childId = (await view(s, parentId)).children[0].id;
    const review = await openTask(s, childId, 'review');
    // 5 working days after Monday 2 March end on Monday 9 March, 24:00 Shanghai.
    expect((await s.api.post('/api/dev/clock', { set: '2026-03-09T16:00:00Z' })).body.fired).to.equal(1);
    const parent = await view(s, parentId);
    expect(parent.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['escalate']);
    const child = await view(s, childId);
    expect(child.status).to.equal('cancelled');
    expect(child.tasks).to.have.length(0);
    expect((await reviewer.post(`/api/tasks/${review.id}/complete`, {})).status, 'the cancelled child task cannot be completed').to.equal(409);
  });
});
