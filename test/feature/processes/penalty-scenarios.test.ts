import { expect } from 'chai';
import { documentProblems, visibleText } from '../../../src/domain/document-quality.ts';
import { completeTask, firedDuring, openTask, submitTask, view } from '../../helpers/fixtures.ts';
import { caseReview, filing, lead } from '../../helpers/penalty-case.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';

/**
 * Issue 12, "Done when": the two full penalty cases, each from 线索登记 to its end, over the real
 * processes/penalty.bpmn with a moved clock in 2026. Every date is asserted with the reason it is
 * what it is, and every document issued is read as the party reads it (tags stripped) and must
 * read clean (src/domain/document-quality.ts).
 *
 * 处罚法 = 行政处罚法 (2021); 办法 = 生态环境行政处罚办法 (2023); 强制法 = 行政强制法; 民诉法 =
 * 民事诉讼法 (its counting rules apply to the periods: the start day is not counted, a last day
 * that is a rest day moves to the next working day). 2026 holidays used here: 15–23 February
 * (Saturdays 14 and 28 February are working days), 4–6 April, 1–5 May.
 */

type View = Awaited<ReturnType<typeof view>>;
const open = (v: View) => v.tasks.map((t: { elementId: string }) => t.elementId).sort();
const clock = (v: View, name: string) => v.clocks.find((c: { name: string }) => c.name === name);
const timers = (v: View) => v.timers.map((t: { elementId: string; dueAt: string }) => [t.elementId, t.dueAt]);
const passed = (v: View) => v.history.filter((h: { kind: string }) => h.kind === 'activity.end').map((h: { elementId: string }) => h.elementId);
const child = (v: View, processKey: string) => {
  const c = v.children.find((x: { processKey: string; status: string }) => x.processKey === processKey && x.status === 'running');
  expect(c, `a running ${processKey} child`).to.exist;
  return c as { id: string };
};
/** The end of a Shanghai day (24:00 at UTC+8), as the API reports due times. */
const endOf = (day: string) => `${day}T16:00:00.000Z`;

const HEADS = ['head1', 'head2', 'head3'];
const REASONS = {
  penaltyContent: '罚款',
  evidenceReason: '现场检查笔录、监测报告、采样记录相互印证，予以采信',
  legalBasisReason: '当事人违反《中华人民共和国水污染防治法》第十条，依第八十三条第一款第（二）项处罚',
};

