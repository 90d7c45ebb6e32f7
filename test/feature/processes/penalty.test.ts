import { expect } from 'chai';
import { completeTask, firedDuring, openTask, startInstance, submitTask, view } from '../../helpers/fixtures.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';

/**
 * 行政处罚（一般程序）: processes/penalty.bpmn driven through its real paths with a moved clock.
 * The clock starts on Monday 2 March 2026, 09:00 Shanghai.
 */

type View = Awaited<ReturnType<typeof view>>;
const open = (v: View) => v.tasks.map((t: { elementId: string }) => t.elementId);
const clock = (v: View, name: string) => v.clocks.find((c: { name: string }) => c.name === name);
const passed = (v: View) => v.history.filter((h: { kind: string }) => h.kind === 'activity.end').map((h: { elementId: string }) => h.elementId);

/** The case review's proposal in the form's words (codes of rules/penalty-kinds.json, provisions as data). */
const KIND_CODES: Record<string, string> = { 罚款: 'fine', 警告: 'warning', 没收违法所得: 'confiscateIllegalGains' };
const proposal = (partyType: string, fine: number, kinds: string[] = ['罚款']) => ({
  partyType,
  violatedProvisions: [{ law: '中华人民共和国大气污染防治法', article: '十八' }],
  penaltyProvisions: [{ law: '中华人民共和国大气污染防治法', article: '九十九', item: '二' }],
  proposedPenaltyKinds: kinds.map((k) => KIND_CODES[k]!),
  ...(fine > 0 && { proposedFineAmount: fine }),
  proposedPenalty: fine > 0 ? `罚款人民币${fine}元` : kinds.join('、'),
});
/** The notice served in person on the day it is dated. */
const servedInPerson = (day: string) => ({ noticeServiceMethod: '直接送达', noticeReceivedOn: day, noticeRecipient: '当事人' });

const REASONS = {
  decisionNumber: '湘西环罚〔2026〕12号',
  decisionDate: '2026-03-11',
  penaltyContent: '罚款',
  decidedPenaltyKinds: ['fine'],
  decidedFineAmount: 50000,
  evidenceReason: '现场检查笔录、监测报告相互印证，予以采信',
  legalBasisReason: '违反《大气污染防治法》第十八条，依第九十九条处罚',
  discretionReason: '首次违法、及时改正，按裁量基准从轻档处罚',
};

/** A quorate collective discussion of the three demo heads (rules/collective-discussion.json). */
const LEADERSHIP = {
  collectiveMembers: ['head1', 'head2', 'head3'],
  collectiveChair: 'head1',
  memberOpinions: [{ member: 'head1', opinion: '同意' }, { member: 'head2', opinion: '同意' }, { member: 'head3', opinion: '同意' }],
};

