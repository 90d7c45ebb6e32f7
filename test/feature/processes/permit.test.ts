import { expect } from 'chai';
import { documentProblems, visibleText } from '../../../src/domain/document-quality.ts';
import { completeTask, firedDuring, openTask, startInstance, submitTask, view } from '../../helpers/fixtures.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';

type Entry = { kind: string; elementId: string | null; data: any };
const openIds = (v: { tasks: Array<{ elementId: string }> }) => v.tasks.map((t) => t.elementId).sort();
const kinds = (v: { history: Entry[] }, kind: string) => v.history.filter((h) => h.kind === kind);
const clockOf = (v: { clocks: Array<{ name: string }> }) => v.clocks.find((c) => c.name === 'permitDecision') as any;

const applicant = { applicant: '湘西某化工有限公司', partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', matter: '排污许可证核发' };
/** An application whose materials the agency received on `receivedOn` (许可法 art. 32 counts from that day, not from its registration). */
const application = (receivedOn: string) => ({ ...applicant, materialsReceivedOn: receivedOn });
/** What a grant decides (许可法 art. 39): what is permitted and the licence with its number and validity. */
const licence = {
  permitScope: '按许可载明的排放口、污染物种类和排放限值排放化学需氧量、氨氮', permitCategory: '普通',
  licenceName: '排污许可证', licenceNumber: '91433100MA4L12345F001P', validFrom: '2026-03-20', validUntil: '2031-03-19',
};
const docText = async (s: TestServer, id: string, kind: string) => {
  const docs = (await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ id: number; kind: string }>;
  const doc = docs.find((d) => d.kind === kind);
  expect(doc, `a ${kind} was issued`).to.exist;
  return visibleText((await s.api.get(`/api/documents/${doc!.id}`)).body as string);
};

describe('Feature: 行政许可 (processes/permit.bpmn)', () => {
  let s: TestServer;
  let officer: ApiClient;
  let head: ApiClient;
  let legal: ApiClient;

  before(async () => {
    s = await startProcessServer('permit');
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    head = await ApiClient.login(s.base, 'head1', 'demo');
    legal = await ApiClient.login(s.base, 'legal1', 'demo');
  });
  after(() => s.close());

  const setClock = async (iso: string) => (await s.api.post('/api/dev/clock', { set: iso })).body;
  const complete = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => submitTask(s, who, id, elementId, variables);
  const completeOk = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => completeTask(s, who, id, elementId, variables);

  it('Given an application with two missing materials, when the check lists both in one notice, then the case waits for the supplement, resumes on the message, is accepted on the second check and granted', async () => {
    await setClock('2026-03-02T02:00:00Z'); // Monday 10:00 Shanghai
    // 许可法 art. 32: the materials came in on Friday 27 February; the case is registered on Monday.
    const future = await s.api.post('/api/instances', { processKey: 'permit', variables: application('2026-03-03'), businessKey: 'XK-2026-001' });
    expect(future.status).to.equal(422);
    expect(future.body.errors).to.deep.equal([{ field: 'materialsReceivedOn', message: '「收到申请材料日期」（2026-03-03）不能晚于今天（2026-03-02）' }]);
    const id = await startInstance(s, 'permit', application('2026-02-27'), 'XK-2026-001');
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['completenessCheck']);
    // 5 working days from the receipt on Friday 27 February, not from the registration: Saturday 28 February (a working
    // day in 2026, after the Spring Festival), 2, 3, 4, 5 March; ends 24:00 Shanghai on the 5th.
    expect((await openTask(s, id, 'completenessCheck')).dueAt).to.equal('2026-03-05T16:00:00.000Z');
    expect(v.timers).to.deep.include({ elementId: 'deemedAccepted', dueAt: '2026-03-05T16:00:00.000Z', attempts: 0, lastError: null });
    expect(v.clocks.find((c: { name: string }) => c.name === 'permitAcceptance').events[0]).to.include({ kind: 'start', period: 'P5WD', countsFrom: '2026-02-26T16:00:00.000Z' });

    await setClock('2026-03-04T02:00:00Z');
    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'missing', missingMaterials: ['环境影响评价批复文件', '排污口规范化设置图'] });
    v = await view(s, id);
    expect(v.status).to.equal('running');
    expect(openIds(v), 'waiting for the applicant, no task open').to.deep.equal([]);
    expect(v.timers, 'the silence timer is gone once the notice was given').to.deep.equal([]);
    expect(clockOf(v), 'the decision clock does not run before acceptance').to.equal(undefined);
    const notices = kinds(v, 'task.completed').filter((h) => h.elementId === 'completenessCheck');
    expect(notices, 'one notice').to.have.length(1);
    expect(notices[0]!.data.variables.missingMaterials).to.deep.equal(['环境影响评价批复文件', '排污口规范化设置图']);

    // Nothing fires while the applicant supplements, however long it takes.
    expect(await firedDuring(s, id, () => setClock('2026-03-16T02:00:00Z'))).to.deep.equal([]);
    const msg = await s.api.post('/api/messages', { name: 'permitMaterialsSupplemented', businessKey: 'XK-2026-001', variables: { supplementedMaterials: ['环境影响评价批复文件', '排污口规范化设置图'] } });
    expect(msg.status).to.equal(200);
    expect(msg.body.instanceIds).to.deep.equal([id]);
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['completenessCheck']);
    // A new 5 working days from Monday 16 March (supplement received): 17–20, 23 March.
    expect((await openTask(s, id, 'completenessCheck')).dueAt).to.equal('2026-03-23T16:00:00.000Z');
    expect(v.variables.supplementedMaterials).to.have.length(2);

    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'accept', checkOpinion: '补正后材料齐全' });
    v = await view(s, id);
    expect(openIds(v), 'an extension may be asked for from acceptance on').to.deep.equal(['extensionRequest', 'substantiveReview']);
    expect(v.variables.materialsReceivedAt, 'the receipt of the supplement is on record').to.equal('2026-03-16T02:00:00.000Z');
    expect(kinds(v, 'timer.fired'), 'accepted by the officer, not by silence').to.deep.equal([]);
    expect(v.history.map((h: Entry) => h.elementId)).to.not.include('deemedAccepted');
    // 20 working days from Monday 16 March: 17 March … 14 April (Qingming, 4–6 April, not counted).
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-04-14T16:00:00.000Z' });
    expect((await openTask(s, id, 'substantiveReview')).dueAt).to.equal('2026-04-14T16:00:00.000Z');

    await completeOk(officer, id, 'substantiveReview', { reviewOpinion: '符合法定条件', siteCheckNeeded: false, hearingNeeded: false });
    v = await view(s, id);
    expect(v.variables, 'asked the catalog as a permit: not a major decision').to.include({ procedure: 'permit', legalReviewRequired: false, legalReviewCatalogVersion: '2026-2' });
    expect(v.variables).to.not.have.property('acceptedBySilence');
    expect(v.children, 'no legal review').to.deep.equal([]);
    const decide = await openTask(s, id, 'decide');
    expect(decide.candidateGroups).to.deep.equal(['heads']);
    expect(decide.dueAt).to.equal('2026-04-14T16:00:00.000Z');

    await setClock('2026-03-20T02:00:00Z'); // Friday
    const grant = { ...licence, decision: 'grant', decisionReasons: '申请材料齐全，符合《排污许可管理条例》第十一条规定的条件', documentNumber: '湘西环许〔2026〕3号' };
    const bare = await complete(head, id, 'decide', { decision: 'grant', decisionReasons: '符合法定条件' });
    expect(bare.status, 'a grant names what is permitted and the licence').to.equal(422);
    expect(bare.body.errors.map((e: { field: string }) => e.field).sort()).to.deep.equal(['licenceName', 'licenceNumber', 'permitCategory', 'permitScope', 'validFrom', 'validUntil']);
    // The licence's validity is a real interval: an end before its start is refused, naming both dates.
    const backwards = await complete(head, id, 'decide', { ...grant, validUntil: '2026-03-19' });
    expect(backwards.status).to.equal(422);
    expect(backwards.body.errors).to.deep.equal([{ field: 'validUntil', message: '「有效期至」（2026-03-19）不能早于「有效期自」（2026-03-20）' }]);
    expect(openIds(await view(s, id)), 'refused: nothing moved').to.include('decide');
    await completeOk(head, id, 'decide', grant);
    v = await view(s, id);
    // The decision served on the applicant reads as a grant, with what is permitted and the licence (许可法 arts. 38, 39, 44).
    const decisionText = await docText(s, id, 'permit-decision');
    expect(documentProblems(decisionText), decisionText).to.deep.equal([]);
    expect(decisionText).to.contain('申请人：湘西某化工有限公司（法人及非法人组织），统一社会信用代码：91433100MA4L12345F');
    expect(decisionText).to.contain('你（单位）于2026年2月27日提出的排污许可证核发申请，本机关依法进行了审查。');
    expect(decisionText).to.contain('本机关决定：准予行政许可。');
    expect(decisionText).to.contain('许可内容：按许可载明的排放口、污染物种类和排放限值排放化学需氧量、氨氮');
    expect(decisionText).to.contain('许可证件：排污许可证，编号：91433100MA4L12345F001P，有效期自2026年3月20日至2031年3月19日。');
    expect(decisionText).to.contain('理由：申请材料齐全，符合《排污许可管理条例》第十一条规定的条件');
    expect(decisionText).to.not.contain('不予');
    expect(decisionText).to.contain('可以在收到本决定书之日起六十日内向湘西土家族苗族自治州人民政府申请行政复议，或者在六个月内依法向吉首市人民法院提起行政诉讼。');
    expect(clockOf(v).status).to.equal('stopped');
    // Licence and publication both counted from the decision; the publication runs in the 公示 sub-process (processes/publication.bpmn).
    expect(openIds(v)).to.deep.equal(['issueLicence']);
    const pub = v.children.find((c: { processKey: string; status: string }) => c.processKey === 'publication' && c.status === 'running');
    expect(pub, 'a running publication child').to.exist;
    expect((await view(s, pub.id)).variables).to.include({ publicationKind: 'permit', documentNumber: '湘西环许〔2026〕3号' });
    // P10WD from Friday 20 March: 23–27, 30, 31 March, 1, 2, 3 April; P7WD: … 31 March.
    expect((await openTask(s, id, 'issueLicence')).dueAt).to.equal('2026-04-03T16:00:00.000Z');
    expect((await openTask(s, pub.id, 'review')).dueAt).to.equal('2026-03-31T16:00:00.000Z');

    await setClock('2026-03-24T02:00:00Z');
    await completeOk(officer, pub.id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    v = await view(s, id);
    expect(v.status, 'waits for the licence').to.equal('running');
    expect((await view(s, pub.id)).status).to.equal('completed');
    expect(openIds(v)).to.deep.equal(['issueLicence']);
    const published = (await s.api.get(`/api/instances/${id}/publications`)).body as Array<{ kind: string; status: string; fields: Record<string, unknown> }>;
    expect(published).to.have.length(1);
    expect(published[0]).to.include({ kind: 'permit' });
    // The licence as decided flows into the 双公示 fields (not "—" and 2099-12-31).
    expect(published[0].fields).to.include({
      行政许可决定文书名称: '行政许可决定书', 当前状态: '有效', 许可类别: '普通', 许可证书名称: '排污许可证', 许可编号: '91433100MA4L12345F001P',
      许可内容: '按许可载明的排放口、污染物种类和排放限值排放化学需氧量、氨氮', 有效期自: '2026-03-20', 有效期至: '2031-03-19', 许可决定日期: '2026-03-20',
    });
    await completeOk(officer, id, 'issueLicence', { issuedOn: '2026-03-24', licenceServiceMethod: '直接送达' });
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(v.history.map((h: Entry) => h.elementId)).to.include.members(['granted', 'endExtensionWithdrawn']);
    expect(v.timers).to.deep.equal([]);
  });

  it('Given an application received on 29 April 2026 and no notice within 5 working days (Labour Day 1–5 May skipped, Saturday 9 May worked), then it is deemed accepted at the end of 9 May and the case is at 审查', async () => {
    await setClock('2026-04-30T02:00:00Z'); // Thursday: registered the day after the receipt
    const id = await startInstance(s, 'permit', application('2026-04-29'), 'XK-2026-002');
    // 30 April; 6, 7, 8 May; Saturday 9 May (adjusted working day): ends 24:00 Shanghai on 9 May.
    const calendar = await s.api.get('/api/calendar/deadline?from=2026-04-29&period=P5WD');
    expect(calendar.body).to.include({ due: '2026-05-09', dueAt: '2026-05-10T00:00:00+08:00' });
    expect((await openTask(s, id, 'completenessCheck')).dueAt).to.equal('2026-05-09T16:00:00.000Z');
    expect((await view(s, id)).timers).to.deep.equal([{ elementId: 'deemedAccepted', dueAt: '2026-05-09T16:00:00.000Z', attempts: 0, lastError: null }]);

    expect(await firedDuring(s, id, () => setClock('2026-05-09T15:59:59Z')), 'not a second early').to.deep.equal([]);
    expect(openIds(await view(s, id))).to.deep.equal(['completenessCheck']);
    expect(await firedDuring(s, id, () => s.api.post('/api/dev/clock', { advance: 'PT1S' }))).to.deep.equal(['deemedAccepted']);

    const v = await view(s, id);
    expect(v.status).to.equal('running');
    expect(openIds(v), 'the check is cancelled and the case is at 审查').to.deep.equal(['extensionRequest', 'substantiveReview']);
    expect(kinds(v, 'timer.fired').map((h) => h.elementId)).to.deep.equal(['deemedAccepted']);
    expect(kinds(v, 'task.completed'), 'nobody decided the acceptance').to.deep.equal([]);
    expect(v.variables.acceptanceDecision).to.equal(undefined);
    expect(v.variables, 'the acceptance by silence is on record').to.include({ acceptedBySilence: true, procedure: 'permit' });
    // Deemed accepted from the day the materials were received (Art. 32), so the 20 working days count from Wednesday
    // 29 April, not from the silence: 30 April, 6–9 May (Saturday 9 May worked), 11–15, 18–22, 25–29 May.
    expect(v.variables.materialsReceivedAt).to.equal('2026-04-29');
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-05-29T16:00:00.000Z' });
    expect(clockOf(v).events[0]).to.include({ kind: 'start', at: '2026-05-09T16:00:00.000Z', period: 'P20WD', countsFrom: '2026-04-28T16:00:00.000Z' });
    expect((await openTask(s, id, 'substantiveReview')).dueAt).to.equal('2026-05-29T16:00:00.000Z');
    expect(await firedDuring(s, id, () => s.api.post('/api/dev/clock', { advance: 'P30D' })), 'never twice').to.deep.equal([]);
  });

  it('Given a decision clock of P20WD, when the agency holds a hearing for the public interest (许可法 arts. 45, 46, 48), then the clock pauses for it with its reason, the case goes through legal review (officer1 submits, legal1 agrees) and the decision task is due later; an extension asked for by the officer and approved by the head adds P10WD; a refusal is served', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'permit', application('2026-03-02'), 'XK-2026-003');
    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'accept' });
    let v = await view(s, id);
    // 20 working days from Monday 2 March: 3 … 30 March.
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-03-30T16:00:00.000Z' });
    await completeOk(officer, id, 'substantiveReview', { reviewOpinion: '需核实生产设施并听取利害关系人意见', siteCheckNeeded: true, hearingNeeded: true, hearingGround: '涉及公共利益' });
    expect(openIds(await view(s, id))).to.deep.equal(['extensionRequest', 'siteCheck']);

    await setClock('2026-03-05T02:00:00Z'); // Thursday
    await completeOk(officer, id, 'siteCheck', { inspectors: ['officer1', 'officer2'], checkedOn: '2026-03-04', siteFindings: '生产设施与申请材料一致', siteConforms: true });
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['extensionRequest', 'hearingNotice']);
    expect(clockOf(v)).to.include({ status: 'paused', dueAt: null });
    expect(clockOf(v).events.map((e: { kind: string; reason: string }) => [e.kind, e.reason])).to.deep.equal([['start', 'startDecisionClock'], ['pause', 'pauseDecisionClock：听证']]);
    expect((await openTask(s, id, 'hearingNotice')).dueAt, 'a hearing the agency holds of its own motion has no statutory period').to.equal(null);

    // Art. 48(1): notice 7 working days before — a hearing the next day is refused; (3): the reviewer may not host.
    const notice = { hearingNoticeDate: '2026-03-05', hearingDate: '2026-03-16', hearingPlace: '局三楼听证室', hearingHost: 'legal1', hearingClerk: 'manager1', publicHearing: true };
    const tooSoon = await complete(officer, id, 'hearingNotice', { ...notice, hearingDate: '2026-03-06' });
    expect(tooSoon.status).to.equal(422);
    expect(tooSoon.body.errors).to.deep.equal([{ field: 'hearingDate', message: '「听证日期」须在「听证通知日期」（2026-03-05）之后至少 7 个工作日，即不早于 2026-03-16' }]);
    const names = new Map(((await s.zhifa.db('users').whereIn('username', ['officer1', 'officer2']).select('username', 'display_name')) as Array<{ username: string; display_name: string }>).map((u) => [u.username, u.display_name]));
    const byReviewer = await complete(officer, id, 'hearingNotice', { ...notice, hearingHost: 'officer1' });
    expect(byReviewer.status).to.equal(422);
    expect(byReviewer.body.errors).to.deep.equal([{ field: 'hearingHost', message: `「听证主持人」不得由本案的许可申请审查人员（${names.get('officer1')}）担任` }]);
    const byInspector = await complete(officer, id, 'hearingNotice', { ...notice, hearingHost: 'officer2' });
    expect(byInspector.body.errors).to.deep.equal([{ field: 'hearingHost', message: `「听证主持人」不得由本案的现场核查人员（${names.get('officer2')}）担任` }]);
    expect(openIds(await view(s, id)), 'refused: nothing moved').to.deep.equal(['extensionRequest', 'hearingNotice']);
    await completeOk(officer, id, 'hearingNotice', notice);

    await setClock('2026-03-16T02:00:00Z'); // Monday, 7 working days later
    await completeOk(officer, id, 'hearing', { hearingHeldOn: '2026-03-16', hearingRecord: '申请人与利害关系人陈述意见' });
    v = await view(s, id);
    // A decision after a hearing is in the legal-review catalog: the case goes to legal review first.
    expect(v.variables).to.include({ hearingHeld: true, procedure: 'permit', legalReviewRequired: true, legalReviewRule: 'after-hearing' });
    expect(openIds(v), 'no task but the extension request in the permit while the review runs').to.deep.equal(['extensionRequest']);
    const child = v.children.find((c: { processKey: string; status: string }) => c.processKey === 'legal-review' && c.status === 'running');
    expect(child, 'a running legal-review child').to.exist;
    await completeOk(officer, child.id, 'submit', {
      decisionDraft: '不予行政许可决定书（代拟稿）', factsAndEvidence: '现场核查记录、听证笔录', legalBasis: '《行政许可法》第三十八条',
      discretionApplied: '不适用', investigators: ['officer1', 'officer2'], hearingHeld: true, hearingRecord: '听证笔录及听证报告',
    });
    await completeOk(legal, child.id, 'review', {
      checkCompetence: true, checkPowers: true, checkProcedure: true, checkFactsEvidence: true,
      checkLawAndDiscretion: true, checkDocuments: true, criminalReferralNeeded: false, reviewOpinion: 'agree',
    });
    expect((await view(s, child.id)).status).to.equal('completed');
    v = await view(s, id);
    expect(v.variables).to.include({ legalReviewPassed: true, legalReviewer: 'legal1' });
    expect(openIds(v)).to.deep.equal(['decide', 'extensionRequest']);
    // 5, 6, 9–13 March not counted: 30 March + 7 working days = 9 April (Qingming 4–6 April off).
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-04-09T16:00:00.000Z' });
    expect(clockOf(v).events.at(-1)).to.include({ kind: 'resume', reason: 'resumeDecisionClock：听证' });
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2026-04-09T16:00:00.000Z');
    const moved = kinds(v, 'deadline.changed').map((h) => h.data);
    expect(moved.some((m: any) => m.clock === 'permitDecision' && m.oldDue === '2026-03-30T16:00:00.000Z')).to.equal(true);

    // Asked for by the officer, approved by the head: +10 working days (10, 13–17, 20–23 April).
    await completeOk(officer, id, 'extensionRequest', { extensionRequestReason: '听证后需补充征求规划部门意见' });
    await completeOk(head, id, 'extensionApproval', { decisionExtensionApproved: true, extensionApprovalOpinion: '同意延长十个工作日' });
    v = await view(s, id);
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-04-23T16:00:00.000Z' });
    expect(openIds(v)).to.deep.equal(['decide', 'extensionNotice']);
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2026-04-23T16:00:00.000Z');
    await completeOk(officer, id, 'extensionNotice', { extensionReasonToApplicant: '需补充征求规划部门意见', applicantInformed: true, informedOn: '2026-03-16' });
    expect(openIds(await view(s, id)), 'extended once: nothing left to ask for').to.deep.equal(['decide']);

    const noReasons = await complete(head, id, 'decide', { decision: 'refuse', documentNumber: '湘西环许〔2026〕4号' });
    expect(noReasons.status).to.equal(422);
    expect(noReasons.body.errors).to.deep.equal([{ field: 'decisionReasons', message: '「决定理由」为必填项' }]);

    await completeOk(head, id, 'decide', { decision: 'refuse', decisionReasons: '听证查明项目选址不符合规划', documentNumber: '湘西环许〔2026〕4号' });
    v = await view(s, id);
    // 许可法 art. 38: the refusal gives its reason and the applicant's right to 复议 or 诉讼, with the bodies and the time limits.
    const refusal = await docText(s, id, 'permit-decision');
    expect(documentProblems(refusal), refusal).to.deep.equal([]);
    expect(refusal).to.contain('本机关决定：不予行政许可。');
    expect(refusal).to.contain('理由：听证查明项目选址不符合规划');
    expect(refusal).to.contain('如不服本决定，可以在收到本决定书之日起六十日内向湘西土家族苗族自治州人民政府申请行政复议，或者在六个月内依法向吉首市人民法院提起行政诉讼。');
    expect(refusal).to.not.contain('准予').and.not.contain('许可证件');
    expect(clockOf(v).status).to.equal('stopped');
    expect(openIds(v)).to.deep.equal(['serveRefusal']);
    await completeOk(officer, id, 'serveRefusal', { serviceMethod: '直接送达', servedOn: '2026-03-13', remedyNotified: true });
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(v.history.map((h: Entry) => h.elementId)).to.include('refused').and.not.include('issueLicence');
  });

  it('Given a permit that affects major interests between the applicant and others (许可法 art. 47), then the applicant and interested parties are told of the hearing right with P5WD to ask; a request pauses the decision clock and the hearing must be held within P20WD of it, noticed P7WD ahead', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'permit', application('2026-03-02'), 'XK-2026-008');
    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'accept' });
    await completeOk(officer, id, 'substantiveReview', { reviewOpinion: '排污口设置涉及下游取水村民重大利益', siteCheckNeeded: false, hearingNeeded: false, hearingRightApplies: true });
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['extensionRequest', 'hearingRightNotice']);
    const right = { hearingRightNotifiedOn: '2026-03-05', interestedParties: ['吉首市某村村民委员会'], hearingRightNoticeWay: '直接送达' };
    const future = await complete(officer, id, 'hearingRightNotice', right);
    expect(future.status).to.equal(422);
    expect(future.body.errors).to.deep.equal([{ field: 'hearingRightNotifiedOn', message: '「告知听证权利日期」（2026-03-05）不能晚于今天（2026-03-02）' }]);

    await setClock('2026-03-05T02:00:00Z'); // Thursday
    await completeOk(officer, id, 'hearingRightNotice', right);
    v = await view(s, id);
    // 5 working days from Thursday 5 March: 6, 9, 10, 11, 12 March.
    expect(openIds(v)).to.deep.equal(['extensionRequest', 'hearingRequestPeriod']);
    expect((await openTask(s, id, 'hearingRequestPeriod')).dueAt).to.equal('2026-03-12T16:00:00.000Z');
    expect(clockOf(v), 'the decision clock runs while the parties may ask').to.include({ status: 'running', dueAt: '2026-03-30T16:00:00.000Z' });

    await setClock('2026-03-09T02:00:00Z'); // Monday
    const request = await s.api.post('/api/messages', { name: 'permitHearingRequested', businessKey: 'XK-2026-008', variables: { hearingRequestedOn: '2026-03-09', hearingRequestedBy: '吉首市某村村民委员会', hearingRequestNote: '排污口下游为村饮用水取水点' } });
    expect(request.status, JSON.stringify(request.body)).to.equal(200);
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['extensionRequest', 'hearingNotice']);
    // Art. 45: the hearing's time is not counted — the decision clock pauses at the request, with its reason.
    expect(clockOf(v)).to.include({ status: 'paused', dueAt: null });
    expect(clockOf(v).events.at(-1)).to.include({ kind: 'pause', reason: 'pauseDecisionClock：听证' });
    // Art. 47: organised within 20 working days of the request: 10–13, 16–20, 23–27, 30, 31 March, 1–3, 7 April (Qingming 4–6 off).
    expect((await openTask(s, id, 'hearingNotice')).dueAt).to.equal('2026-04-07T16:00:00.000Z');
    expect(v.clocks.find((c: { name: string }) => c.name === 'permitHearingRequest')).to.include({ status: 'stopped' });

    const notice = { hearingNoticeDate: '2026-03-09', hearingDate: '2026-03-18', hearingPlace: '局三楼听证室', hearingHost: 'legal1', hearingClerk: 'manager1', publicHearing: false };
    const dayAfter = await complete(officer, id, 'hearingNotice', { ...notice, hearingDate: '2026-03-10' });
    expect(dayAfter.body.errors).to.deep.equal([{ field: 'hearingDate', message: '「听证日期」须在「听证通知日期」（2026-03-09）之后至少 7 个工作日，即不早于 2026-03-18' }]);
    const tooLate = await complete(officer, id, 'hearingNotice', { ...notice, hearingDate: '2026-04-08' });
    expect(tooLate.status).to.equal(422);
    expect(tooLate.body.errors).to.deep.equal([{ field: 'hearingDate', message: '「听证日期」（2026-04-08）须在「申请听证日期」（2026-03-09）之后 20 个工作日内，即不晚于 2026-04-07' }]);
    const byReviewer = await complete(officer, id, 'hearingNotice', { ...notice, hearingHost: 'officer1' });
    expect(byReviewer.status, 'officer1 reviewed the application (art. 48(3))').to.equal(422);
    expect(byReviewer.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['hearingHost']);
    await completeOk(officer, id, 'hearingNotice', notice);

    await setClock('2026-03-18T02:00:00Z');
    const early = await complete(officer, id, 'hearing', { hearingHeldOn: '2026-03-17', hearingRecord: '村民委员会陈述取水安全意见' });
    expect(early.body.errors).to.deep.equal([{ field: 'hearingHeldOn', message: '「听证举行日期」（2026-03-17）不能早于「听证日期」（2026-03-18）' }]);
    await completeOk(officer, id, 'hearing', { hearingHeldOn: '2026-03-18', hearingRecord: '村民委员会陈述取水安全意见' });
    v = await view(s, id);
    // 9–13, 16, 17 March not counted (7 working days): 30 March + 7 = 9 April.
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-04-09T16:00:00.000Z' });
    expect(v.clocks.find((c: { name: string }) => c.name === 'permitHearing')).to.include({ status: 'stopped' });
    expect(v.variables).to.include({ hearingHeld: true, legalReviewRequired: true });
  });

  it('Given no hearing request within the P5WD after the notice of the right, then the case goes on to the decision and the decision clock never paused', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'permit', application('2026-03-02'), 'XK-2026-009');
    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'accept' });
    await completeOk(officer, id, 'substantiveReview', { reviewOpinion: '涉及相邻单位重大利益', siteCheckNeeded: false, hearingNeeded: false, hearingRightApplies: true });
    await completeOk(officer, id, 'hearingRightNotice', { hearingRightNotifiedOn: '2026-03-02', interestedParties: ['相邻某厂'], hearingRightNoticeWay: '书面告知' });
    expect(await firedDuring(s, id, () => setClock('2026-03-09T15:59:59Z')), 'not before the end of 9 March').to.deep.equal([]);
    expect(await firedDuring(s, id, () => setClock('2026-03-09T16:00:00Z'))).to.deep.equal(['noHearingRequest']);
    const v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['decide', 'extensionRequest']);
    expect(clockOf(v).events.map((e: { kind: string }) => e.kind)).to.deep.equal(['start']);
    expect(v.variables).to.not.have.property('hearingHeld');
  });

  it('Given expert review ordered on 10 March and its opinion received on 17 March (许可法 art. 45), then the decision clock pauses with the reason and resumes 5 working days later', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'permit', application('2026-03-02'), 'XK-2026-010');
    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'accept' });
    await setClock('2026-03-10T02:00:00Z');
    const msg = await s.api.post('/api/messages', { name: 'permitDecisionClockPauseRequested', businessKey: 'XK-2026-010' });
    expect(msg.status, JSON.stringify(msg.body)).to.equal(200);
    expect(openIds(await view(s, id))).to.deep.equal(['extensionRequest', 'recordExcludedTimeStart', 'substantiveReview']);
    const bad = await complete(officer, id, 'recordExcludedTimeStart', { exclusionReason: '调查', exclusionDescription: '…' });
    expect(bad.status, 'only the grounds art. 45 names').to.equal(422);
    await completeOk(officer, id, 'recordExcludedTimeStart', { exclusionReason: '专家评审', exclusionDescription: '委托省环境工程评估中心对环境影响报告组织专家评审' });
    let v = await view(s, id);
    expect(clockOf(v)).to.include({ status: 'paused', dueAt: null });
    expect(clockOf(v).events.at(-1)).to.include({ kind: 'pause', reason: 'pauseDecisionClockExcluded：专家评审' });
    await setClock('2026-03-17T02:00:00Z');
    await completeOk(officer, id, 'recordExcludedTimeEnd', { exclusionResult: '收到专家评审意见' });
    v = await view(s, id);
    // 10–13, 16 March not counted: 30 March + 5 working days = 7 April.
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-04-07T16:00:00.000Z' });
    expect(openIds(v), 'another excluded period may be recorded later').to.deep.equal(['extensionRequest', 'substantiveReview']);
    await completeOk(officer, id, 'substantiveReview', { reviewOpinion: '符合法定条件', siteCheckNeeded: false, hearingNeeded: false });
    await completeOk(head, id, 'decide', { ...licence, decision: 'grant', decisionReasons: '符合法定条件' });
    v = await view(s, id);
    expect(v.history.map((h: Entry) => h.elementId)).to.include('endExclusions');
  });

  it('Given the approval of a major project\'s environmental impact report, a matter in the agency\'s legal-review catalog, then the permit goes to the legal-review child without a hearing; so does a proposed refusal that affects the applicant\'s major interests', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const eia = await startInstance(s, 'permit', { ...application('2026-03-02'), matter: '湘西某化工园区重大建设项目环境影响报告书审批' }, 'XK-2026-011');
    await completeOk(officer, eia, 'completenessCheck', { acceptanceDecision: 'accept' });
    await completeOk(officer, eia, 'substantiveReview', { reviewOpinion: '报告书编制规范', siteCheckNeeded: false, hearingNeeded: false });
    let v = await view(s, eia);
    expect(v.variables).to.include({ legalReviewRequired: true, legalReviewRule: 'permit-major-project-eia', legalReviewRuleLabel: '重大建设项目环境影响报告书（表）审批等本机关重大行政许可事项' });
    expect(v.variables).to.not.have.property('hearingHeld');
    expect(v.children.filter((c: { processKey: string; status: string }) => c.processKey === 'legal-review' && c.status === 'running')).to.have.length(1);
    expect(openIds(v), 'no decision before the review passes').to.deep.equal(['extensionRequest']);

    const refusal = await startInstance(s, 'permit', application('2026-03-02'), 'XK-2026-012');
    await completeOk(officer, refusal, 'completenessCheck', { acceptanceDecision: 'accept' });
    await completeOk(officer, refusal, 'substantiveReview', { reviewOpinion: '不符合总量控制要求，拟不予许可', siteCheckNeeded: false, hearingNeeded: false, refusalAffectsMajorInterests: true });
    v = await view(s, refusal);
    expect(v.variables).to.include({ legalReviewRequired: true, legalReviewRule: 'permit-refusal-major-interests' });
    expect(v.children.map((c: { processKey: string }) => c.processKey)).to.deep.equal(['legal-review']);
  });

  it('refuses a missing-materials notice without the materials (422), and the case does not move', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'permit', application('2026-03-02'), 'XK-2026-004');
    const before = await openTask(s, id, 'completenessCheck');

    const none = await complete(officer, id, 'completenessCheck', { acceptanceDecision: 'missing' });
    expect(none.status).to.equal(422);
    expect(none.body.errors).to.deep.include({ field: 'missingMaterials', message: '「需补正的全部材料」为必填项' });
    const empty = await complete(officer, id, 'completenessCheck', { acceptanceDecision: 'missing', missingMaterials: [] });
    expect(empty.status).to.equal(422);
    expect(empty.body.errors).to.deep.equal([{ field: 'missingMaterials', message: '「需补正的全部材料」至少 1 项' }]);
    const rejectBare = await complete(officer, id, 'completenessCheck', { acceptanceDecision: 'reject' });
    expect(rejectBare.status).to.equal(422);
    expect(rejectBare.body.errors).to.deep.include({ field: 'rejectionReason', message: '「不予受理理由」为必填项' });

    const v = await view(s, id);
    expect(v.status).to.equal('running');
    expect(v.tasks.map((t: { id: string; elementId: string }) => [t.id, t.elementId])).to.deep.equal([[before.id, 'completenessCheck']]);
    expect(kinds(v, 'task.completed')).to.deep.equal([]);
    expect(v.timers.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['deemedAccepted']);
    expect(v.variables).to.not.have.property('acceptanceDecision');

    // A reasoned refusal to accept ends the case after service.
    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'reject', rejectionReason: '申请事项不属于本机关职权范围' });
    expect(openIds(await view(s, id))).to.deep.equal(['serveRejection']);
    await completeOk(officer, id, 'serveRejection', { documentNumber: '湘西环不受〔2026〕1号', serviceMethod: '邮寄送达', servedOn: '2026-03-03', remedyNotified: true });
    const ended = await view(s, id);
    expect(ended.status).to.equal('completed');
    expect(clockOf(ended), 'no decision clock for an application not accepted').to.equal(undefined);
    expect(ended.clocks.map((c: { name: string; status: string; dueAt: string }) => [c.name, c.status])).to.deep.equal([['permitAcceptance', 'stopped']]);
  });

  it('refuses a site check by one officer named twice or by staff without an enforcement certificate', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'permit', application('2026-03-02'), 'XK-2026-005');
    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'accept' });
    await completeOk(officer, id, 'substantiveReview', { reviewOpinion: '需现场核查', siteCheckNeeded: true, hearingNeeded: false });
    const site = { checkedOn: '2026-03-03', siteFindings: '现场与申请一致' };

    const twice = await complete(officer, id, 'siteCheck', { ...site, inspectors: ['officer1', 'officer1'] });
    expect(twice.status).to.equal(422);
    expect(twice.body.errors).to.deep.include({ field: 'inspectors', message: '「核查人员」不能是同一人' });
    const uncertified = await complete(officer, id, 'siteCheck', { ...site, inspectors: ['officer1', 'legal1'] });
    expect(uncertified.status).to.equal(422);
    expect(uncertified.body.errors).to.deep.equal([{ field: 'inspectors', message: '「核查人员」中的 赵法制 没有有效的执法证' }]);
    const alone = await complete(officer, id, 'siteCheck', { ...site, inspectors: ['officer1'] });
    expect(alone.status).to.equal(422);
    expect(alone.body.errors).to.deep.include({ field: 'inspectors', message: '「核查人员」至少 2 项' });

    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['extensionRequest', 'siteCheck']);
    expect(kinds(v, 'task.completed').map((h) => h.elementId)).to.deep.equal(['completenessCheck', 'substantiveReview']);

    await completeOk(officer, id, 'siteCheck', { ...site, inspectors: ['officer2', 'reviewer1'] });
    v = await view(s, id);
    expect(openIds(v), 'no hearing: straight to the decision').to.deep.equal(['decide', 'extensionRequest']);
    expect(clockOf(v).status).to.equal('running');
  });

  it('Given a decision clock due on 30 March, a refused extension leaves it; asked again and approved, it ends 10 working days later on 14 April, and no second extension can be asked for', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'permit', application('2026-03-02'), 'XK-2026-006');
    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'accept' });
    let v = await view(s, id);
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-03-30T16:00:00.000Z' });
    expect((await openTask(s, id, 'extensionRequest')).candidateGroups).to.deep.equal(['officers']);
    // Art. 42: the extension must be asked for and approved before the 20 working days run out.
    expect((await openTask(s, id, 'extensionRequest')).dueAt).to.equal('2026-03-30T16:00:00.000Z');

    await setClock('2026-03-20T02:00:00Z');
    const blank = await complete(officer, id, 'extensionRequest', { extensionRequestReason: '  ' });
    expect(blank.status).to.equal(422);
    expect(blank.body.errors).to.deep.equal([{ field: 'extensionRequestReason', message: '「20个工作日内不能作出决定的理由」格式不正确' }]);
    await completeOk(officer, id, 'extensionRequest', { extensionRequestReason: '需征求相关部门意见' });
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['extensionApproval', 'substantiveReview']);
    expect((await openTask(s, id, 'extensionApproval')).candidateGroups).to.deep.equal(['heads']);
    expect((await openTask(s, id, 'extensionApproval')).dueAt).to.equal('2026-03-30T16:00:00.000Z');
    const byOfficer = await complete(officer, id, 'extensionApproval', { decisionExtensionApproved: true, extensionApprovalOpinion: '同意' });
    expect(byOfficer.status, 'only the head approves').to.equal(403);
    await completeOk(head, id, 'extensionApproval', { decisionExtensionApproved: false, extensionApprovalOpinion: '尚无延长必要' });
    v = await view(s, id);
    expect(openIds(v), 'refused: the officer may ask again').to.deep.equal(['extensionRequest', 'substantiveReview']);
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-03-30T16:00:00.000Z' });
    expect(clockOf(v).events.map((e: { kind: string }) => e.kind)).to.deep.equal(['start']);

    await completeOk(officer, id, 'extensionRequest', { extensionRequestReason: '相关部门意见尚未回复' });
    await completeOk(head, id, 'extensionApproval', { decisionExtensionApproved: true, extensionApprovalOpinion: '同意延长十个工作日' });
    v = await view(s, id);
    // 31 March, 1–3 April, (Qingming 4–6 April off), 7–10, 13, 14 April.
    expect(clockOf(v)).to.include({ status: 'running', dueAt: '2026-04-14T16:00:00.000Z' });
    expect(clockOf(v).events.map((e: { kind: string; period: string | null }) => [e.kind, e.period])).to.deep.equal([['start', 'P20WD'], ['extend', 'P10WD']]);
    expect(v.variables).to.include({ decisionExtended: true, decisionExtensionRequestedBy: 'officer1', decisionExtensionApprovedBy: 'head1' });
    expect((await openTask(s, id, 'substantiveReview')).dueAt).to.equal('2026-04-14T16:00:00.000Z');
    expect(openIds(v)).to.deep.equal(['extensionNotice', 'substantiveReview']);
    // Art. 42 sets no separate period for telling the applicant why: within the extended decision period.
    expect((await openTask(s, id, 'extensionNotice')).dueAt).to.equal('2026-04-14T16:00:00.000Z');
    await completeOk(officer, id, 'extensionNotice', { extensionReasonToApplicant: '需征求相关部门意见', applicantInformed: true });
    v = await view(s, id);
    expect(openIds(v), 'extended once: nothing left to ask for').to.deep.equal(['substantiveReview']);
    expect(v.history.map((h: Entry) => h.elementId)).to.include('endExtended');

    await completeOk(officer, id, 'substantiveReview', { reviewOpinion: '符合法定条件', siteCheckNeeded: false, hearingNeeded: false });
    expect(openIds(await view(s, id))).to.deep.equal(['decide']);
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2026-04-14T16:00:00.000Z');
  });

  it('Given an extension asked for and not yet approved when the head decides, the request is withdrawn and the clock never extended', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'permit', application('2026-03-02'), 'XK-2026-007');
    await completeOk(officer, id, 'completenessCheck', { acceptanceDecision: 'accept' });
    await completeOk(officer, id, 'substantiveReview', { reviewOpinion: '符合法定条件', siteCheckNeeded: false, hearingNeeded: false });
    await completeOk(officer, id, 'extensionRequest', { extensionRequestReason: '需征求相关部门意见' });
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['decide', 'extensionApproval']);

    await completeOk(head, id, 'decide', { ...licence, decision: 'grant', decisionReasons: '申请材料齐全，符合法定条件' });
    v = await view(s, id);
    expect(openIds(v), 'the approval is withdrawn').to.deep.equal(['issueLicence']);
    expect(v.history.map((h: Entry) => h.elementId)).to.include.members(['throwDecided', 'endExtensionWithdrawn']).and.not.include('extendDecisionClock');
    expect(clockOf(v)).to.include({ status: 'stopped' });
    expect(clockOf(v).events.map((e: { kind: string }) => e.kind)).to.deep.equal(['start', 'stop']);
  });
});
