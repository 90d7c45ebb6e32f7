import { expect } from 'chai';
import { completeTask, openTask, startForDepartmentOf } from '../helpers/fixtures.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';

/**
 * Candidate groups and departments: `officers` of 执法二大队 do not see or take the tasks of a case
 * of 执法支队, while the legal-review office and the leadership (rules/organisation.json
 * agencyWideGroups) act on every department's cases.
 */
describe('API: a department’s own groups act only on its cases', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let officer2: ApiClient;
  let otherOfficer: ApiClient;
  let head1: ApiClient;
  let legal1: ApiClient;

  before(async () => {
    s = await startProcessServer('department-groups');
    await s.zhifa.accounts.create({ username: 'officerB', password: 'pw', displayName: '二大队执法员', department: '执法二大队', groups: [{ id: 'officers', name: '承办人员' }], roles: ['staff'], certificate: { no: '43000000099', validUntil: new Date('2030-12-31T16:00:00Z') } });
    [officer1, officer2, otherOfficer, head1, legal1] = await Promise.all([
      ApiClient.login(s.base, 'officer1', 'demo'),
      ApiClient.login(s.base, 'officer2', 'demo'),
      ApiClient.login(s.base, 'officerB', 'pw'),
      ApiClient.login(s.base, 'head1', 'demo'),
      ApiClient.login(s.base, 'legal1', 'demo'),
    ]);
  });
  after(() => s.close());

  const taskIds = async (who: ApiClient) => ((await who.get('/api/tasks')).body as Array<{ instanceId: string; elementId: string }>).map((t) => `${t.instanceId}:${t.elementId}`);

  it('offers the investigation of a 执法支队 case to its own officers only; an officer of another department can neither list, claim nor open it', async () => {
    const started = await officer1.post('/api/instances', { processKey: 'penalty', businessKey: 'DEPT-1', variables: { party: '湘西某化工有限公司', partyType: '法人及非法人组织', lead: '举报', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' } });
    const id = started.body.id;
    expect(await taskIds(head1), 'the leadership serves every department').to.include(`${id}:filingApproval`);
    await completeTask(s, head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意立案', violationDate: '2026-03-01' });
    expect(await taskIds(officer2)).to.include(`${id}:investigation`);
    expect(await taskIds(otherOfficer)).not.to.include(`${id}:investigation`);
    const task = await openTask(s, id, 'investigation');
    const refused = await otherOfficer.post(`/api/tasks/${task.id}/claim`, {});
    expect([refused.status, refused.body.detail], 'named: the step, and the group with its department').to.deep.equal([403, '任务「调查取证」不由您办理：它交由执法支队的承办人员办理']);
    expect((await otherOfficer.get(`/api/instances/${id}`)).status).to.equal(403);
    expect((await officer2.post(`/api/tasks/${task.id}/claim`, {})).status).to.equal(200);
  });

  it('offers a legal review to the review office whichever department handles the case', async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'legal-review', { party: '湘西某化工有限公司', partyType: '法人及非法人组织', fineAmount: 300000, procedure: 'penalty', legalReviewRequired: true }, 'DEPT-2');
    await completeTask(s, officer1, id, 'submit', { decisionDraft: '罚款三十万元', factsAndEvidence: '笔录', legalBasis: '第九十九条', discretionApplied: '第3条', investigators: ['officer1', 'officer2'], hearingHeld: false });
    expect(await taskIds(legal1)).to.include(`${id}:review`);
    expect((await legal1.get(`/api/instances/${id}`)).status, 'the reviewer may open the case').to.equal(200);
  });
});
