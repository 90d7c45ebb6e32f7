import { expect } from 'chai';
import { visibleText } from '../../../src/domain/document-quality.ts';
import { completeTask, openTask, startInstance, submitTask, view } from '../../helpers/fixtures.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';
import { caseReview, notifyAndServe } from '../../helpers/penalty-case.ts';
import { webLogin } from '../../helpers/web.ts';

/**
 * The decided penalty, the date order, the collective discussion and the decision clock's
 * extensions and exclusions, over the real processes/penalty.bpmn with a moved clock from Monday
 * 2 March 2026. Each test names the article it checks (处罚法 = 行政处罚法 2021; 办法 = 生态环境行政处罚办法 2023).
 */

type View = Awaited<ReturnType<typeof view>>;
const open = (v: View) => v.tasks.map((t: { elementId: string }) => t.elementId);
const clock = (v: View, name: string) => v.clocks.find((c: { name: string }) => c.name === name);
const passed = (v: View) => v.history.filter((h: { kind: string }) => h.kind === 'activity.end').map((h: { elementId: string }) => h.elementId);

const REASONS = {
  penaltyContent: '罚款',
  evidenceReason: '现场检查笔录、监测报告相互印证，予以采信',
  legalBasisReason: '违反《水污染防治法》第十条，依第八十三条处罚',
  discretionReason: '超标倍数较高，按裁量基准中档处罚',
};
const HEADS = ['head1', 'head2', 'head3'];
const opinions = (who: string[]) => who.map((member) => ({ member, opinion: `${member} 同意拟处罚意见` }));