describe('Feature: 行政处罚（一般程序） — processes/penalty.bpmn', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let reviewer1: ApiClient;
  let head1: ApiClient;
  let legal1: ApiClient;
  let seq = 0;

  before(async () => {
    s = await startProcessServer('penalty-process');
    [officer1, reviewer1, head1, legal1] = await Promise.all(['officer1', 'reviewer1', 'head1', 'legal1'].map((u) => ApiClient.login(s.base, u, 'demo')));
  });
  after(() => s.close());

  const at = async (iso: string) => s.api.post('/api/dev/clock', { set: iso });
  const submit = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => submitTask(s, who, id, elementId, variables);
  const complete = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => completeTask(s, who, id, elementId, variables);

  /** The running 公示 child (processes/publication.bpmn) started by the call activity. */
  const publicationChild = (v: { children: Array<{ id: string; processKey: string; status: string }> }) => {
    const child = v.children.find((c) => c.processKey === 'publication' && c.status === 'running');
    expect(child, 'a running publication child').to.exist;
    return child!;
  };

  interface Case { partyType: string; fineAmount: number; penaltyKinds?: string[]; complexCase?: boolean; heavyPenalty?: boolean; investigators?: string[] }

  /** 线索登记 on 2 March, filed the same day, investigated and reviewed; the notice is served on Tuesday 3 March. */
  async function caseUpToNotice(c: Case): Promise<{ id: string; key: string }> {
    await at('2026-03-02T01:00:00Z');
    const key = `PEN-${++seq}`;
    const id = await startInstance(s, 'penalty', { party: '湘西某化工有限公司', partyType: c.partyType, lead: '群众举报夜间偷排废水', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' }, key);
    await complete(head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意立案', violationDate: '2026-03-01', caseCause: '超标排放水污染物' });
    await complete(officer1, id, 'investigation', {
      investigators: c.investigators ?? ['officer1', 'officer2'],
      certificatesShown: true,
      facts: '2026年3月2日现场检查发现外排废水COD超标',
      evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }, { name: '监测报告', kind: '鉴定意见' }],
    });
    await complete(reviewer1, id, 'caseReview', {
      caseReviewOpinion: '事实清楚，证据充分',
      ...proposal(c.partyType, c.fineAmount, c.penaltyKinds),
      complexCase: c.complexCase ?? false,
      heavyPenalty: c.heavyPenalty ?? false,
    });
    await at('2026-03-03T02:00:00Z');
    await complete(officer1, id, 'noticeOfPenalty', { noticeDate: '2026-03-03', rightsStated: true });
    await complete(officer1, id, 'serviceOfNotice', servedInPerson('2026-03-03'));
    return { id, key };
  }

  /** The child legal-review process (another engineer's diagram): material submitted by officer1, opinion "agree" by legal1. */
  async function passLegalReview(parentId: string, hearingHeld: boolean) {
    const parent = await view(s, parentId);
    const child = parent.children.find((c: { processKey: string; status: string }) => c.processKey === 'legal-review' && c.status === 'running');
    expect(child, 'a running legal-review child').to.exist;
    await complete(officer1, child.id, 'submit', {
      decisionDraft: '行政处罚决定书（代拟稿）',
      factsAndEvidence: '现场检查笔录、监测报告',
      legalBasis: '《大气污染防治法》第九十九条',
      discretionApplied: '从轻档',
      investigators: ['officer1', 'officer2'],
      hearingHeld,
      ...(hearingHeld && { hearingRecord: '听证笔录及听证报告' }),
    });
    await complete(legal1, child.id, 'review', {
      checkCompetence: true, checkPowers: true, checkProcedure: true, checkFactsEvidence: true,
      checkLawAndDiscretion: true, checkDocuments: true, criminalReferralNeeded: false, reviewOpinion: 'agree',
    });
    expect((await view(s, child.id)).status).to.equal('completed');
  }

  it('Given a small fine to a 法人 (not in the catalog) and no hearing request, then it goes to the decision without legal review and ends after the fine is paid on time, without surcharge', async () => {
    await at('2026-03-02T01:00:00Z');
    const key = `PEN-${++seq}`;
    const id = await startInstance(s, 'penalty', { party: '湘西某化工有限公司', partyType: '法人及非法人组织', lead: '群众举报', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' }, key);
    let v = await view(s, id);
    // 15 calendar days from 2 March: 17 March, 24:00 Shanghai, for both the task and the filing clock.
    expect((await openTask(s, id, 'filingApproval')).dueAt).to.equal('2026-03-17T16:00:00.000Z');
    expect(clock(v, 'filing')).to.include({ status: 'running', dueAt: '2026-03-17T16:00:00.000Z' });

    await complete(head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意立案', violationDate: '2026-03-01', caseCause: '超标排放水污染物' });
    v = await view(s, id);
    expect(clock(v, 'filing').status, 'the filing clock stops at the filing decision').to.equal('stopped');
    // 90 calendar days from 2 March end on Sunday 31 May: a rest day, so Monday 1 June.
    expect(clock(v, 'decision')).to.include({ status: 'running', dueAt: '2026-06-01T16:00:00.000Z' });
    expect(open(v)).to.deep.equal(['investigation']);

    await complete(officer1, id, 'investigation', {
      investigators: ['officer1', 'officer2'], certificatesShown: true, facts: '外排废水超标',
      evidence: [{ name: '监测报告', kind: '鉴定意见' }],
    });
    v = await view(s, id);
    expect(v.variables).to.deep.include({ handledBy: 'officer1', investigators: ['officer1', 'officer2'] });
    await complete(reviewer1, id, 'caseReview', {
      caseReviewOpinion: '同意', ...proposal('法人及非法人组织', 50000), complexCase: false, heavyPenalty: false,
    });
    await at('2026-03-03T02:00:00Z');
    await complete(officer1, id, 'noticeOfPenalty', { noticeDate: '2026-03-03', rightsStated: true });
    await complete(officer1, id, 'serviceOfNotice', servedInPerson('2026-03-03'));
    v = await view(s, id);
    expect(open(v), 'only the statement period waits').to.deep.equal(['statementPeriod']);
    // Five working days after Tuesday 3 March: 4, 5, 6, 9, 10 March.
    expect(v.timers).to.deep.equal([{ elementId: 'noHearingRequest', dueAt: '2026-03-10T16:00:00.000Z', attempts: 0, lastError: null }]);

    expect(await firedDuring(s, id, () => at('2026-03-10T15:59:59Z')), 'not a second early').to.deep.equal([]);
    expect(await firedDuring(s, id, () => at('2026-03-10T16:00:00Z'))).to.deep.equal(['noHearingRequest']);
    v = await view(s, id);
    expect(v.variables).to.include({ legalReviewRequired: false, legalReviewCatalogVersion: '2026-2' });
    expect(v.variables.legalReviewRule).to.equal(null);
    expect(open(v), 'no legal review, no collective discussion').to.deep.equal(['decision']);
    expect(v.children).to.have.length(0);
    expect((await openTask(s, id, 'decision')).dueAt, 'the decision is due with the decision clock').to.equal('2026-06-01T16:00:00.000Z');
    const late = await s.api.post('/api/messages', { name: 'penaltyHearingRequested', businessKey: key });
    expect(late.body.instanceIds, 'a hearing request after the 5 working days is not waited for (it is recorded as late)').to.deep.equal([]);

    await at('2026-03-11T02:00:00Z');
    await complete(head1, id, 'decision', REASONS);
    v = await view(s, id);
    expect(clock(v, 'decision').status).to.equal('stopped');
    // The decision is numbered by the agency's sequence and filed with the three reasons.
    expect(v.variables.penaltyDecisionNo).to.equal('湘西环罚〔2026〕1号');
    const decisionDoc = await s.api.get(`/api/documents/${v.variables.penaltyDecisionDocumentId}`);
    expect(decisionDoc.body).to.contain('湘西环罚〔2026〕1号').and.contain(REASONS.evidenceReason).and.contain(REASONS.legalBasisReason).and.contain(REASONS.discretionReason);
    // 7 working days after Wednesday 11 March: 12, 13, 16, 17, 18, 19, 20 March.
    expect((await openTask(s, id, 'serviceOfDecision')).dueAt).to.equal('2026-03-20T16:00:00.000Z');
    await complete(officer1, id, 'serviceOfDecision', { serviceDate: '2026-03-11', serviceMethod: '直接送达', recipient: '湘西某化工有限公司' });
    v = await view(s, id);
    // 15 calendar days after 11 March: 26 March.
    expect(v.variables.paymentLastDay).to.equal('2026-03-26');
    expect(v.timers.map((t: { elementId: string; dueAt: string }) => [t.elementId, t.dueAt])).to.deep.equal([['paymentOverdue', '2026-03-26T16:00:00.000Z']]);
    expect((await openTask(s, id, 'registerPayment')).dueAt).to.equal('2026-03-26T16:00:00.000Z');

    await at('2026-03-16T02:00:00Z');
    const short = await submit(officer1, id, 'registerPayment', { paidOn: '2026-03-16', paidAmount: 45000, receiptNumber: 'FS-2026-001' });
    expect(short.status, 'paid on time, the fine is owed in full').to.equal(422);
    expect(short.body.errors).to.deep.equal([{ field: 'paidAmount', message: '「缴款金额（元）」应为 50000 元：罚款 50000 元，在缴款期限（2026-03-26）内缴纳，无加处罚款' }]);
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-03-16', paidAmount: 50000, receiptNumber: 'FS-2026-001' });
    v = await view(s, id);
    expect(v.timers, 'the payment deadline is cancelled by the payment').to.deep.equal([]);
    expect(v.variables).to.include({ paidAmount: 50000, overdueDays: 0, surchargeAmount: 0, amountDue: 50000 });
    expect(v.variables.paymentOverdue).to.equal(undefined);
    expect(open(v)).to.deep.equal([]);
    expect(v.variables.publicationKind).to.equal('penalty');
    const pub = publicationChild(v);
    // 7 working days from the decision on Wednesday 11 March, not from the payment: 12, 13, 16–20 March.
    expect((await openTask(s, pub.id, 'review')).dueAt).to.equal('2026-03-20T16:00:00.000Z');
    await at('2026-03-17T02:00:00Z');
    await complete(officer1, pub.id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    v = await view(s, id);
    expect(v.variables).to.include({ published: true, publicationLastDay: '2027-03-10' });
    expect(open(v)).to.deep.equal(['closeAndArchive']);
    const items = (await new ApiClient(s.base).get(`/api/public/publications?party=${encodeURIComponent('湘西某化工有限公司')}&category=penalty`)).body.items as any[];
    const item = items.find((i) => i.decisionNo === '湘西环罚〔2026〕1号');
    expect(item, JSON.stringify(items)).to.include({ kind: 'penalty', status: 'published', partyName: '湘西某化工有限公司' });
    expect(item.fields).to.include({ 行政处罚决定书文号: '湘西环罚〔2026〕1号', 处罚决定日期: '2026-03-11' });
    await complete(officer1, id, 'closeAndArchive', { closingReport: '罚款已缴清，结案', archiveNumber: '20260012', retention: '30年' });
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(passed(v)).to.include.members(['noHearingRequest', 'registerPayment', 'filingExtensionsEnd', 'decisionExtensionsEnd', 'closed']);
    expect(passed(v)).to.not.include.members(['paymentOverdue', 'recordPaymentOverdue', 'issueConfiscationList', 'hearingNotice']);
    expect(((await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ kind: string }>).map((d) => d.kind)).to.not.include('penalty-confiscation');
  });

  it('Given a hearing requested before the 5 working days end, then the decision clock is paused from the request to the hearing and the decision is due that many days later', async () => {
    const { id, key } = await caseUpToNotice({ partyType: '法人及非法人组织', fineAmount: 150000 });
    await at('2026-03-04T02:00:00Z');
    const req = await s.api.post('/api/messages', { name: 'penaltyHearingRequested', businessKey: key, variables: { hearingRequestedOn: '2026-03-04' } });
    expect(req.body.instanceIds).to.deep.equal([id]);
    let v = await view(s, id);
    expect(clock(v, 'decision')).to.include({ status: 'paused', dueAt: null });
    expect(v.timers, 'the 5-working-day timer lost the race').to.deep.equal([]);
    expect(open(v)).to.deep.equal(['hearingNotice']);

    // The notice must be served 7 working days before the hearing: notice on 4 March, hearing on 13 March at the earliest.
    const place = { hearingPlace: '局三楼听证室', hearingHost: 'legal1', hearingClerk: 'manager1', publicHearing: false };
    const tooSoon = await submit(officer1, id, 'hearingNotice', { hearingNoticeDate: '2026-03-04', hearingDate: '2026-03-12', ...place });
    expect(tooSoon.status).to.equal(422);
    expect(tooSoon.body.errors).to.deep.equal([{ field: 'hearingDate', message: '「听证日期」须在「听证通知送达日期」（2026-03-04）之后至少 7 个工作日，即不早于 2026-03-13' }]);
    v = await view(s, id);
    expect(open(v), 'the case does not move').to.deep.equal(['hearingNotice']);
    expect(v.variables.hearingDate).to.equal(undefined);
    await complete(officer1, id, 'hearingNotice', { hearingNoticeDate: '2026-03-04', hearingDate: '2026-03-16', ...place });
    expect(await firedDuring(s, id, () => at('2026-03-11T00:00:00Z')), 'no timer left from the statement period').to.deep.equal([]);
    await at('2026-03-16T02:00:00Z');
    await complete(await ApiClient.login(s.base, 'manager1', 'demo'), id, 'holdHearing', { hearingHeldOn: '2026-03-16', partyAttended: true, hearingRecord: '当事人对监测数据提出异议', hearingReport: '建议维持拟处罚意见' });
    v = await view(s, id);
    expect(v.variables.hearingHeld).to.equal(true);
    // Paused on 4 March, resumed on 16 March: 12 days not counted. 31 May + 12 = 12 June (Friday).
    expect(clock(v, 'decision')).to.include({ status: 'running', dueAt: '2026-06-12T16:00:00.000Z' });
    // A decision after a hearing is in the catalog.
    expect(v.variables).to.include({ legalReviewRequired: true, legalReviewRule: 'after-hearing' });

    await passLegalReview(id, true);
    v = await view(s, id);
    expect(v.variables.legalReviewPassed).to.equal(true);
    expect(open(v)).to.deep.equal(['decision']);
    expect((await openTask(s, id, 'decision')).dueAt, 'the decision task moved by the paused days').to.equal('2026-06-12T16:00:00.000Z');
  });

  it('refuses a decision without its three reasons, and a decision while a required legal review has not passed; the case does not move', async () => {
    // A heavy penalty with a small fine: collective discussion, where the head flags the case for legal review.
    const { id } = await caseUpToNotice({ partyType: '自然人', fineAmount: 5000, heavyPenalty: true });
    await at('2026-03-10T16:00:00Z');
    let v = await view(s, id);
    expect(v.variables.legalReviewRequired).to.equal(false);
    expect(open(v)).to.deep.equal(['collectiveDiscussion']);
    await complete(head1, id, 'collectiveDiscussion', { ...LEADERSHIP, collectiveDiscussionDate: '2026-03-11', collectiveConclusion: '同意拟处罚意见，报法制审核', flaggedForReview: true });
    v = await view(s, id);
    expect(v.variables).to.include({ legalReviewRequired: true, legalReviewRule: 'flagged-by-head' });
    expect(open(v)).to.deep.equal(['decision']);

    const { evidenceReason: _e, legalBasisReason: _l, discretionReason: _d, ...withoutReasons } = REASONS;
    const noReasons = await submit(head1, id, 'decision', { ...withoutReasons, decidedFineAmount: 5000, discretionReason: '' });
    expect(noReasons.status).to.equal(422);
    expect(noReasons.body.errors).to.deep.include.members([
      { field: 'evidenceReason', message: '「证据采信理由」为必填项' },
      { field: 'legalBasisReason', message: '「依据选择理由」为必填项' },
      { field: 'discretionReason', message: '「裁量理由」不能为空' },
    ]);

    const noReview = await submit(head1, id, 'decision', { ...REASONS, decidedFineAmount: 5000 });
    expect(noReview.status).to.equal(422);
    expect(noReview.body.errors).to.deep.equal([{ field: '', message: '本案属于法制审核目录（负责人认为需要审核的其他案件），未经法制审核或审核未通过，不得作出决定' }]);
    v = await view(s, id);
    expect(open(v), 'the case does not move').to.deep.equal(['decision']);
    expect(clock(v, 'decision').status).to.equal('running');
    expect(v.history.filter((h: { kind: string; elementId: string }) => h.kind === 'task.completed' && h.elementId === 'decision')).to.have.length(0);

    // The heads send the case to legal review from the decision step; once it passes the decision is accepted.
    const task = await openTask(s, id, 'decision');
    expect((await head1.post(`/api/tasks/${task.id}/complete`, { error: { code: 'legalReviewNeeded' } })).status).to.equal(204);
    await passLegalReview(id, false);
    v = await view(s, id);
    expect(open(v), 'heavy penalty: discussed again after the review').to.deep.equal(['collectiveDiscussion']);
    await complete(head1, id, 'collectiveDiscussion', { ...LEADERSHIP, collectiveDiscussionDate: '2026-03-11', collectiveConclusion: '同意' });
    await complete(head1, id, 'decision', { ...REASONS, decidedFineAmount: 5000 });
    expect(open(await view(s, id))).to.deep.equal(['serviceOfDecision']);
  });

  it('Given a large fine to a 法人 (in the catalog), then it goes through legal review before the decision, and an unpaid fine is surcharged', async function () {
    const { id } = await caseUpToNotice({ partyType: '法人及非法人组织', fineAmount: 300000 });
    await at('2026-03-10T16:00:00Z');
    let v = await view(s, id);
    expect(v.variables).to.include({ legalReviewRequired: true, legalReviewRule: 'fine-organisation' });
    expect(open(v), 'the parent has no task while the review runs').to.deep.equal([]);
    expect(v.children.map((c: { processKey: string }) => c.processKey)).to.deep.equal(['legal-review']);
    expect(v.children[0].id).to.be.a('string');
    const child = await view(s, v.children[0].id);
    expect(child.variables, 'the child starts with the case variables').to.include({ proposedFineAmount: 300000, partyType: '法人及非法人组织' });

    await passLegalReview(id, false);
    v = await view(s, id);
    expect(v.variables.legalReviewPassed).to.equal(true);
    expect(open(v)).to.deep.equal(['decision']);
    await at('2026-03-12T02:00:00Z');
    await complete(head1, id, 'decision', { ...REASONS, decidedFineAmount: 300000 });
    await complete(officer1, id, 'serviceOfDecision', { serviceDate: '2026-03-12', serviceMethod: '邮寄送达', recipient: '湘西某化工有限公司' });

    // 15 calendar days after 12 March: 27 March; no payment by then, and the surcharge starts.
    expect(await firedDuring(s, id, () => at('2026-03-27T15:59:59Z')), 'not a second early').to.deep.equal([]);
    expect(await firedDuring(s, id, () => at('2026-03-27T16:00:00Z')), 'the payment period ends').to.have.length(1);
    v = await view(s, id);
    expect(v.variables).to.include({ paymentLastDay: '2026-03-27', paymentOverdue: true });
    expect(open(v).sort(), 'the payment is still awaited; the 催告 is prepared').to.deep.equal(['registerPayment', 'reminderNotice']);
    // Paid on 6 April, 10 days late: 3 % a day of 300 000 is 90 000 on top of the fine.
    await at('2026-04-06T02:00:00Z');
    const fineOnly = await submit(officer1, id, 'registerPayment', { paidOn: '2026-04-06', paidAmount: 300000, receiptNumber: 'FS-2026-002' });
    expect(fineOnly.status).to.equal(422);
    expect(fineOnly.body.errors).to.deep.equal([
      { field: 'paidAmount', message: '「缴款金额（元）」应为 390000 元：罚款 300000 元，加处罚款 90000 元（缴款期限 2026-03-27 届满后逾期 10 日，每日按罚款数额的 3%）' },
    ]);
    expect(open(await view(s, id)).sort(), 'the case does not move').to.deep.equal(['registerPayment', 'reminderNotice']);
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-04-06', paidAmount: 390000, receiptNumber: 'FS-2026-002' });
    v = await view(s, id);
    expect(v.variables).to.include({ overdueDays: 10, surchargeAmount: 90000, amountDue: 390000, paidAmount: 390000 });
    expect(passed(v)).to.include.members(['paymentOverdue', 'recordPaymentOverdue', 'registerPayment']);
    expect(open(v)).to.deep.equal([]);
    expect(publicationChild(v).status).to.equal('running');
  });

  it('Given a fine paid 60 days late, then the surcharge stops at the amount of the fine', async () => {
    const { id } = await caseUpToNotice({ partyType: '自然人', fineAmount: 5000 });
    await at('2026-03-10T16:00:00Z');
    await at('2026-03-11T02:00:00Z');
    await complete(head1, id, 'decision', { ...REASONS, decidedFineAmount: 5000 });
    await complete(officer1, id, 'serviceOfDecision', { serviceDate: '2026-03-11', serviceMethod: '直接送达', recipient: '张某' });
    expect((await view(s, id)).variables.paymentLastDay).to.equal('2026-03-26');
    // 60 days after 26 March: 25 May. 60 × 3 % = 180 % of the fine, capped at 100 %.
    await at('2026-05-25T02:00:00Z');
    const future = await submit(officer1, id, 'registerPayment', { paidOn: '2026-05-26', paidAmount: 10000, receiptNumber: 'FS-2026-003' });
    expect(future.body.errors).to.deep.equal([{ field: 'paidOn', message: '「缴款日期」（2026-05-26）不能晚于今天（2026-05-25）' }]);
    const uncapped = await submit(officer1, id, 'registerPayment', { paidOn: '2026-05-25', paidAmount: 14000, receiptNumber: 'FS-2026-003' });
    expect(uncapped.body.errors).to.deep.equal([
      { field: 'paidAmount', message: '「缴款金额（元）」应为 10000 元：罚款 5000 元，加处罚款 5000 元（缴款期限 2026-03-26 届满后逾期 60 日，每日按罚款数额的 3%，以罚款数额为限）' },
    ]);
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-05-25', paidAmount: 10000, receiptNumber: 'FS-2026-003' });
    const v = await view(s, id);
    expect(v.variables).to.include({ paymentOverdue: true, overdueDays: 60, surchargeAmount: 5000, amountDue: 10000 });
    expect(publicationChild(v).status).to.equal('running');
  });

  it('Given a warning without a fine, then after service of the decision it goes straight to publication without waiting for payment', async () => {
    const { id } = await caseUpToNotice({ partyType: '自然人', fineAmount: 0, penaltyKinds: ['警告'] });
    await at('2026-03-10T16:00:00Z');
    let v = await view(s, id);
    expect(v.variables).to.include({ legalReviewRequired: false });
    expect(v.variables.proposedPenaltyKinds).to.deep.equal(['warning']);
    expect(open(v)).to.deep.equal(['decision']);
    await at('2026-03-11T02:00:00Z');
    await complete(head1, id, 'decision', { ...REASONS, penaltyContent: '警告', decidedPenaltyKinds: ['warning'], decidedFineAmount: 0 });
    await complete(officer1, id, 'serviceOfDecision', { serviceDate: '2026-03-11', serviceMethod: '直接送达', recipient: '湘西某化工有限公司' });
    v = await view(s, id);
    expect(v.timers, 'no 15-day payment deadline').to.deep.equal([]);
    expect(open(v)).to.deep.equal([]);
    expect(publicationChild(v).status, 'publication started').to.equal('running');
    expect(passed(v)).to.include('gwFine').and.not.include.members(['paymentDeadline', 'registerPayment']);
    expect(v.variables.paymentLastDay, 'nothing waits for a payment').to.equal(undefined);
  });

  it('refuses the case review by someone who investigated the case', async () => {
    await at('2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'penalty', { party: '张某', partyType: '自然人', lead: '巡查发现', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' }, `PEN-${++seq}`);
    await complete(head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意', violationDate: '2026-03-01' });
    const review = {
      caseReviewOpinion: '同意', ...proposal('自然人', 2000), complexCase: false, heavyPenalty: false,
    };
    await complete(officer1, id, 'investigation', {
      investigators: ['officer1', 'reviewer1'], certificatesShown: true, facts: '露天焚烧', evidence: [{ name: '现场照片', kind: '视听资料' }],
    });
    const refused = await submit(reviewer1, id, 'caseReview', review);
    expect(refused.status).to.equal(422);
    expect(refused.body.errors).to.deep.equal([{ field: '', message: '您是本案的调查人员，不得办理本环节' }]);
    const v = await view(s, id);
    expect(open(v)).to.deep.equal(['caseReview']);
    expect(v.variables.caseReviewOpinion).to.equal(undefined);
  });

  it('refuses an investigation by one officer, or without certificates shown, and ends a lead that is not filed', async () => {
    await at('2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'penalty', { party: '张某', partyType: '自然人', lead: '巡查发现', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' }, `PEN-${++seq}`);
    await complete(head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意', violationDate: '2026-03-01' });
    const one = await submit(officer1, id, 'investigation', { investigators: ['officer1'], certificatesShown: false, facts: '露天焚烧', evidence: [] });
    expect(one.status).to.equal(422);
    expect(one.body.errors).to.deep.include.members([
      { field: 'investigators', message: '「调查人员」至少 2 项' },
      { field: 'certificatesShown', message: '「已向当事人出示执法证件」须为“是”' },
      { field: 'evidence', message: '「证据清单」至少 1 项' },
    ]);
    const smuggled = await submit(officer1, id, 'investigation', {
      investigators: ['officer1', 'officer2'], certificatesShown: true, facts: '露天焚烧', evidence: [{ name: '照片', kind: '视听资料' }], legalReviewPassed: true,
    });
    expect(smuggled.status, 'a form cannot set the case\'s control variables').to.equal(422);
    expect(smuggled.body.errors.map((e: { field: string }) => e.field), 'refused as protected before the form is read').to.deep.equal(['legalReviewPassed']);
    expect(smuggled.body.errors[0].message).to.match(/只能由流程 legal-review 的服务任务 recordPassed/);

    const lead = await startInstance(s, 'penalty', { party: '李某', partyType: '自然人', lead: '匿名来电', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' }, `PEN-${++seq}`);
    await complete(head1, lead, 'filingApproval', { fileCase: false, filingOpinion: '违法事实不能成立，不予立案' });
    const v = await view(s, lead);
    expect(v.status).to.equal('completed');
    expect(passed(v)).to.include('notFiled');
    expect(v.clocks.map((c: { name: string; status: string }) => [c.name, c.status])).to.deep.equal([['filing', 'stopped']]);
  });

  /** The handling department asks for an extension (a message, e.g. from the case page); an officer states why. */
  async function requestExtension(id: string, key: string, which: 'Filing' | 'Decision', reason: string) {
    const req = await s.api.post('/api/messages', { name: `penalty${which}ExtensionRequested`, businessKey: key });
    expect(req.body.instanceIds, JSON.stringify(req.body)).to.deep.equal([id]);
    if (open(await view(s, id)).includes(`request${which}Extension`)) await complete(officer1, id, `request${which}Extension`, { extensionReason: reason });
  }

  it('Given a request to extend the filing period approved by the leader in charge, then the filing deadline moves by 15 days, once only', async () => {
    await at('2026-03-02T01:00:00Z');
    const key = `PEN-${++seq}`;
    const id = await startInstance(s, 'penalty', { party: '湘西某化工有限公司', partyType: '法人及非法人组织', lead: '群众举报', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' }, key);
    let v = await view(s, id);
    expect(open(v), 'no extension task until one is requested').to.deep.equal(['filingApproval']);

    await at('2026-03-12T02:00:00Z');
    await requestExtension(id, key, 'Filing', '线索涉及跨区域排污，需调取上游企业监测数据');
    v = await view(s, id);
    expect(open(v)).to.have.members(['filingApproval', 'approveFilingExtension']);
    const approval = await openTask(s, id, 'approveFilingExtension');
    expect(approval.candidateGroups, 'the leader in charge decides').to.deep.equal(['heads']);
    expect((await officer1.post(`/api/tasks/${approval.id}/complete`, { variables: { extensionGranted: true, extensionOpinion: '同意' } })).status).to.equal(403);
    await complete(head1, id, 'approveFilingExtension', { extensionGranted: true, extensionOpinion: '同意延长15日' });
    v = await view(s, id);
    // 15 + 15 calendar days from 2 March: Wednesday 1 April.
    expect(clock(v, 'filing')).to.include({ status: 'running', dueAt: '2026-04-01T16:00:00.000Z' });
    expect((await openTask(s, id, 'filingApproval')).dueAt, 'the filing task follows its clock').to.equal('2026-04-01T16:00:00.000Z');
    expect(v.variables).to.include({ extensionRequestedBy: 'officer1', extensionDecidedBy: 'head1' });

    // The filing period is extended once at most: a second request is refused without a task.
    await requestExtension(id, key, 'Filing', '仍需补充材料');
    v = await view(s, id);
    expect(open(v)).to.deep.equal(['filingApproval']);
    expect(v.variables.filingExtensions).to.equal(1);
    expect(passed(v)).to.include('filingExtensionLimitReached');
    expect(clock(v, 'filing').dueAt).to.equal('2026-04-01T16:00:00.000Z');

    await complete(head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意立案', violationDate: '2026-03-01' });
    v = await view(s, id);
    expect(clock(v, 'filing').status).to.equal('stopped');
    expect(passed(v), 'the stopped clock ends its extension branch').to.include('filingExtensionsEnd');
    expect((await s.api.post('/api/messages', { name: 'penaltyFilingExtensionRequested', businessKey: key })).status).to.equal(404);
  });

  it('Given requests to extend the decision period, then a refused one leaves the deadline, each approved one adds 30 days, and a third extension is refused', async () => {
    const { id, key } = await caseUpToNotice({ partyType: '法人及非法人组织', fineAmount: 50000 });
    const due = async () => clock(await view(s, id), 'decision').dueAt;
    expect(await due(), '90 days from filing on 2 March').to.equal('2026-06-01T16:00:00.000Z');

    await at('2026-03-05T02:00:00Z');
    await requestExtension(id, key, 'Decision', '需委托监测机构复测');
    await complete(head1, id, 'approveDecisionExtension', { extensionGranted: false, extensionOpinion: '复测可在期限内完成，不予延长' });
    expect(await due(), 'refused: the deadline stays').to.equal('2026-06-01T16:00:00.000Z');

    await requestExtension(id, key, 'Decision', '需委托监测机构复测，复测周期45日');
    await complete(head1, id, 'approveDecisionExtension', { extensionGranted: true, extensionOpinion: '同意延长30日' });
    expect(await due(), '120 days from 2 March').to.equal('2026-06-30T16:00:00.000Z');

    await requestExtension(id, key, 'Decision', '当事人申请延期提交证据');
    // The second extension is decided by the leadership's collective discussion (生态环境行政处罚办法); see penalty-decision.test.ts.
    await complete(head1, id, 'discussDecisionExtension', {
      extensionDiscussionDate: '2026-03-05', extensionMembers: LEADERSHIP.collectiveMembers, extensionChair: 'head1',
      extensionMemberOpinions: LEADERSHIP.memberOpinions, extensionGranted: true, extensionOpinion: '同意再延长30日',
    });
    expect(await due(), '150 days from 2 March').to.equal('2026-07-30T16:00:00.000Z');

    await requestExtension(id, key, 'Decision', '仍需时间');
    let v = await view(s, id);
    expect(open(v), 'a third extension is refused: nothing to approve').to.deep.equal(['statementPeriod']);
    expect(v.variables.decisionExtensions).to.equal(2);
    expect(passed(v).filter((e: string) => e === 'extendDecisionClock')).to.have.length(2);
    expect(passed(v)).to.include('decisionExtensionLimitReached');
    expect(await due()).to.equal('2026-07-30T16:00:00.000Z');

    await at('2026-03-10T16:00:00Z');
    expect((await openTask(s, id, 'decision')).dueAt, 'the decision task follows the extended clock').to.equal('2026-07-30T16:00:00.000Z');
  });

  it('Given a decision extension still being asked for when the decision is made, then the request is withdrawn', async () => {
    const { id, key } = await caseUpToNotice({ partyType: '法人及非法人组织', fineAmount: 50000 });
    await at('2026-03-10T16:00:00Z');
    await s.api.post('/api/messages', { name: 'penaltyDecisionExtensionRequested', businessKey: key });
    await complete(officer1, id, 'requestDecisionExtension', { extensionReason: '需补充调查' });
    expect(open(await view(s, id))).to.have.members(['decision', 'approveDecisionExtension']);
    await at('2026-03-11T02:00:00Z');
    await complete(head1, id, 'decision', REASONS);
    const v = await view(s, id);
    expect(open(v)).to.deep.equal(['serviceOfDecision']);
    expect(clock(v, 'decision').status).to.equal('stopped');
    expect(passed(v)).to.include.members(['decisionApprovalWithdrawn', 'decisionExtensionWithdrawn']).and.not.include('extendDecisionClock');
  });

  it('Given a decision that confiscates illegal gains, then the confiscation list is issued with the decision and the amount is published', async () => {
    const { id } = await caseUpToNotice({ partyType: '自然人', fineAmount: 0, penaltyKinds: ['警告', '没收违法所得'] });
    await at('2026-03-10T16:00:00Z');
    await at('2026-03-11T02:00:00Z');
    const confiscated = [{ name: '违法销售废机油所得', quantity: '1笔' }, { name: '私设暗管', quantity: '1套', note: '已拆除' }];
    const noAmount = await submit(head1, id, 'decision', { ...REASONS, penaltyContent: '警告，没收违法所得', decidedPenaltyKinds: ['warning', 'confiscateIllegalGains'], decidedFineAmount: 0, confiscatedItems: confiscated });
    expect(noAmount.status).to.equal(422);
    expect(noAmount.body.errors).to.deep.equal([{ field: 'confiscatedAmount', message: '「没收违法所得、非法财物的金额（元）」为必填项（已填写「没收的违法所得、非法财物」）' }]);
    await complete(head1, id, 'decision', { ...REASONS, penaltyContent: '警告，没收违法所得', decidedPenaltyKinds: ['warning', 'confiscateIllegalGains'], decidedFineAmount: 0, confiscatedItems: confiscated, confiscatedAmount: 20000 });
    const v = await view(s, id);
    expect(passed(v)).to.include('issueConfiscationList');
    const docs = (await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ id: number; kind: string; title: string }>;
    const list = docs.find((d) => d.kind === 'penalty-confiscation');
    expect(list, JSON.stringify(docs)).to.include({ title: '没收违法所得、非法财物清单' });
    const html = (await s.api.get(`/api/documents/${list!.id}`)).body as string;
    expect(html).to.contain('违法销售废机油所得').and.contain('私设暗管').and.contain('已拆除').and.contain('人民币贰万元整（20,000.00元）').and.contain(v.variables.penaltyDecisionNo);
    expect(open(v)).to.deep.equal(['serviceOfDecision']);

    await complete(officer1, id, 'serviceOfDecision', { serviceDate: '2026-03-11', serviceMethod: '直接送达', recipient: '张某' });
    await complete(officer1, publicationChild(await view(s, id)).id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    const items = (await new ApiClient(s.base).get(`/api/public/publications?category=penalty`)).body.items as any[];
    const item = items.find((i) => i.decisionNo === v.variables.penaltyDecisionNo);
    expect(item?.fields, JSON.stringify(items)).to.include({ '没收违法所得、没收非法财物的金额（万元）': 2 });
  });
});
