import { expect } from 'chai';
import { completeTask, firedDuring, submitTask, view } from '../../helpers/fixtures.ts';
import { APPLIED, caseReview, fileCase, VIOLATED, type Proposal } from '../../helpers/penalty-case.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';
import { webLogin } from '../../helpers/web.ts';

/**
 * 告知、陈述申辩、复核、听证: the region caseReview … gwStatementJoin of processes/penalty.bpmn,
 * driven with a moved clock in May 2026 (1–5 May are holidays; Saturday 9 May is a working day).
 */

type View = Awaited<ReturnType<typeof view>>;
const open = (v: View) => v.tasks.map((t: { elementId: string }) => t.elementId).sort();
const clock = (v: View, name: string) => v.clocks.find((c: { name: string }) => c.name === name);

describe('Feature: 告知、陈述申辩与听证 — processes/penalty.bpmn', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let reviewer1: ApiClient;
  let legal1: ApiClient;
  let manager1: ApiClient;
  let seq = 0;

  before(async () => {
    s = await startProcessServer('penalty-notice');
    [officer1, reviewer1, legal1, manager1] = await Promise.all(['officer1', 'reviewer1', 'legal1', 'manager1'].map((u) => ApiClient.login(s.base, u, 'demo')));
  });
  after(() => s.close());

  const at = (iso: string) => s.api.post('/api/dev/clock', { set: iso });
  const complete = (who: ApiClient, id: string, el: string, vars: Record<string, unknown>) => completeTask(s, who, id, el, vars);
  const submit = (who: ApiClient, id: string, el: string, vars: Record<string, unknown>) => submitTask(s, who, id, el, vars);
  const documents = async (id: string) => (await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ id: number; kind: string }>;
  const documentText = async (id: string, kind: string) => {
    const doc = (await documents(id)).find((d) => d.kind === kind);
    expect(doc, `document ${kind}`).to.exist;
    const html = String((await s.api.get(`/api/documents/${doc!.id}`)).body);
    return html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
  };
  const review = (p: Proposal) => caseReview(p, { proposedPenalty: p.fine ? `罚款人民币${p.fine}元` : '责令停产停业' });

  /** Filed and investigated on Monday 11 May; reviewed; the notice is dated `noticeDate`. */
  async function caseAtNotice(p: Proposal, noticeDate = '2026-05-20'): Promise<{ id: string; key: string }> {
    await at('2026-05-11T01:00:00Z');
    const key = `PN-${++seq}`;
    const party = p.partyType === '自然人' ? { party: '吴某', partyType: '自然人', creditCode: undefined, legalRepresentative: undefined } : {};
    const id = await fileCase(s, await ApiClient.login(s.base, 'head1', 'demo'), key, '2026-05-11', '2026-05-10', {}, party);
    await complete(officer1, id, 'investigation', {
      investigators: ['officer1', 'officer2'], certificatesShown: true, facts: '2026年5月11日现场检查发现外排废水化学需氧量超标',
      evidence: [{ name: '监测报告', kind: '鉴定意见' }],
    });
    await complete(reviewer1, id, 'caseReview', review(p));
    await at(`${noticeDate}T02:00:00Z`);
    await complete(officer1, id, 'noticeOfPenalty', { noticeDate, rightsStated: true });
    return { id, key };
  }

  /** The case page's 登记事项 button for a hearing request: the action of its own form. */
  const hearingAction = (html: string) => {
    const form = html.split('<form').find((f) => f.includes('data-testid="case-action">收到听证申请<'));
    expect(form, 'the case page offers 收到听证申请').to.exist;
    return /action="([^"]+)"/.exec(form!)![1]!;
  };

  /** Notice dated 20 May, received by post on Friday 22 May, entered on Tuesday 26 May. */
  async function servedByPost(p: Proposal) {
    const c = await caseAtNotice(p);
    await at('2026-05-26T02:00:00Z');
    await complete(officer1, c.id, 'serviceOfNotice', { noticeServiceMethod: '邮寄送达', noticeReceivedOn: '2026-05-22', noticeRecipient: '收发室' });
    return c;
  }

  it('处罚法 art. 44: the case review records the provisions violated and applied, structured, and the notice cites them; a review without them is refused and changes nothing', async () => {
    await at('2026-05-11T01:00:00Z');
    const id = await fileCase(s, await ApiClient.login(s.base, 'head1', 'demo'), `PN-${++seq}`, '2026-05-11', '2026-05-10');
    await complete(officer1, id, 'investigation', { investigators: ['officer1', 'officer2'], certificatesShown: true, facts: '外排废水超标', evidence: [{ name: '监测报告', kind: '鉴定意见' }] });
    const { violatedProvisions: _v, penaltyProvisions: _p, ...noBasis } = review({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 250000 });
    const refused = await submit(reviewer1, id, 'caseReview', noBasis);
    expect(refused.status).to.equal(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).to.include.members(['violatedProvisions', 'penaltyProvisions']);
    const noAmount = await submit(reviewer1, id, 'caseReview', { ...review({ partyType: '法人及非法人组织', kinds: ['fine'] }) });
    expect(noAmount.status, 'a proposed fine needs its amount').to.equal(422);
    let v = await view(s, id);
    expect(open(v)).to.deep.equal(['caseReview']);
    expect(v.variables.violatedProvisions).to.equal(undefined);

    await complete(reviewer1, id, 'caseReview', review({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 250000 }));
    v = await view(s, id);
    expect(v.variables).to.deep.include({ violatedProvisions: VIOLATED, penaltyProvisions: APPLIED, proposedPenaltyKinds: ['fine'], proposedFineAmount: 250000, caseReviewer: 'reviewer1' });
    await at('2026-05-20T02:00:00Z');
    await complete(officer1, id, 'noticeOfPenalty', { noticeDate: '2026-05-20', rightsStated: true });
    const text = await documentText(id, 'penalty-notice');
    expect(text).to.contain('违反了《中华人民共和国水污染防治法》第十条的规定');
    expect(text).to.contain('依据《中华人民共和国水污染防治法》第八十三条第一款第（二）项的规定，本机关拟对你（单位）作出如下行政处罚：罚款人民币250000元（处罚种类：罚款）');
    expect(text).to.not.match(/依据，|：。|。。|undefined/);
  });

  it('处罚法 art. 63, 办法 art. 89: a company fined 250,000 yuan has a hearing right (≥ 200,000) and the notice states it with the 5-working-day request period', async () => {
    const { id } = await caseAtNotice({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 250000 });
    const v = await view(s, id);
    expect(v.variables).to.include({ hearingRight: true, hearingRightRulesVersion: '2026-1' });
    expect(v.variables.hearingRightReason).to.contain('250000').and.contain('200000');
    const text = await documentText(id, 'penalty-notice');
    expect(text).to.contain('有权要求举行听证').and.contain('收到本告知书之日起五个工作日内').and.contain('书面提出听证申请');
  });

  it('处罚法 art. 63: a natural person fined 3,000 yuan (below 5,000) has no hearing right; the notice gives only the right to state and defend', async () => {
    const { id } = await caseAtNotice({ partyType: '自然人', kinds: ['warning', 'fine'], fine: 3000 });
    const v = await view(s, id);
    expect(v.variables.hearingRight).to.equal(false);
    const text = await documentText(id, 'penalty-notice');
    expect(text).to.contain('有权进行陈述和申辩').and.contain('处罚种类：警告、罚款');
    expect(text).to.not.contain('要求举行听证').and.not.contain('听证申请');
  });

  it('处罚法 art. 63: 责令停产停业 gives the hearing right whatever the amount', async () => {
    const { id } = await caseAtNotice({ partyType: '法人及非法人组织', kinds: ['suspendProduction'] });
    expect((await view(s, id)).variables).to.include({ hearingRight: true, hearingRightReason: '拟作出责令停产停业的行政处罚' });
  });

  it('处罚法 arts. 45, 64, 85: the periods count from receipt (posted notice dated 20 May, received 22 May, entered 26 May → ends Friday 29 May), not from data entry', async () => {
    const { id } = await servedByPost({ partyType: '自然人', kinds: ['fine'], fine: 5000 });
    const v = await view(s, id);
    expect(v.variables).to.include({ noticeServiceMethod: '邮寄送达', noticeServedOn: '2026-05-22' });
    // 25, 26, 27, 28, 29 May; from 26 May it would have been 2 June.
    expect(clock(v, 'statement')).to.include({ status: 'running', dueAt: '2026-05-29T16:00:00.000Z' });
    expect(v.timers.map((t: { elementId: string; dueAt: string }) => [t.elementId, t.dueAt])).to.deep.equal([['noHearingRequest', '2026-05-29T16:00:00.000Z']]);
    expect(open(v), 'the decision waits for the period').to.deep.equal(['statementPeriod']);
    expect(await firedDuring(s, id, () => at('2026-05-29T15:59:59Z'))).to.deep.equal([]);
    expect(await firedDuring(s, id, () => at('2026-05-29T16:00:00Z'))).to.deep.equal(['noHearingRequest']);
    const after = await view(s, id);
    expect(clock(after, 'statement').status).to.equal('stopped');
    expect(open(after)).to.deep.equal(['decision']);
  });

  it('民诉法 art. 95: 公告送达 takes effect 30 days after publication (published 20 May → served 19 June), and the periods count from then; 电子送达 needs the party\'s consent', async () => {
    const { id } = await caseAtNotice({ partyType: '自然人', kinds: ['fine'], fine: 5000 });
    const noConsent = await submit(officer1, id, 'serviceOfNotice', { noticeServiceMethod: '电子送达', noticeReceivedOn: '2026-05-20' });
    expect(noConsent.status).to.equal(422);
    const noDate = await submit(officer1, id, 'serviceOfNotice', { noticeServiceMethod: '公告送达' });
    expect(noDate.status).to.equal(422);
    const beforeNotice = await submit(officer1, id, 'serviceOfNotice', { noticeServiceMethod: '直接送达', noticeReceivedOn: '2026-05-19' });
    expect(beforeNotice.status).to.equal(422);
    expect(beforeNotice.body.errors).to.deep.include({ field: 'noticeReceivedOn', message: '「告知书签收日期」（2026-05-19）不能早于「告知日期」（2026-05-20）' });
    expect(open(await view(s, id))).to.deep.equal(['serviceOfNotice']);
    await complete(officer1, id, 'serviceOfNotice', { noticeServiceMethod: '公告送达', noticePublishedOn: '2026-05-20' });
    let v = await view(s, id);
    expect(v.variables.noticeServedOn).to.equal('2026-06-19');
    expect(clock(v, 'statement'), 'no period runs before service takes effect').to.equal(undefined);
    expect(v.timers.map((t: { elementId: string; dueAt: string }) => [t.elementId, t.dueAt])).to.deep.equal([['noticeServiceEffective', '2026-06-18T16:00:00.000Z']]);
    expect(await firedDuring(s, id, () => at('2026-06-18T16:00:00Z'))).to.deep.equal(['noticeServiceEffective']);
    v = await view(s, id);
    // 19–21 June are holidays: 22, 23, 24, 25, 26 June.
    expect(clock(v, 'statement')).to.include({ status: 'running', dueAt: '2026-06-26T16:00:00.000Z' });
  });

  it('处罚法 art. 45: a statement registered in the period is reviewed (复核) with a written result, and the case still waits for the period to run before the decision', async () => {
    const { id, key } = await servedByPost({ partyType: '自然人', kinds: ['fine'], fine: 5000 });
    await at('2026-05-27T02:00:00Z');
    const sent = await officer1.post('/api/messages', { name: 'penaltyStatementReceived', businessKey: key, variables: { statementReceivedOn: '2026-05-27', statementWay: '书面', statementContent: '监测采样时设备检修，数据不具代表性', statementAttachments: '设备检修记录1份' } });
    expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
    expect(open(await view(s, id)), 'the period waits while the statement is reviewed').to.deep.equal(['statementReview']);
    const early = await submit(reviewer1, id, 'statementReview', { statementReviewDate: '2026-05-26', statementReviewResult: '不予采纳', statementReviewReason: '检修记录与监测时间不符' });
    expect(early.status, 'a review dated before the statement was received').to.equal(422);
    await at('2026-05-28T02:00:00Z');
    await complete(reviewer1, id, 'statementReview', { statementReviewDate: '2026-05-28', statementReviewResult: '不予采纳', statementReviewReason: '检修记录与监测时间不符，监测数据有效' });
    let v = await view(s, id);
    expect(v.variables).to.include({ statementReviewer: 'reviewer1', statementReviewResult: '不予采纳' });
    expect(open(v), 'the period of 5 working days has not run: no decision yet').to.deep.equal(['statementPeriod']);
    expect((await (async () => v.tasks.find((t: { elementId: string }) => t.elementId === 'statementPeriod'))()).dueAt, 'still counted from receipt').to.equal('2026-05-29T16:00:00.000Z');
    const text = await documentText(id, 'penalty-statement-review');
    expect(text).to.contain('当事人于2026年5月27日以书面方式提出陈述、申辩').and.contain('复核结论：不予采纳').and.contain('监测数据有效').and.contain('设备检修记录1份');
    expect(text).to.not.match(/reviewer1|undefined|。。/);
    expect(await firedDuring(s, id, () => at('2026-05-29T16:00:00Z'))).to.deep.equal(['noHearingRequest']);
    v = await view(s, id);
    expect(open(v)).to.deep.equal(['decision']);
  });

  it('处罚法 art. 45: a waiver of the statement is recorded and lets the case go on to the decision before the period ends', async () => {
    const { id } = await servedByPost({ partyType: '自然人', kinds: ['fine'], fine: 3000 });
    await at('2026-05-26T03:00:00Z');
    await complete(officer1, id, 'statementPeriod', { statementWaivedOn: '2026-05-26', statementWaiverWay: '书面声明' });
    const v = await view(s, id);
    expect(v.variables).to.include({ statementWaived: true, statementWaivedOn: '2026-05-26' });
    expect(clock(v, 'statement').status).to.equal('stopped');
    expect(open(v)).to.deep.equal(['decision']);
    expect(v.timers).to.deep.equal([]);
  });

  it('处罚法 art. 64: a hearing request after the period is recorded on the case as 逾期听证申请 and answered, not a 404; the case does not change', async () => {
    const { id, key } = await servedByPost({ partyType: '自然人', kinds: ['fine'], fine: 5000 });
    await at('2026-05-30T02:00:00Z');
    const before = await view(s, id);
    expect(open(before)).to.deep.equal(['decision']);
    const late = await officer1.post('/api/messages', { name: 'penaltyHearingRequested', businessKey: key, variables: { hearingRequestedOn: '2026-05-30', hearingRequestWay: '书面' } });
    expect(late.status).to.equal(200);
    expect(late.body).to.deep.include({ instanceIds: [], late: [{ instanceId: id, recordedAs: '逾期听证申请' }] });
    expect(late.body.detail).to.contain('逾期听证申请');
    const after = await view(s, id);
    expect(open(after)).to.deep.equal(['decision']);
    expect(clock(after, 'decision')).to.deep.equal(clock(before, 'decision'));
    expect(after.variables.hearingRequestedOn).to.equal(undefined);
    const entry = after.history.find((h: { kind: string }) => h.kind === 'message.late');
    expect(entry?.data).to.deep.include({ name: 'penaltyHearingRequested', recordedAs: '逾期听证申请' });
    const stranger = await s.api.post('/api/messages', { name: 'penaltyHearingRequested', businessKey: 'NO-SUCH-CASE' });
    expect(stranger.status, 'no case at all is still not found').to.equal(404);
  });

  it('处罚法 art. 64(4): the host is a user who neither investigated nor reviewed the case (or an external host with post); the hearing is held not before its date, by the clerk; documents name people by name and certificate', async () => {
    const { id, key } = await servedByPost({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 250000 });
    await at('2026-05-27T02:00:00Z');
    const req = await officer1.post('/api/messages', { name: 'penaltyHearingRequested', businessKey: key, variables: { hearingRequestedOn: '2026-05-27', hearingRequestWay: '书面', hearingRequestNote: '对监测数据有异议' } });
    expect(req.body.instanceIds).to.deep.equal([id]);
    let v = await view(s, id);
    expect(clock(v, 'decision').status, 'the request pauses the decision clock').to.equal('paused');
    expect(v.timers, 'the statement period no longer waits').to.deep.equal([]);
    expect(open(v)).to.deep.equal(['hearingNotice']);

    const base = { hearingNoticeDate: '2026-05-27', hearingDate: '2026-06-08', hearingPlace: '局三楼听证室', hearingClerk: 'manager1', publicHearing: true };
    const investigator = await submit(officer1, id, 'hearingNotice', { ...base, hearingHost: 'officer1' });
    expect(investigator.status).to.equal(422);
    expect(investigator.body.errors).to.deep.include({ field: 'hearingHost', message: '「听证主持人（本机关人员）」不得由本案的调查人员（张执法）担任' });
    const reviewer = await submit(officer1, id, 'hearingNotice', { ...base, hearingHost: 'reviewer1' });
    expect(reviewer.body.errors).to.deep.include({ field: 'hearingHost', message: '「听证主持人（本机关人员）」不得由本案的案件审查人员（王审查）担任' });
    const freeText = await submit(officer1, id, 'hearingNotice', { ...base, hearingHost: '张执法' });
    expect(freeText.status, 'a free-text name is not a user').to.equal(422);
    const external = await submit(officer1, id, 'hearingNotice', { ...base, hearingHostExternal: '周律师' });
    expect(external.status, 'an external host needs their post').to.equal(422);
    expect(open(await view(s, id))).to.deep.equal(['hearingNotice']);

    await complete(officer1, id, 'hearingNotice', { ...base, hearingHost: 'legal1' });
    v = await view(s, id);
    expect(v.variables).to.include({ hearingHost: 'legal1', hearingClerk: 'manager1', hearingNoticeDate: '2026-05-27' });
    const notice = await documentText(id, 'penalty-hearing-notice');
    expect(notice).to.contain('定于2026年6月8日在局三楼听证室公开举行听证').and.contain('听证主持人：赵法制；听证记录员：刘科长');
    expect(notice).to.not.match(/legal1|manager1|undefined/);
    expect(await documentText(id, 'penalty-hearing-announcement')).to.contain('公开举行听证');

    await at('2026-06-05T02:00:00Z');
    const byInvestigator = await submit(officer1, id, 'holdHearing', { hearingHeldOn: '2026-06-08', partyAttended: true, hearingRecord: '记录', hearingReport: '意见' });
    expect(byInvestigator.status, 'only the clerk completes the hearing').to.equal(403);
    const tooEarly = await submit(manager1, id, 'holdHearing', { hearingHeldOn: '2026-06-05', partyAttended: true, hearingRecord: '记录', hearingReport: '意见' });
    expect(tooEarly.status).to.equal(422);
    expect(tooEarly.body.errors).to.deep.include({ field: 'hearingHeldOn', message: '「听证举行日期」（2026-06-05）不能早于「听证日期」（2026-06-08）' });
    expect(open(await view(s, id))).to.deep.equal(['holdHearing']);

    await at('2026-06-08T08:00:00Z');
    await complete(manager1, id, 'holdHearing', { hearingHeldOn: '2026-06-08', partyAttended: true, hearingRecord: '当事人对监测数据提出异议，调查人员出示采样记录', hearingReport: '事实清楚，建议维持拟处罚意见' });
    v = await view(s, id);
    expect(v.variables.hearingHeld).to.equal(true);
    expect(clock(v, 'decision').status).to.equal('running');
    const report = await documentText(id, 'penalty-hearing-report');
    expect(report).to.contain('听证主持人：赵法制').and.contain('听证主持人意见：事实清楚，建议维持拟处罚意见').and.contain('依据《中华人民共和国水污染防治法》第八十三条第一款第（二）项');
    const record = await documentText(id, 'penalty-hearing-record');
    expect(record).to.contain('听证时间：2026年6月8日').and.contain('湘西某化工有限公司（到场）');
    expect(record + report).to.not.match(/legal1|manager1|officer1|undefined|。。/);
    void legal1;
  });

  it('处罚法 art. 64: the case page registers a hearing request through its form (date, way, matters) and only on confirmation; after the period the same form records 逾期听证申请', async () => {
    const { id } = await servedByPost({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 250000 });
    const web = await webLogin(s.base, 'officer1', 'demo');
    const page = await web.get(`/cases/${id}`);
    const action = hearingAction(page.text);
    const opened = await web.post(action, {});
    expect(opened.status, String(opened.location)).to.equal(200);
    expect(opened.text).to.contain('申请听证日期').and.contain('申请方式').and.contain('申请听证的事项及理由').and.contain('确认登记');
    let v = await view(s, id);
    expect(clock(v, 'decision').status, 'opening the form changes nothing').to.equal('running');
    const missing = await web.post(action, { _confirm: '1', _message: 'penaltyHearingRequested' });
    expect(missing.status).to.equal(422);
    expect(clock((await view(s, id)), 'decision').status).to.equal('running');

    await at('2026-05-30T02:00:00Z');
    const late = await web.post(action, { _confirm: '1', _message: 'penaltyHearingRequested', _label: '收到听证申请', hearingRequestedOn: '2026-05-30', hearingRequestWay: '书面', hearingRequestNote: '要求听证' });
    expect(late.status).to.equal(303);
    expect(decodeURIComponent(late.location!)).to.equal(`/cases/${id}?recorded=逾期听证申请（期限已届满，案件不因此中止）`);
    v = await view(s, id);
    expect(v.history.filter((h: { kind: string }) => h.kind === 'message.late')).to.have.length(1);
    expect(v.variables.hearingRequestedOn).to.equal(undefined);
  });

  it('处罚法 art. 64: a hearing request confirmed on the case page within the period pauses the decision clock', async () => {
    const { id } = await servedByPost({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 250000 });
    const web = await webLogin(s.base, 'officer1', 'demo');
    const action = hearingAction((await web.get(`/cases/${id}`)).text);
    const sent = await web.post(action, { _confirm: '1', _message: 'penaltyHearingRequested', hearingRequestedOn: '2026-05-26', hearingRequestWay: '书面', hearingRequestNote: '对监测数据有异议' });
    expect(sent.status, sent.text.slice(0, 300)).to.equal(303);
    const v = await view(s, id);
    expect(v.variables).to.include({ hearingRequestedOn: '2026-05-26', hearingRequestWay: '书面' });
    expect(clock(v, 'decision').status).to.equal('paused');
    expect(open(v)).to.deep.equal(['hearingNotice']);
  });

  it('办法 (听证时间不计入办案期限): the decision clock pauses from the day the hearing was asked for (25 May), not the day the request was entered (27 May), until the day it was held', async () => {
    const { id, key } = await servedByPost({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 250000 });
    const dueBefore = clock(await view(s, id), 'decision').dueAt as string;
    await at('2026-05-27T02:00:00Z');
    const req = await officer1.post('/api/messages', { name: 'penaltyHearingRequested', businessKey: key, variables: { hearingRequestedOn: '2026-05-25', hearingRequestWay: '邮寄' } });
    expect(req.body.instanceIds).to.deep.equal([id]);
    expect(clock(await view(s, id), 'decision').status).to.equal('paused');
    await complete(officer1, id, 'hearingNotice', { hearingNoticeDate: '2026-05-27', hearingDate: '2026-06-08', hearingPlace: '局三楼听证室', hearingHost: 'legal1', hearingClerk: 'manager1', publicHearing: false });
    await at('2026-06-08T08:00:00Z');
    await complete(manager1, id, 'holdHearing', { hearingHeldOn: '2026-06-08', partyAttended: true, hearingRecord: '当事人陈述意见', hearingReport: '建议维持拟处罚意见' });
    const after = clock(await view(s, id), 'decision');
    expect(after.status).to.equal('running');
    // Filed 11 May: 90 days end on Sunday 9 August → Monday 10 August. 25 May up to 8 June is 14
    // calendar days not counted: 104 days end on Sunday 23 August → Monday 24 August (counted from
    // the entry on 27 May it would be 12 days: Friday 21 August).
    expect(dueBefore).to.equal('2026-08-10T16:00:00.000Z');
    expect(after.dueAt).to.equal('2026-08-24T16:00:00.000Z');
  });
});