describe('Feature: 处罚决定 — the decided penalty, date order, collective discussion, decision clock (processes/penalty.bpmn)', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let reviewer1: ApiClient;
  let head1: ApiClient;
  let legal1: ApiClient;
  let seq = 0;

  before(async () => {
    s = await startProcessServer('penalty-decision');
    [officer1, reviewer1, head1, legal1] = await Promise.all(['officer1', 'reviewer1', 'head1', 'legal1'].map((u) => ApiClient.login(s.base, u, 'demo')));
  });
  after(() => s.close());

  const at = async (iso: string) => s.api.post('/api/dev/clock', { set: iso });
  const submit = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => submitTask(s, who, id, elementId, variables);
  const complete = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => completeTask(s, who, id, elementId, variables);
  const documentsOf = async (id: string) => (await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ id: number; kind: string; title: string }>;
  const html = async (docId: number) => (await s.api.get(`/api/documents/${docId}`)).body as string;

  /** Filed 2 March, reviewed, notice served 3 March; after the 5 working days (10 March) the case waits for the step after the statement period. */
  async function caseAfterStatement(c: { partyType: string; fineAmount: number; heavyPenalty?: boolean }): Promise<{ id: string; key: string }> {
    await at('2026-03-02T01:00:00Z');
    const key = `DEC-${++seq}`;
    const id = await startInstance(s, 'penalty', { party: '湘西某化工有限公司', partyType: c.partyType, lead: '群众举报夜间偷排废水', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' }, key);
    await complete(head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意立案', caseCause: '超标排放水污染物', violationDate: '2026-03-01' });
    await complete(officer1, id, 'investigation', {
      investigators: ['officer1', 'officer2'], certificatesShown: true, facts: '2026年3月2日现场检查发现外排废水COD超标',
      evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }],
    });
    await complete(reviewer1, id, 'caseReview', caseReview({ partyType: c.partyType, kinds: ['fine'], fine: c.fineAmount, heavyPenalty: c.heavyPenalty }));
    await notifyAndServe(s, officer1, id, '2026-03-03');
    await at('2026-03-10T16:00:00Z');
    return { id, key };
  }

  async function passLegalReview(parentId: string, reviewOpinionDate: string) {
    const child = (await view(s, parentId)).children.find((c: { processKey: string; status: string }) => c.processKey === 'legal-review' && c.status === 'running');
    expect(child, 'a running legal-review child').to.exist;
    await complete(officer1, child.id, 'submit', {
      decisionDraft: '行政处罚决定书（代拟稿）', factsAndEvidence: '现场检查笔录', legalBasis: '《水污染防治法》第八十三条', discretionApplied: '中档',
      investigators: ['officer1', 'officer2'], hearingHeld: false,
    });
    await complete(legal1, child.id, 'review', {
      reviewOpinionDate, checkCompetence: true, checkPowers: true, checkProcedure: true, checkFactsEvidence: true,
      checkLawAndDiscretion: true, checkDocuments: true, criminalReferralNeeded: false, reviewOpinion: 'agree',
    });
  }

  it('处罚法 art. 45: a decision heavier than the notice (a larger fine, a kind not notified) is refused with a call for a new notice, and nothing changes', async () => {
    const { id } = await caseAfterStatement({ partyType: '自然人', fineAmount: 5000 });
    await at('2026-03-11T02:00:00Z');
    expect(open(await view(s, id))).to.deep.equal(['decision']);
    const larger = await submit(head1, id, 'decision', { ...REASONS, decisionDate: '2026-03-11', decidedPenaltyKinds: ['fine'], decidedFineAmount: 8000 });
    expect(larger.status).to.equal(422);
    expect(larger.body.errors).to.deep.equal([{
      field: 'decidedPenaltyKinds',
      message: '处罚决定不得重于已告知当事人的处罚（《行政处罚法》第四十五条，不得因当事人陈述、申辩而给予更重的处罚）：罚款 8000 元高于告知的 5000 元；如需加重，请选择「拟加重处罚，重新告知」退回案件审查，重新告知当事人拟作出的处罚，待陈述、申辩（听证）期限届满后再作决定',
    }]);
    const moreKinds = await submit(head1, id, 'decision', { ...REASONS, decisionDate: '2026-03-11', decidedPenaltyKinds: ['fine', 'suspendProduction'], decidedFineAmount: 5000 });
    expect(moreKinds.body.errors[0].message).to.contain('增加了告知时未拟处的处罚种类（责令停产停业）').and.contain('重新告知当事人');
    const amountInText = await submit(head1, id, 'decision', { ...REASONS, penaltyContent: '罚款人民币捌仟元整', decisionDate: '2026-03-11', decidedPenaltyKinds: ['fine'], decidedFineAmount: 5000 });
    expect(amountInText.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['penaltyContent']);
    const v = await view(s, id);
    expect(open(v), 'the case does not move').to.deep.equal(['decision']);
    expect(clock(v, 'decision').status).to.equal('running');
    expect(v.variables.decidedFineAmount).to.equal(undefined);
    expect((await documentsOf(id)).map((d) => d.kind), 'no decision issued').to.deep.equal(['penalty-notice', 'penalty-notice-receipt']);

    // A lighter decision than notified is lawful (the defence may succeed).
    await complete(head1, id, 'decision', { ...REASONS, decisionDate: '2026-03-11', decidedPenaltyKinds: ['fine'], decidedFineAmount: 4000 });
    expect((await view(s, id)).variables).to.include({ decidedFineAmount: 4000 });
  });

  it('处罚法 art. 45: a heavier penalty after a new notice — the head sends the case back (重新告知), the new proposal is notified and served, and once its period from receipt has run the heavier decision is lawful', async () => {
    const { id } = await caseAfterStatement({ partyType: '自然人', fineAmount: 5000 });
    await at('2026-03-11T02:00:00Z');
    const decisionTask = await openTask(s, id, 'decision');
    const unknown = await head1.post(`/api/tasks/${decisionTask.id}/complete`, { error: { code: 'noSuchError' } });
    expect(unknown.status, 'an error the diagram does not catch on the task is refused').to.equal(422);
    expect(unknown.body.detail).to.equal('「处罚决定」没有「noSuchError」这一处理方式：本环节可以：「拟加重处罚，重新告知」（newNoticeNeeded）、「须先法制审核」（legalReviewNeeded）');
    // The head's task page offers both other ways, each sent only when confirmed.
    const web = await webLogin(s.base, 'head1', 'demo');
    const page = await web.get(`/tasks/${decisionTask.id}`);
    expect(page.text).to.contain('>拟加重处罚，重新告知</button>').and.contain('>须先法制审核</button>');
    const unconfirmed = await web.post(`/tasks/${decisionTask.id}/raise`, { code: 'newNoticeNeeded' });
    expect(unconfirmed.status).to.equal(422);
    expect(unconfirmed.text).to.contain('请勾选确认后再选择「拟加重处罚，重新告知」');
    expect(open(await view(s, id)), 'nothing moved').to.deep.equal(['decision']);
    const back = await web.post(`/tasks/${decisionTask.id}/raise`, { code: 'newNoticeNeeded', confirmed: 'true' });
    expect(back.status, back.text.slice(0, 300)).to.equal(303);
    let v = await view(s, id);
    expect(v.variables.previousNotices, 'the first notice round is kept').to.deep.equal([{ proposedPenaltyKinds: ['fine'], proposedFineAmount: 5000, proposedPenalty: '罚款人民币5000元', noticeDate: '2026-03-03', noticeServiceMethod: '直接送达', noticeRecipient: '当事人本人', noticeReceivedOn: '2026-03-03', noticeServedOn: '2026-03-03', noticeServiceLater: false }]);
    expect(v.variables.noticeServedOn).to.equal(null);
    expect(open(v), 'back at the case review, which records the new proposal').to.deep.equal(['caseReview']);
    expect(clock(v, 'decision').status, 'the decision period keeps running').to.equal('running');
    await complete(reviewer1, id, 'caseReview', caseReview({ partyType: '自然人', kinds: ['fine'], fine: 8000 }));
    // The new notice is dated Thursday 12 March, sent by post, received on Saturday 14 March and entered on Monday 16 March.
    await notifyAndServe(s, officer1, id, '2026-03-12', { method: '邮寄送达', receivedOn: '2026-03-14', enteredAt: '2026-03-16T02:00:00Z' });
    v = await view(s, id);
    expect(open(v)).to.deep.equal(['statementPeriod']);
    // Five working days from receipt (14 March): 16, 17, 18, 19, 20 March — not from the day entered.
    expect(clock(v, 'statement')).to.include({ status: 'running', dueAt: '2026-03-20T16:00:00.000Z' });
    const early = await submit(officer1, id, 'statementPeriod', { statementWaivedOn: '2026-03-13', statementWaiverWay: '书面声明' });
    expect(early.status, 'a waiver before receipt is refused').to.equal(422);
    await at('2026-03-20T16:00:00Z');
    await at('2026-03-23T02:00:00Z');
    expect(open(await view(s, id))).to.deep.equal(['decision']);
    await complete(head1, id, 'decision', { ...REASONS, decisionDate: '2026-03-23', decidedPenaltyKinds: ['fine'], decidedFineAmount: 8000 });
    v = await view(s, id);
    expect(v.variables).to.include({ decidedFineAmount: 8000, proposedFineAmount: 8000, noticeServedOn: '2026-03-14' });
    const notices = (await documentsOf(id)).filter((d) => d.kind === 'penalty-notice');
    expect(notices, 'both notices are kept on the record').to.have.length(2);
    expect(await html(notices[1]!.id)).to.contain('罚款人民币8000元');
  });

  it('处罚法 arts. 59, 66, 72: the company fined 250,000 after legal review and collective discussion — the document, the payment with its surcharge and the publication use the decided amount', async () => {
    const { id } = await caseAfterStatement({ partyType: '法人及非法人组织', fineAmount: 250000, heavyPenalty: true });
    await at('2026-03-12T02:00:00Z');
    await passLegalReview(id, '2026-03-12');
    let v = await view(s, id);
    expect(v.variables).to.include({ legalReviewRequired: true, legalReviewPassed: true, reviewOpinionDate: '2026-03-12' });
    expect(open(v)).to.deep.equal(['collectiveDiscussion']);
    await at('2026-03-13T02:00:00Z');
    await complete(head1, id, 'collectiveDiscussion', {
      collectiveDiscussionDate: '2026-03-13', collectiveMembers: HEADS, collectiveChair: 'head1', memberOpinions: opinions(HEADS), collectiveConclusion: '同意罚款二十五万元',
    });
    await at('2026-03-16T02:00:00Z');
    await complete(head1, id, 'decision', { ...REASONS, decisionDate: '2026-03-16', decidedPenaltyKinds: ['fine'], decidedFineAmount: 250000 });
    v = await view(s, id);
    expect(v.variables).to.deep.include({ decidedFineAmount: 250000, decidedPenaltyKinds: ['fine'] });

    const decision = await html(v.variables.penaltyDecisionDocumentId);
    expect(decision).to.contain('罚款：人民币贰拾伍万元整（¥250,000.00）');
    expect(decision.match(/贰拾伍万/g), 'the amount once in words').to.have.length(1);
    expect(decision.match(/250,000\.00/g), 'and once in figures').to.have.length(1);
    expect(decision).to.not.contain('250000');

    await at('2026-03-17T02:00:00Z');
    await complete(officer1, id, 'serviceOfDecision', { serviceDate: '2026-03-17', serviceMethod: '直接送达', recipient: '湘西某化工有限公司' });
    v = await view(s, id);
    // 15 days from service on 17 March: 1 April; paid 2 days late on 3 April → 3 % × 2 of 250,000 = 15,000.
    expect(v.variables.paymentLastDay).to.equal('2026-04-01');
    await at('2026-04-03T02:00:00Z');
    const proposalOnly = await submit(officer1, id, 'registerPayment', { paidOn: '2026-04-03', paidAmount: 250000, receiptNumber: 'FS-1' });
    expect(proposalOnly.body.errors[0].message).to.equal('「缴款金额（元）」应为 265000 元：罚款 250000 元，加处罚款 15000 元（缴款期限 2026-04-01 届满后逾期 2 日，每日按罚款数额的 3%）');
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-04-03', paidAmount: 265000, receiptNumber: 'FS-1' });

    const pub = (await view(s, id)).children.find((c: { processKey: string; status: string }) => c.processKey === 'publication' && c.status === 'running');
    await complete(officer1, pub.id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    const items = (await new ApiClient(s.base).get('/api/public/publications?category=penalty')).body.items as any[];
    const item = items.find((i) => i.decisionNo === v.variables.penaltyDecisionNo);
    expect(item?.fields, JSON.stringify(items)).to.include({ 处罚类别: '罚款', '罚款金额（万元）': 25, 处罚决定日期: '2026-03-16' });
  });

  it('处罚法 arts. 57, 58, 60: dates follow the procedure — a decision before the legal review or the collective discussion, in the future, or a service before the decision is refused naming both dates', async () => {
    const { id } = await caseAfterStatement({ partyType: '法人及非法人组织', fineAmount: 250000, heavyPenalty: true });
    await at('2026-03-12T02:00:00Z');
    await passLegalReview(id, '2026-03-12');
    const future = await submit(head1, id, 'collectiveDiscussion', {
      collectiveDiscussionDate: '2026-03-13', collectiveMembers: HEADS, collectiveChair: 'head1', memberOpinions: opinions(HEADS), collectiveConclusion: '同意',
    });
    expect(future.body.errors).to.deep.equal([{ field: 'collectiveDiscussionDate', message: '「集体讨论日期」（2026-03-13）不能晚于今天（2026-03-12）' }]);
    const beforeReview = await submit(head1, id, 'collectiveDiscussion', {
      collectiveDiscussionDate: '2026-03-11', collectiveMembers: HEADS, collectiveChair: 'head1', memberOpinions: opinions(HEADS), collectiveConclusion: '同意',
    });
    expect(beforeReview.body.errors).to.deep.equal([{ field: 'collectiveDiscussionDate', message: '「集体讨论日期」（2026-03-11）不能早于「法制审核意见日期」（2026-03-12）' }]);
    expect(open(await view(s, id)), 'refused: nothing moved').to.deep.equal(['collectiveDiscussion']);
    await complete(head1, id, 'collectiveDiscussion', {
      collectiveDiscussionDate: '2026-03-12', collectiveMembers: HEADS, collectiveChair: 'head1', memberOpinions: opinions(HEADS), collectiveConclusion: '同意',
    });

    await at('2026-03-16T02:00:00Z');
    const decided = { ...REASONS, decidedPenaltyKinds: ['fine'], decidedFineAmount: 250000 };
    const early = await submit(head1, id, 'decision', { ...decided, decisionDate: '2026-03-02' });
    expect(early.body.errors).to.deep.include.members([
      { field: 'decisionDate', message: '「处罚决定日期」（2026-03-02）不能早于「告知日期」（2026-03-03）' },
      { field: 'decisionDate', message: '「处罚决定日期」（2026-03-02）不能早于「法制审核意见日期」（2026-03-12）' },
      { field: 'decisionDate', message: '「处罚决定日期」（2026-03-02）不能早于「集体讨论日期」（2026-03-12）' },
    ]);
    const tomorrow = await submit(head1, id, 'decision', { ...decided, decisionDate: '2026-03-17' });
    expect(tomorrow.body.errors).to.deep.equal([{ field: 'decisionDate', message: '「处罚决定日期」（2026-03-17）不能晚于今天（2026-03-16）' }]);
    let v = await view(s, id);
    expect(open(v)).to.deep.equal(['decision']);
    expect(v.variables.decisionDate).to.equal(undefined);

    // Entered on the 16th for a decision made on Friday 13 March: every clock counts from the 13th.
    await complete(head1, id, 'decision', { ...decided, decisionDate: '2026-03-13' });
    const service = await submit(officer1, id, 'serviceOfDecision', { serviceDate: '2026-03-12', serviceMethod: '直接送达', recipient: '湘西某化工有限公司' });
    expect(service.body.errors).to.deep.equal([{ field: 'serviceDate', message: '「决定书送达日期」（2026-03-12）不能早于「处罚决定日期」（2026-03-13）' }]);
    await complete(officer1, id, 'serviceOfDecision', { serviceDate: '2026-03-16', serviceMethod: '直接送达', recipient: '湘西某化工有限公司' });
    await at('2026-03-17T02:00:00Z');
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-03-17', paidAmount: 250000, receiptNumber: 'FS-2' });
    v = await view(s, id);
    const pub = v.children.find((c: { processKey: string; status: string }) => c.processKey === 'publication' && c.status === 'running');
    // 7 working days from the decision on Friday 13 March (not from its entry on the 16th): 16–20, 23, 24 March.
    expect((await openTask(s, pub.id, 'review')).dueAt).to.equal('2026-03-24T16:00:00.000Z');
    expect((await view(s, pub.id)).variables.publicationDecisionDate).to.equal('2026-03-13');
    // The decision document bears the same date as the publication (not the day it was entered).
    const decisionDoc = (await documentsOf(id)).find((d) => d.kind === 'penalty-decision')!;
    const text = visibleText(await html(decisionDoc.id));
    expect(text).to.match(/2026年3月13日\s*$/);
    expect(text).not.to.include('2026年3月16日');
  });

  it('处罚法 art. 57: a collective discussion below the quorum of heads, with a non-head or without each member\'s opinion is refused; a quorate one issues the minutes with names and opinions', async () => {
    const { id } = await caseAfterStatement({ partyType: '自然人', fineAmount: 5000, heavyPenalty: true });
    await at('2026-03-11T02:00:00Z');
    expect(open(await view(s, id))).to.deep.equal(['collectiveDiscussion']);
    const base = { collectiveDiscussionDate: '2026-03-11', collectiveChair: 'head1', collectiveConclusion: '同意拟处罚意见' };
    const two = await submit(head1, id, 'collectiveDiscussion', { ...base, collectiveMembers: ['head1', 'head2'], memberOpinions: opinions(['head1', 'head2']) });
    expect(two.body.errors).to.deep.equal([{ field: 'collectiveMembers', message: '集体讨论须有本机关负责人 3 人以上参加（现有负责人 3 人，须过半数且不少于 3 人），本次只有 2 人' }]);
    const outsider = await submit(head1, id, 'collectiveDiscussion', { ...base, collectiveMembers: ['head1', 'head2', 'officer1'], memberOpinions: opinions(['head1', 'head2', 'officer1']) });
    expect(outsider.body.errors).to.deep.include({ field: 'collectiveMembers', message: '「参加讨论的负责人」中的 officer1 不是本机关负责人，不能参加集体讨论' });
    const silent = await submit(head1, id, 'collectiveDiscussion', { ...base, collectiveChair: 'legal1', collectiveMembers: HEADS, memberOpinions: opinions(['head1', 'head2']) });
    expect(silent.body.errors).to.deep.equal([
      { field: 'collectiveChair', message: '「主持人」须为参加讨论的负责人' },
      { field: 'memberOpinions', message: '「参加人员的意见」缺少 吴副局长 的意见' },
    ]);
    let v = await view(s, id);
    expect(open(v), 'refused: nothing moved').to.deep.equal(['collectiveDiscussion']);
    expect((await documentsOf(id)).map((d) => d.kind), 'no minutes issued').to.deep.equal(['penalty-notice', 'penalty-notice-receipt']);

    await complete(head1, id, 'collectiveDiscussion', { ...base, collectiveMembers: HEADS, memberOpinions: [
      { member: 'head1', opinion: '同意罚款五千元' }, { member: 'head2', opinion: '同意' }, { member: 'head3', opinion: '建议从轻，但服从多数' },
    ] });
    v = await view(s, id);
    expect(open(v)).to.deep.equal(['decision']);
    const minutes = (await documentsOf(id)).find((d) => d.kind === 'penalty-collective-minutes');
    expect(minutes, 'the minutes are filed').to.include({ title: '集体讨论记录' });
    const text = await html(minutes!.id);
    expect(text).to.contain('主持人：陈局长').and.contain('参加人员：陈局长、周副局长、吴副局长（本机关负责人 3 人，法定人数 3 人）');
    expect(text).to.contain('吴副局长：建议从轻，但服从多数').and.contain('同意拟处罚意见').and.contain('讨论日期：2026年3月11日');
    expect(text).to.not.match(/head[123]/);
  });

  it('办法: the second extension of the decision period is decided by the leadership\'s collective discussion at the quorum, and adds at most 30 days', async () => {
    const { id, key } = await caseAfterStatement({ partyType: '自然人', fineAmount: 5000 });
    const due = async () => clock(await view(s, id), 'decision').dueAt;
    const ask = async (reason: string) => {
      await s.api.post('/api/messages', { name: 'penaltyDecisionExtensionRequested', businessKey: key });
      await complete(officer1, id, 'requestDecisionExtension', { extensionReason: reason });
    };
    await ask('需委托监测机构复测');
    expect(open(await view(s, id))).to.have.members(['decision', 'approveDecisionExtension']);
    await complete(head1, id, 'approveDecisionExtension', { extensionGranted: true, extensionOpinion: '同意延长30日' });
    expect(await due(), '90 + 30 days from filing on 2 March').to.equal('2026-06-30T16:00:00.000Z');

    await ask('复测结果需专家论证');
    let v = await view(s, id);
    expect(open(v), 'the second extension goes to the collective discussion, not to one head').to.have.members(['decision', 'discussDecisionExtension']);
    const task = await openTask(s, id, 'discussDecisionExtension');
    expect(task.candidateGroups).to.deep.equal(['heads']);
    const extension = { extensionDiscussionDate: '2026-03-11', extensionChair: 'head1', extensionGranted: true, extensionOpinion: '同意再延长30日' };
    const oneHead = await submit(head1, id, 'discussDecisionExtension', { ...extension, extensionMembers: ['head1'], extensionMemberOpinions: opinions(['head1']) });
    expect(oneHead.status).to.equal(422);
    expect(oneHead.body.errors).to.deep.equal([{ field: 'extensionMembers', message: '集体讨论须有本机关负责人 3 人以上参加（现有负责人 3 人，须过半数且不少于 3 人），本次只有 1 人' }]);
    expect(await due(), 'refused: the deadline stays').to.equal('2026-06-30T16:00:00.000Z');
    await complete(head1, id, 'discussDecisionExtension', { ...extension, extensionMembers: HEADS, extensionMemberOpinions: opinions(HEADS) });
    v = await view(s, id);
    expect(clock(v, 'decision').dueAt, '150 days from 2 March').to.equal('2026-07-30T16:00:00.000Z');
    expect(v.variables.extensionCollectiveRecord).to.deep.include({ members: ['陈局长', '周副局长', '吴副局长'], chair: '陈局长' });

    await s.api.post('/api/messages', { name: 'penaltyDecisionExtensionRequested', businessKey: key });
    v = await view(s, id);
    expect(open(v), 'no third extension').to.deep.equal(['decision']);
    expect(passed(v)).to.include('decisionExtensionLimitReached');
  });

  it('处罚法 art. 60, 办法: time the law excludes (testing) is paused through a task with its reason on the clock\'s record, and the deadline moves by the time paused', async () => {
    const { id, key } = await caseAfterStatement({ partyType: '自然人', fineAmount: 5000 });
    const req = await s.api.post('/api/messages', { name: 'penaltyDecisionClockPauseRequested', businessKey: key });
    expect(req.body.instanceIds, JSON.stringify(req.body)).to.deep.equal([id]);
    let v = await view(s, id);
    expect(open(v)).to.have.members(['decision', 'recordExcludedTimeStart']);
    expect(clock(v, 'decision').status, 'nothing paused until the reason is recorded').to.equal('running');
    const noReason = await submit(officer1, id, 'recordExcludedTimeStart', { exclusionDescription: '委托检测' });
    expect(noReason.status).to.equal(422);
    await complete(officer1, id, 'recordExcludedTimeStart', { exclusionReason: '检测', exclusionDescription: '委托湘西州环境监测站对留存水样复测' });
    v = await view(s, id);
    expect(clock(v, 'decision')).to.include({ status: 'paused', dueAt: null });
    expect(open(v)).to.have.members(['decision', 'recordExcludedTimeEnd']);
    const events = (await s.api.get(`/api/instances/${id}`)).body.clocks.find((c: { name: string }) => c.name === 'decision').events;
    expect(events.at(-1)).to.include({ kind: 'pause', reason: 'pauseDecisionClockExcluded：检测' });

    // Paused from 11 March 00:00 to 21 March 00:00 Shanghai: 90 + 10 days from 2 March end on Wednesday 10 June
    // (the 90th day, Sunday 31 May, rolled to 1 June only because it was a rest day).
    await at('2026-03-20T16:00:00Z');
    await complete(officer1, id, 'recordExcludedTimeEnd', { exclusionResult: '复测报告：COD超标1.8倍' });
    v = await view(s, id);
    expect(clock(v, 'decision')).to.include({ status: 'running', dueAt: '2026-06-10T16:00:00.000Z' });
    expect(open(v)).to.deep.equal(['decision']);
  });
});