describe('Feature: 两个完整的行政处罚案件 (issue 12 "Done when") — processes/penalty.bpmn from 线索登记 to 结案', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let reviewer1: ApiClient;
  let legal1: ApiClient;
  let head1: ApiClient;
  let usernames: string[];

  before(async () => {
    s = await startProcessServer('penalty-scenarios');
    [officer1, reviewer1, legal1, head1] = await Promise.all(['officer1', 'reviewer1', 'legal1', 'head1'].map((u) => ApiClient.login(s.base, u, 'demo')));
    usernames = ((await s.zhifa.db('users').select('username')) as Array<{ username: string }>).map((u) => u.username);
  });
  after(() => s.close());

  const at = (iso: string) => s.api.post('/api/dev/clock', { set: iso });
  const complete = (who: ApiClient, id: string, el: string, vars: Record<string, unknown>) => completeTask(s, who, id, el, vars);
  const submit = (who: ApiClient, id: string, el: string, vars: Record<string, unknown>) => submitTask(s, who, id, el, vars);
  const dueOf = async (id: string, el: string) => (await openTask(s, id, el)).dueAt as string;
  const documents = async (id: string) => (await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ id: number; kind: string; number: string | null }>;

  /** The text of the case's (latest) document of `kind`, as the party reads it; it must read clean. */
  async function documentText(id: string, kind: string): Promise<string> {
    const doc = (await documents(id)).filter((d) => d.kind === kind).at(-1);
    expect(doc, `document ${kind} issued`).to.exist;
    const html = String((await s.api.get(`/api/documents/${doc!.id}`)).body);
    const text = visibleText(html);
    expect(documentProblems(html, { usernames }), `${kind}:\n${text}`).to.deep.equal([]);
    return text.replace(/\s+/g, '');
  }

  /** The publication's clocks and timers: the managers' reminder the working day before the last day, the escalation after it. */
  async function publicationDates(publicationId: string, reminderDay: string, lastDay: string) {
    const pv = await view(s, publicationId);
    expect(clock(pv, 'publication')).to.include({ status: 'running', dueAt: endOf(lastDay) });
    expect(clock(pv, 'publicationReminder')).to.include({ status: 'running', dueAt: endOf(reminderDay) });
    expect(timers(pv)).to.deep.equal([['reminderDue', endOf(reminderDay)], ['overdue', endOf(lastDay)]]);
  }

  /** Every document of the case, in the order issued, each read and clean. */
  async function everyDocument(id: string): Promise<string[]> {
    const docs = await documents(id);
    for (const d of docs) {
      const html = String((await s.api.get(`/api/documents/${d.id}`)).body);
      expect(documentProblems(html, { usernames }), `${d.kind}:\n${visibleText(html)}`).to.deep.equal([]);
    }
    return docs.map((d) => d.kind);
  }

  it('法人 (湘西某化工有限公司) fined 250,000 yuan: hearing (处罚法 arts. 63–65, 办法 art. 89), decision clock paused for it (处罚法 art. 60), legal review (art. 58), collective discussion (art. 57), decision not heavier than notified (art. 45) and after the review (date order), service, publication in 7 working days (国办发〔2018〕118号), payment in 15 days of receipt (art. 67), archive', async () => {
    // 线索登记 on Monday 13 April 2026 by the handling officer.
    await at('2026-04-13T01:00:00Z');
    const key = 'SCN-1';
    const started = await officer1.post('/api/instances', { processKey: 'penalty', businessKey: key, variables: lead('2026-04-13') });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    const id = started.body.id as string;
    let v = await view(s, id);
    // 办法: the filing decision within 15 days of the lead: 13 April + 15 = Tuesday 28 April.
    expect(clock(v, 'filing')).to.include({ status: 'running', dueAt: endOf('2026-04-28') });
    expect(await dueOf(id, 'filingApproval')).to.equal(endOf('2026-04-28'));

    // 立案 on Wednesday 15 April: 处罚法 art. 60 / 办法, 90 days from filing: 15 April + 90 = Tuesday 14 July.
    await at('2026-04-15T01:00:00Z');
    await complete(head1, id, 'filingApproval', filing('2026-04-10', { filingDate: '2026-04-15' }));
    v = await view(s, id);
    expect(clock(v, 'filing').status).to.equal('stopped');
    expect(clock(v, 'decision')).to.include({ status: 'running', dueAt: endOf('2026-07-14') });

    // 处罚法 arts. 42, 55: investigated by two certified officers who showed their certificates.
    await complete(officer1, id, 'investigation', {
      investigators: ['officer1', 'officer2'], certificatesShown: true,
      facts: '2026年4月10日夜间，当事人通过雨水排放口外排生产废水，经监测化学需氧量超过排放标准2.3倍',
      evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }, { name: '监测报告', kind: '鉴定意见' }, { name: '采样现场录像', kind: '视听资料' }],
    });
    // 办法: the case review by someone who did not investigate proposes the fine (heavyPenalty: the heads will discuss it).
    await complete(reviewer1, id, 'caseReview', caseReview({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 250000, heavyPenalty: true }, { proposedPenalty: '罚款人民币贰拾伍万元整' }));
    v = await view(s, id);
    // 处罚法 art. 63, 办法 art. 89 (rules/hearing-right.json): 250,000 ≥ 200,000 for an organisation.
    expect(v.variables).to.include({ hearingRight: true, caseReviewer: 'reviewer1' });
    expect(v.variables.hearingRightReason).to.contain('250000').and.contain('200000');

    // 处罚法 art. 44: the notice, dated and handed to the legal representative on Monday 20 April.
    await at('2026-04-20T02:00:00Z');
    await complete(officer1, id, 'noticeOfPenalty', { noticeDate: '2026-04-20', rightsStated: true });
    await complete(officer1, id, 'serviceOfNotice', { noticeServiceMethod: '直接送达', noticeReceivedOn: '2026-04-20', noticeRecipient: '李四（法定代表人）' });
    v = await view(s, id);
    expect(await documentText(id, 'penalty-notice-receipt')).to.contain(`送达文书行政处罚事先（听证）告知书（${v.variables.penaltyNoticeNo}）`)
      .and.contain('受送达人湘西某化工有限公司').and.contain('送达方式直接送达').and.contain('签收人李四（法定代表人）').and.contain('送达日期2026年4月20日').and.contain('2026年4月20日');
    expect(v.variables).to.include({ noticeServedOn: '2026-04-20' });
    // 处罚法 arts. 64, 85: 5 working days after Monday 20 April: 21, 22, 23, 24, 27 April.
    expect(clock(v, 'statement')).to.include({ status: 'running', dueAt: endOf('2026-04-27') });
    expect(timers(v)).to.deep.equal([['noHearingRequest', endOf('2026-04-27')]]);
    expect(await dueOf(id, 'statementPeriod')).to.equal(endOf('2026-04-27'));
    const notice = await documentText(id, 'penalty-notice');
    expect(notice).to.contain('湘西某化工有限公司：').and.contain('违反了《中华人民共和国水污染防治法》第十条的规定')
      .and.contain('依据《中华人民共和国水污染防治法》第八十三条第一款第（二）项的规定，本机关拟对你（单位）作出如下行政处罚：罚款人民币贰拾伍万元整（处罚种类：罚款）')
      .and.contain('有权要求举行听证').and.contain('收到本告知书之日起五个工作日内').and.contain('书面提出听证申请')
      .and.contain('执法人员：张执法（执法证号：43000000001）、李执法（执法证号：43000000002）').and.contain('2026年4月20日');

    // 处罚法 art. 64(1): the hearing requested in writing on Thursday 23 April, within the 5 working days.
    await at('2026-04-23T02:00:00Z');
    const decisionDueBefore = clock(await view(s, id), 'decision').dueAt;
    const requested = await officer1.post('/api/messages', {
      name: 'penaltyHearingRequested', businessKey: key,
      variables: { hearingRequestedOn: '2026-04-23', hearingRequestWay: '书面', hearingRequestNote: '对监测数据及罚款数额有异议，申请听证' },
    });
    expect(requested.status, JSON.stringify(requested.body)).to.equal(200);
    expect(requested.body.instanceIds).to.deep.equal([id]);
    v = await view(s, id);
    expect(v.variables).to.include({ hearingRequestedOn: '2026-04-23', hearingRequestWay: '书面' });
    // 处罚法 art. 60, 办法: the hearing's time is not counted in the 90 days.
    expect(clock(v, 'decision')).to.include({ status: 'paused', dueAt: null });
    expect(v.timers, 'the statement period no longer runs').to.deep.equal([]);
    expect(open(v)).to.deep.equal(['hearingNotice']);

    // 处罚法 art. 64(2), (4): notice served on Friday 24 April, 7 working days before the hearing
    // (27–30 April, then 1–5 May off: 6, 7, 8 May), by a host who neither investigated nor reviewed the case.
    await at('2026-04-24T02:00:00Z');
    const hearing = { hearingNoticeDate: '2026-04-24', hearingPlace: '局三楼听证室', hearingHost: 'manager1', hearingClerk: 'reviewer1', publicHearing: true };
    const tooSoon = await submit(officer1, id, 'hearingNotice', { ...hearing, hearingDate: '2026-05-07' });
    expect(tooSoon.status).to.equal(422);
    expect(tooSoon.body.errors).to.deep.equal([{ field: 'hearingDate', message: '「听证日期」须在「听证通知送达日期」（2026-04-24）之后至少 7 个工作日，即不早于 2026-05-08' }]);
    const investigatorHosts = await submit(officer1, id, 'hearingNotice', { ...hearing, hearingDate: '2026-05-08', hearingHost: 'officer2' });
    expect(investigatorHosts.status).to.equal(422);
    expect(investigatorHosts.body.errors).to.deep.include({ field: 'hearingHost', message: '「听证主持人（本机关人员）」不得由本案的调查人员（李执法）担任' });
    expect(open(await view(s, id)), 'refused: nothing moved').to.deep.equal(['hearingNotice']);
    await complete(officer1, id, 'hearingNotice', { ...hearing, hearingDate: '2026-05-08' });
    const hearingNotice = await documentText(id, 'penalty-hearing-notice');
    expect(hearingNotice).to.contain('根据你（单位）于2026年4月23日提出的听证申请').and.contain('本机关定于2026年5月8日在局三楼听证室公开举行听证')
      .and.contain('听证主持人：刘科长；听证记录员：王审查').and.contain('有权申请回避').and.contain('2026年4月24日');
    const announcement = await documentText(id, 'penalty-hearing-announcement');
    expect(announcement).to.contain('本机关拟对湘西某化工有限公司作出行政处罚').and.contain('定于2026年5月8日在局三楼听证室公开举行听证，听证主持人：刘科长。');
    expect(open(await view(s, id))).to.deep.equal(['holdHearing']);
    expect((await openTask(s, id, 'holdHearing')).assignee, 'the clerk records the hearing').to.equal('reviewer1');

    // 处罚法 art. 64(8), 65: the hearing held on Friday 8 May; the clerk files the record and the host's report.
    await at('2026-05-08T06:00:00Z');
    const byOfficer = await submit(officer1, id, 'holdHearing', { hearingHeldOn: '2026-05-08', partyAttended: true, hearingRecord: '记录', hearingReport: '意见' });
    expect(byOfficer.status, 'only the clerk completes the hearing').to.equal(403);
    await complete(reviewer1, id, 'holdHearing', {
      hearingHeldOn: '2026-05-08', partyAttended: true,
      hearingRecord: '当事人法定代表人李四到场，对监测数据提出异议；调查人员出示采样记录和现场录像，当事人未提出新的证据',
      hearingReport: '违法事实清楚，证据确凿，建议维持拟处罚意见',
    });
    v = await view(s, id);
    expect(v.variables).to.include({ hearingHeld: true });
    // Paused from Thursday 23 April to Friday 8 May: 15 days not counted, so 14 July + 15 = Wednesday 29 July.
    expect(decisionDueBefore).to.equal(endOf('2026-07-14'));
    expect(clock(v, 'decision')).to.include({ status: 'running', dueAt: endOf('2026-07-29') });
    expect(clock(v, 'statement').status).to.equal('stopped');
    const record = await documentText(id, 'penalty-hearing-record');
    expect(record).to.contain('案由：超标排放水污染物').and.contain('听证时间：2026年5月8日；地点：局三楼听证室；方式：公开')
      .and.contain('听证主持人：刘科长；记录员：王审查').and.contain('当事人：湘西某化工有限公司（到场）').and.contain('当事人未提出新的证据');
    const report = await documentText(id, 'penalty-hearing-report');
    expect(report).to.contain('本案于2026年5月8日在局三楼听证室举行听证').and.contain('拟处罚意见：罚款人民币贰拾伍万元整（依据《中华人民共和国水污染防治法》第八十三条第一款第（二）项）')
      .and.contain('听证主持人意见：违法事实清楚，证据确凿，建议维持拟处罚意见');

    // 处罚法 art. 58: the catalog (rules/legal-review-catalog.json) requires a legal review of this fine.
    expect(v.variables).to.include({ legalReviewRequired: true, legalReviewRule: 'fine-organisation' });
    expect(open(v), 'the case waits for the legal review').to.deep.equal([]);
    const review = child(v, 'legal-review');
    // Submitted on Monday 11 May; reviewed within 5 working days: 12, 13, 14, 15, 18 May.
    await at('2026-05-11T01:00:00Z');
    await complete(officer1, review.id, 'submit', {
      decisionDraft: '拟对湘西某化工有限公司罚款人民币贰拾伍万元整', factsAndEvidence: '现场检查笔录、监测报告、采样现场录像',
      legalBasis: '《中华人民共和国水污染防治法》第八十三条第一款第（二）项', discretionApplied: '超标2.3倍，按裁量基准较重档',
      investigators: ['officer1', 'officer2'], hearingHeld: true, hearingRecord: '听证笔录及听证报告（2026-05-08）',
    });
    expect(await dueOf(review.id, 'review')).to.equal(endOf('2026-05-18'));
    const reviewCase = await view(s, review.id);
    expect(clock(reviewCase, 'legalReview')).to.include({ status: 'running', dueAt: endOf('2026-05-18') });
    expect(timers(reviewCase)).to.deep.equal([['reviewOverdue', endOf('2026-05-18')]]);
    await at('2026-05-13T02:00:00Z');
    await complete(legal1, review.id, 'review', {
      reviewOpinionDate: '2026-05-13', checkCompetence: true, checkPowers: true, checkProcedure: true, checkFactsEvidence: true,
      checkLawAndDiscretion: true, checkDocuments: true, criminalReferralNeeded: false, reviewOpinion: 'agree',
    });
    v = await view(s, id);
    expect(v.variables).to.include({ legalReviewPassed: true, reviewOpinionDate: '2026-05-13' });
    const opinion = await documentText(id, 'review-opinion');
    expect(opinion).to.contain('当事人：湘西某化工有限公司').and.contain('承办人：张执法（执法证号：43000000001）').and.contain('审核意见：同意').and.contain('2026年5月13日');

    // 处罚法 art. 57: the heads' collective discussion on Thursday 14 May, at the quorum of
    // rules/collective-discussion.json, recorded the next morning: the minutes bear the day it was held.
    expect(open(v)).to.deep.equal(['collectiveDiscussion']);
    await at('2026-05-15T01:00:00Z');
    await complete(head1, id, 'collectiveDiscussion', {
      collectiveDiscussionDate: '2026-05-14', collectiveMembers: HEADS, collectiveChair: 'head1',
      memberOpinions: [{ member: 'head1', opinion: '同意罚款二十五万元' }, { member: 'head2', opinion: '同意' }, { member: 'head3', opinion: '同意，并责令立即改正' }],
      collectiveConclusion: '同意对当事人罚款人民币贰拾伍万元整',
    });
    const minutes = await documentText(id, 'penalty-collective-minutes');
    expect(minutes).to.contain('讨论日期：2026年5月14日').and.contain('主持人：陈局长')
      .and.contain('参加人员：陈局长、周副局长、吴副局长（本机关负责人3人，法定人数3人）').and.contain('吴副局长：同意，并责令立即改正')
      .and.contain('同意对当事人罚款人民币贰拾伍万元整').and.contain('2026年5月14日').and.not.contain('2026年5月15日');
    v = await view(s, id);
    expect(open(v)).to.deep.equal(['decision']);
    // The decision task is due with the decision clock, moved by the hearing.
    expect(await dueOf(id, 'decision')).to.equal(endOf('2026-07-29'));

    // The decision on Friday 15 May. rules/penalty-date-order.json: not dated before the legal
    // review's opinion (13 May) nor the discussion (14 May); 处罚法 art. 45: not heavier than notified.
    await at('2026-05-15T02:00:00Z');
    const decided = { ...REASONS, discretionReason: '超标倍数较高，经听证当事人未提出从轻情节，按裁量基准较重档处罚', decidedPenaltyKinds: ['fine'], decidedFineAmount: 250000 };
    const beforeReview = await submit(head1, id, 'decision', { ...decided, decisionDate: '2026-05-12' });
    expect(beforeReview.status).to.equal(422);
    expect(beforeReview.body.errors).to.deep.include.members([
      { field: 'decisionDate', message: '「处罚决定日期」（2026-05-12）不能早于「法制审核意见日期」（2026-05-13）' },
      { field: 'decisionDate', message: '「处罚决定日期」（2026-05-12）不能早于「集体讨论日期」（2026-05-14）' },
    ]);
    const heavier = await submit(head1, id, 'decision', { ...decided, decisionDate: '2026-05-15', decidedFineAmount: 300000 });
    expect(heavier.status).to.equal(422);
    expect(heavier.body.errors[0].message).to.contain('罚款 300000 元高于告知的 250000 元');
    v = await view(s, id);
    expect(open(v), 'refused: nothing moved').to.deep.equal(['decision']);
    expect(clock(v, 'decision')).to.include({ status: 'running', dueAt: endOf('2026-07-29') });
    expect(v.variables.decisionDate).to.equal(undefined);
    expect((await documents(id)).map((d) => d.kind)).to.not.include('penalty-decision');
    await complete(head1, id, 'decision', { ...decided, decisionDate: '2026-05-15' });
    v = await view(s, id);
    expect(v.variables).to.deep.include({ decisionDate: '2026-05-15', decidedFineAmount: 250000, decidedPenaltyKinds: ['fine'] });
    expect(v.variables.penaltyDecisionNo).to.match(/^湘西环罚〔2026〕\d+号$/);
    expect(clock(v, 'decision').status).to.equal('stopped');
    // 处罚法 art. 59: the amount once in words and once in figures, the three reasons, the remedies.
    const decision = await documentText(id, 'penalty-decision');
    expect(decision).to.contain(v.variables.penaltyDecisionNo)
      .and.contain('当事人：湘西某化工有限公司（法人及非法人组织），统一社会信用代码：91433100MA4L12345F，法定代表人：李四，地址：湖南省吉首市经济开发区1号')
      .and.contain('执法人员：张执法（执法证号：43000000001）、李执法（执法证号：43000000002）')
      .and.contain('罚款：人民币贰拾伍万元整（¥250,000.00）。').and.contain('罚款自收到本决定书之日起十五日内缴纳')
      .and.contain(REASONS.evidenceReason).and.contain('按裁量基准较重档处罚')
      .and.contain('可以在收到本决定书之日起六十日内向湘西土家族苗族自治州人民政府申请行政复议，或者在六个月内依法向吉首市人民法院提起行政诉讼')
      .and.contain(`本机关于2026年4月20日作出《行政处罚事先（听证）告知书》（${v.variables.penaltyNoticeNo}）`).and.contain('陈述、申辩和要求听证的权利；该告知书于2026年4月20日送达。')
      .and.contain('你（单位）于2026年4月23日要求听证，本机关于2026年5月8日举行听证。听证主持人意见：违法事实清楚，证据确凿，建议维持拟处罚意见')
      .and.contain('2026年5月15日');
    expect(decision.match(/贰拾伍万元整/g), 'the amount in words once').to.have.length(1);
    expect(decision.match(/250,000\.00/g), 'and in figures once').to.have.length(1);

    // 国办发〔2018〕118号: publication runs beside service, due 7 working days after Friday 15 May: 18–22, 25, 26 May.
    const publication = child(v, 'publication');
    expect(await dueOf(publication.id, 'review')).to.equal(endOf('2026-05-26'));
    // The managers are reminded one working day before (Monday 25 May).
    await publicationDates(publication.id, '2026-05-25', '2026-05-26');
    // 处罚法 art. 61: service within 7 working days (the same 26 May).
    expect(open(v)).to.deep.equal(['serviceOfDecision']);
    expect(await dueOf(id, 'serviceOfDecision')).to.equal(endOf('2026-05-26'));

    // Served in person on Monday 18 May. 处罚法 art. 67: 15 days from receipt: Tuesday 2 June.
    await at('2026-05-18T02:00:00Z');
    await complete(officer1, id, 'serviceOfDecision', { serviceDate: '2026-05-18', serviceMethod: '直接送达', recipient: '李四（法定代表人）' });
    v = await view(s, id);
    expect(await documentText(id, 'penalty-decision-receipt')).to.contain(`送达文书行政处罚决定书（${v.variables.penaltyDecisionNo}）`)
      .and.contain('签收人李四（法定代表人）').and.contain('送达日期2026年5月18日').and.contain('2026年5月18日');
    expect(v.variables).to.include({ serviceDate: '2026-05-18', paymentLastDay: '2026-06-02' });
    expect(clock(v, 'payment')).to.include({ status: 'running', dueAt: endOf('2026-06-02') });
    expect(await dueOf(id, 'registerPayment')).to.equal(endOf('2026-06-02'));
    expect(timers(v)).to.deep.include(['paymentOverdue', endOf('2026-06-02')]);

    // Published on Tuesday 19 May, within the 7 working days; kept one year from the decision.
    await at('2026-05-19T02:00:00Z');
    await complete(officer1, publication.id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    v = await view(s, id);
    expect(v.variables).to.include({ published: true, publicationLastDay: '2027-05-14' });
    const items = (await new ApiClient(s.base).get(`/api/public/publications?party=${encodeURIComponent('湘西某化工有限公司')}&category=penalty`)).body.items as Array<{ decisionNo: string; fields: Record<string, unknown> }>;
    const item = items.find((i) => i.decisionNo === v.variables.penaltyDecisionNo);
    expect(item?.fields, JSON.stringify(items)).to.include({ 行政处罚决定书文号: v.variables.penaltyDecisionNo, 处罚决定日期: '2026-05-15', '罚款金额（万元）': 25, 处罚类别: '罚款' });
    expect(open(v), 'the case waits for the payment').to.deep.equal(['registerPayment']);

    // Paid in full on Friday 29 May, before 2 June: no surcharge (处罚法 art. 72).
    await at('2026-05-29T02:00:00Z');
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-05-29', paidAmount: 250000, receiptNumber: 'FS-2026-0529' });
    v = await view(s, id);
    expect(v.variables).to.include({ overdueDays: 0, surchargeAmount: 0, amountDue: 250000 });
    expect(clock(v, 'payment').status).to.equal('stopped');
    expect(v.timers).to.deep.equal([]);
    expect(open(v)).to.deep.equal(['closeAndArchive']);

    // 结案归档 on Monday 1 June.
    await at('2026-06-01T02:00:00Z');
    await complete(officer1, id, 'closeAndArchive', { closingReport: '罚款已按期缴清，决定已公示，结案', archiveNumber: '20260031', retention: '30年' });
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(passed(v)).to.include.members(['hearingRequested', 'pauseDecisionClock', 'holdHearing', 'resumeDecisionClock', 'legalReview', 'collectiveDiscussion', 'decision', 'publication', 'registerPayment', 'closed']);
    expect(passed(v)).to.not.include.members(['noHearingRequest', 'paymentOverdue', 'reminderNotice']);
    expect(await everyDocument(id)).to.deep.equal([
      'penalty-notice', 'penalty-notice-receipt', 'penalty-hearing-notice', 'penalty-hearing-announcement', 'penalty-hearing-record', 'penalty-hearing-report',
      'review-opinion', 'penalty-collective-minutes', 'penalty-decision', 'penalty-decision-receipt',
    ]);
  });

  it('自然人 (张某) fined 5,000 yuan, no hearing: posted notice — the 5 working days count from receipt (处罚法 arts. 45, 64, 85); posted decision — 15 days to pay from receipt (art. 67); unpaid: surcharge (art. 72), 催告书 and its 10 working days (强制法 arts. 54, 69), 复议 60 days / 诉讼 6 months from receipt, court application within 3 months after (强制法 art. 53); publication from the decision regardless of payment', async () => {
    // 线索登记 on Monday 19 January 2026.
    await at('2026-01-19T01:00:00Z');
    const key = 'SCN-2';
    const person = { party: '张某', partyType: '自然人', creditCode: undefined, legalRepresentative: undefined, partyAddress: '湖南省吉首市乾州街道人民路8号', lead: '巡查发现私设暗管排放洗车废水' };
    const started = await officer1.post('/api/instances', { processKey: 'penalty', businessKey: key, variables: lead('2026-01-19', person) });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    const id = started.body.id as string;
    // 办法: 15 days from 19 January: Tuesday 3 February.
    expect(await dueOf(id, 'filingApproval')).to.equal(endOf('2026-02-03'));

    // 立案 on Tuesday 20 January: 90 days to decide: 20 January + 90 = Monday 20 April.
    await at('2026-01-20T01:00:00Z');
    await complete(head1, id, 'filingApproval', filing('2026-01-18', { filingDate: '2026-01-20', caseCause: '通过暗管排放水污染物' }));
    let v = await view(s, id);
    expect(clock(v, 'decision')).to.include({ status: 'running', dueAt: endOf('2026-04-20') });
    await complete(officer1, id, 'investigation', {
      investigators: ['officer1', 'officer2'], certificatesShown: true,
      facts: '2026年1月18日，当事人经营的洗车点通过私设暗管将洗车废水直接排入雨水管网',
      evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }, { name: '现场照片', kind: '视听资料' }],
    });
    await complete(reviewer1, id, 'caseReview', caseReview({ partyType: '自然人', kinds: ['fine'], fine: 5000 }, { proposedPenalty: '罚款人民币伍仟元整' }));
    v = await view(s, id);
    // rules/hearing-right.json: 5,000 yuan to a natural person is a large amount (含本数): the notice states the hearing right.
    expect(v.variables).to.include({ hearingRight: true });

    // 处罚法 art. 44: the notice dated Wednesday 11 February and posted; 张某 signs for it on Saturday 14 February
    // (a working day in 2026), and the service is registered only on Tuesday 24 February, after 春节.
    await at('2026-02-11T02:00:00Z');
    await complete(officer1, id, 'noticeOfPenalty', { noticeDate: '2026-02-11', rightsStated: true });
    const notice = await documentText(id, 'penalty-notice');
    expect(notice).to.contain('张某：').and.contain('罚款人民币伍仟元整（处罚种类：罚款）').and.contain('有权要求举行听证')
      .and.contain('收到本告知书之日起五个工作日内').and.contain('2026年2月11日');
    await at('2026-02-24T02:00:00Z');
    await complete(officer1, id, 'serviceOfNotice', { noticeServiceMethod: '邮寄送达', noticeReceivedOn: '2026-02-14', noticeRecipient: '张某' });
    v = await view(s, id);
    // The 送达回证 bears the day of receipt (民诉法 art. 91: the date on the postal receipt), not the day of entry.
    expect(await documentText(id, 'penalty-notice-receipt')).to.contain('送达方式邮寄送达').and.contain('签收人张某').and.contain('送达日期2026年2月14日')
      .and.contain('以回执上注明的收件日期为送达日期').and.contain('2026年2月14日').and.not.contain('2026年2月24日');
    expect(v.variables).to.include({ noticeServiceMethod: '邮寄送达', noticeServedOn: '2026-02-14' });
    // 5 working days after Saturday 14 February (15–23 February off): 24, 25, 26, 27 February and Saturday 28 February
    // (a working day). From the notice's date it would be 25 February; from the entry on the 24th, 2 March.
    expect(clock(v, 'statement')).to.include({ status: 'running', dueAt: endOf('2026-02-28') });
    expect(timers(v)).to.deep.equal([['noHearingRequest', endOf('2026-02-28')]]);
    expect(await dueOf(id, 'statementPeriod')).to.equal(endOf('2026-02-28'));

    // No statement, no hearing request: the period runs out at the end of 28 February, not a second before.
    expect(await firedDuring(s, id, () => at('2026-02-28T15:59:59Z'))).to.deep.equal([]);
    expect(await firedDuring(s, id, () => at('2026-02-28T16:00:00Z'))).to.deep.equal(['noHearingRequest']);
    v = await view(s, id);
    expect(clock(v, 'statement').status).to.equal('stopped');
    // Not in the catalog (a natural person's fine below 20,000), no collective discussion: straight to the decision.
    expect(v.variables).to.include({ legalReviewRequired: false });
    expect(v.children).to.deep.equal([]);
    expect(open(v)).to.deep.equal(['decision']);
    expect(await dueOf(id, 'decision')).to.equal(endOf('2026-04-20'));

    // The decision on Wednesday 4 March.
    await at('2026-03-04T02:00:00Z');
    await complete(head1, id, 'decision', {
      ...REASONS, legalBasisReason: '当事人违反《中华人民共和国水污染防治法》第十条，依第八十三条第一款第（二）项处罚',
      discretionReason: '首次违法，排放量小，已拆除暗管，按裁量基准从轻档处罚', decisionDate: '2026-03-04', decidedPenaltyKinds: ['fine'], decidedFineAmount: 5000,
    });
    v = await view(s, id);
    expect(clock(v, 'decision').status).to.equal('stopped');
    const decision = await documentText(id, 'penalty-decision');
    expect(decision).to.contain(v.variables.penaltyDecisionNo).and.contain('当事人：张某（自然人），地址：湖南省吉首市乾州街道人民路8号')
      .and.contain('罚款：人民币伍仟元整（¥5,000.00）。').and.contain('罚款自收到本决定书之日起十五日内缴纳')
      .and.contain('陈述、申辩和要求听证的权利；该告知书于2026年2月14日送达。').and.contain('你（单位）在规定期限内未提出陈述、申辩，也未要求听证。').and.contain('2026年3月4日');
    // 国办发〔2018〕118号: publication starts with the decision, before service or payment: 7 working days after
    // Wednesday 4 March: 5, 6, 9–13 March. Service (处罚法 art. 61) is due the same day.
    const publication = child(v, 'publication');
    expect(await dueOf(publication.id, 'review')).to.equal(endOf('2026-03-13'));
    // The managers are reminded one working day before (Thursday 12 March).
    await publicationDates(publication.id, '2026-03-12', '2026-03-13');
    expect(open(v)).to.deep.equal(['serviceOfDecision']);
    expect(await dueOf(id, 'serviceOfDecision')).to.equal(endOf('2026-03-13'));

    // Posted on 4 March, received on Saturday 7 March, registered on Tuesday 10 March.
    // 处罚法 art. 67: 15 days after 7 March is Sunday 22 March, a rest day: Monday 23 March (from the entry it would be 25 March).
    await at('2026-03-10T02:00:00Z');
    await complete(officer1, id, 'serviceOfDecision', { serviceDate: '2026-03-07', serviceMethod: '邮寄送达', recipient: '张某' });
    v = await view(s, id);
    expect(await documentText(id, 'penalty-decision-receipt')).to.contain('送达日期2026年3月7日').and.contain('2026年3月7日').and.not.contain('2026年3月10日');
    expect(v.variables).to.include({ serviceDate: '2026-03-07', paymentLastDay: '2026-03-23' });
    expect(clock(v, 'payment')).to.include({ status: 'running', dueAt: endOf('2026-03-23') });
    expect(await dueOf(id, 'registerPayment')).to.equal(endOf('2026-03-23'));
    expect(timers(v)).to.deep.include(['paymentOverdue', endOf('2026-03-23')]);

    // Published on Wednesday 11 March while the fine is still unpaid.
    await at('2026-03-11T02:00:00Z');
    await complete(officer1, publication.id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    v = await view(s, id);
    expect(v.variables).to.include({ published: true });
    expect(v.variables.paidOn).to.equal(undefined);
    const items = (await new ApiClient(s.base).get(`/api/public/publications?party=${encodeURIComponent('张某')}&category=penalty`)).body.items as Array<{ decisionNo: string; fields: Record<string, unknown> }>;
    expect(items.find((i) => i.decisionNo === v.variables.penaltyDecisionNo)?.fields, JSON.stringify(items)).to.include({ 处罚决定日期: '2026-03-04', 行政相对人类别: '自然人' });
    expect(open(v)).to.deep.equal(['registerPayment']);

    // Not paid by the end of 23 March: the surcharge runs (处罚法 art. 72) and the 催告 is prepared.
    expect(await firedDuring(s, id, () => at('2026-03-23T15:59:59Z'))).to.deep.equal([]);
    expect(await firedDuring(s, id, () => at('2026-03-23T16:00:00Z'))).to.deep.equal(['paymentOverdue']);
    v = await view(s, id);
    expect(v.variables).to.include({ paymentOverdue: true });
    expect(open(v)).to.deep.equal(['registerPayment', 'reminderNotice']);
    // The 催告书 is prepared within 10 working days of 24 March: 25–27, 30, 31 March, 1–3 April, (4–6 April off) 7, 8 April.
    expect(await dueOf(id, 'reminderNotice')).to.equal(endOf('2026-04-08'));

    // 强制法 art. 54: the 催告书 of Wednesday 25 March. It cannot be dated before the payment period ran out, nor after today.
    await at('2026-03-25T02:00:00Z');
    const way = '持本催告书到中国农业银行吉首市分行缴纳，或通过湖南省非税收入缴款平台电子缴纳';
    const early = await submit(officer1, id, 'reminderNotice', { reminderNoticeDate: '2026-03-20', reminderPaymentWay: way });
    expect(early.status).to.equal(422);
    expect(early.body.errors).to.deep.equal([{ field: 'reminderNoticeDate', message: '「催告书日期」（2026-03-20）不能早于「缴款期限届满日」（2026-03-23）' }]);
    const tomorrow = await submit(officer1, id, 'reminderNotice', { reminderNoticeDate: '2026-03-26', reminderPaymentWay: way });
    expect(tomorrow.status).to.equal(422);
    expect(tomorrow.body.errors).to.deep.equal([{ field: 'reminderNoticeDate', message: '「催告书日期」（2026-03-26）不能晚于今天（2026-03-25）' }]);
    expect(open(await view(s, id)), 'refused: nothing moved').to.deep.equal(['registerPayment', 'reminderNotice']);
    await complete(officer1, id, 'reminderNotice', { reminderNoticeDate: '2026-03-25', reminderPaymentWay: way });
    v = await view(s, id);
    expect(v.variables.penaltyReminderNo).to.match(/^湘西环罚催〔2026〕\d+号$/);
    const reminder = await documentText(id, 'penalty-reminder');
    expect(reminder).to.contain(v.variables.penaltyReminderNo).and.contain('张某：')
      .and.contain(`本机关于2026年3月4日对你（单位）作出行政处罚决定（${v.variables.penaltyDecisionNo}），你（单位）于2026年3月7日收到该决定书`)
      .and.contain('决定罚款人民币伍仟元整（¥5,000.00），缴款期限至2026年3月23日届满').and.contain('自2026年3月23日次日起，每日按罚款数额的百分之三加处罚款')
      .and.contain('自收到本催告书之日起十日内缴纳罚款及加处罚款').and.contain('有权进行陈述和申辩').and.contain('2026年3月25日');
    // Its service within 7 working days: 26, 27, 30, 31 March, 1, 2, 3 April.
    expect(await dueOf(id, 'reminderService')).to.equal(endOf('2026-04-03'));

    // Posted, received on Monday 30 March, registered on Wednesday 1 April (the 10 days count from
    // receipt, which can be neither before the 催告书's date nor after today).
    await at('2026-04-01T02:00:00Z');
    const receivedBefore = await submit(officer1, id, 'reminderService', { reminderServedOn: '2026-03-24', reminderServiceMethod: '邮寄送达', reminderRecipient: '张某' });
    expect(receivedBefore.status).to.equal(422);
    expect(receivedBefore.body.errors).to.deep.equal([{ field: 'reminderServedOn', message: '「当事人收到催告书日期」（2026-03-24）不能早于「催告书日期」（2026-03-25）' }]);
    const receivedLater = await submit(officer1, id, 'reminderService', { reminderServedOn: '2026-04-02', reminderServiceMethod: '邮寄送达', reminderRecipient: '张某' });
    expect(receivedLater.status).to.equal(422);
    expect(receivedLater.body.errors).to.deep.equal([{ field: 'reminderServedOn', message: '「当事人收到催告书日期」（2026-04-02）不能晚于今天（2026-04-01）' }]);
    v = await view(s, id);
    expect(open(v), 'refused: nothing moved').to.deep.equal(['registerPayment', 'reminderService']);
    expect(v.variables.enforceableAt).to.equal(undefined);
    await complete(officer1, id, 'reminderService', { reminderServedOn: '2026-03-30', reminderServiceMethod: '邮寄送达', reminderRecipient: '张某' });
    v = await view(s, id);
    expect(await documentText(id, 'penalty-reminder-receipt')).to.contain(`送达文书催告书（${v.variables.penaltyReminderNo}）`).and.contain('送达日期2026年3月30日')
      .and.contain('2026年3月30日').and.not.contain('2026年4月1日');
    expect(v.variables).to.include({
      // 强制法 arts. 54, 69: 10 working days after 30 March: 31 March, 1–3, 7–10, 13, 14 April (4–6 April off).
      reminderLastDay: '2026-04-14',
      // 行政复议法 art. 20: 60 days after receipt on 7 March: Wednesday 6 May (1–5 May off, but the 60th day is the 6th).
      reconsiderationLastDay: '2026-05-06',
      // 行政诉讼法 art. 46: 6 months after 7 March: Monday 7 September; the later of the two.
      litigationLastDay: '2026-09-07', remedyLastDay: '2026-09-07',
      enforceableAt: endOf('2026-09-07'),
      // 强制法 art. 53: within 3 months after 7 September: Monday 7 December.
      courtApplicationLastDay: '2026-12-07', courtApplicationDueAt: endOf('2026-12-07'),
    });
    expect(timers(v)).to.deep.include(['enforceable', endOf('2026-09-07')]);
    expect(open(v)).to.deep.equal(['registerPayment']);

    // The court may be asked only once the time to sue has run.
    expect(await firedDuring(s, id, () => at('2026-09-07T15:59:59Z'))).to.deep.equal([]);
    expect(await firedDuring(s, id, () => at('2026-09-07T16:00:00Z'))).to.deep.equal(['enforceable']);
    v = await view(s, id);
    expect(open(v)).to.deep.equal(['courtApplication', 'registerPayment']);
    expect(await dueOf(id, 'courtApplication')).to.equal(endOf('2026-12-07'));

    // 强制法 arts. 53–55: the head applies to the court on Wednesday 9 September; not dated on the
    // last day the party could still sue (7 September), nor after today.
    await at('2026-09-09T02:00:00Z');
    const whileSuable = await submit(head1, id, 'courtApplication', { courtApplicationDate: '2026-09-07', court: '吉首市人民法院' });
    expect(whileSuable.status).to.equal(422);
    expect(whileSuable.body.errors).to.deep.equal([{ field: 'courtApplicationDate', message: '「申请日期」须在「复议、诉讼期限届满日」（2026-09-07）之后至少 1 日，即不早于 2026-09-08' }]);
    const future = await submit(head1, id, 'courtApplication', { courtApplicationDate: '2026-09-10', court: '吉首市人民法院' });
    expect(future.body.errors).to.deep.equal([{ field: 'courtApplicationDate', message: '「申请日期」（2026-09-10）不能晚于今天（2026-09-09）' }]);
    expect((await documents(id)).map((d) => d.kind), 'refused: no application issued').to.not.include('penalty-enforcement-application');
    await complete(head1, id, 'courtApplication', { courtApplicationDate: '2026-09-09', court: '吉首市人民法院' });
    const application = await documentText(id, 'penalty-enforcement-application');
    expect(application).to.contain('吉首市人民法院：').and.contain('申请人：湘西土家族苗族自治州生态环境局。被申请人：张某。')
      .and.contain(`本机关于2026年3月4日作出行政处罚决定（${v.variables.penaltyDecisionNo}），被申请人于2026年3月7日收到，决定罚款人民币伍仟元整（¥5,000.00），缴款期限至2026年3月23日`)
      .and.contain('本机关于2026年3月25日作出催告书，被申请人于2026年3月30日收到，催告期至2026年4月14日届满仍未履行')
      .and.contain('本申请在复议、诉讼期限届满（2026年9月7日）后三个月内提出，申请期限至2026年12月7日届满').and.contain('2026年9月9日');
    v = await view(s, id);
    expect(passed(v)).to.include('courtApplied');
    expect(open(v), 'the payment is still awaited').to.deep.equal(['registerPayment']);

    // The court collects on Tuesday 20 October: the fine and the surcharge, capped at the fine (处罚法 art. 72).
    await at('2026-10-20T02:00:00Z');
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-10-20', paidAmount: 10000, receiptNumber: '（2026）湘3101执123号' });
    v = await view(s, id);
    // 23 March to 20 October: 211 days late; 3 % × 211 of 5,000 exceeds the fine, so 5,000.
    expect(v.variables).to.include({ overdueDays: 211, surchargeAmount: 5000, amountDue: 10000 });
    expect(open(v)).to.deep.equal(['closeAndArchive']);
    await complete(officer1, id, 'closeAndArchive', { closingReport: '经人民法院强制执行，罚款及加处罚款已缴清，结案', archiveNumber: '20260032', retention: '30年' });
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(passed(v)).to.include.members(['noHearingRequest', 'paymentOverdue', 'reminderNotice', 'reminderService', 'enforceable', 'courtApplied', 'registerPayment', 'closed']);
    expect(passed(v)).to.not.include.members(['hearingNotice', 'legalReview', 'collectiveDiscussion']);
    expect(await everyDocument(id)).to.deep.equal([
      'penalty-notice', 'penalty-notice-receipt', 'penalty-decision', 'penalty-decision-receipt', 'penalty-reminder', 'penalty-reminder-receipt', 'penalty-enforcement-application',
    ]);
  });
});
