import { expect } from 'chai';
import { completeTask, firedDuring, openTask, startInstance, submitTask, view } from '../../helpers/fixtures.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';
import { caseReview, notifyAndServe } from '../../helpers/penalty-case.ts';

/**
 * 行政处罚 — service of the decision, payment, deferral, 催告, court enforcement, remedies and
 * publication from the decision (processes/penalty.bpmn, region gwConfiscation … closed).
 * The scenario: a natural person fined 5,000 yuan, no hearing request, decision of
 * Wednesday 11 March 2026 sent by post and received three days later, on Saturday 14 March.
 */

type View = Awaited<ReturnType<typeof view>>;
const open = (v: View) => v.tasks.map((t: { elementId: string }) => t.elementId).sort();
const clock = (v: View, name: string) => v.clocks.find((c: { name: string }) => c.name === name);
const passed = (v: View) => v.history.filter((h: { kind: string }) => h.kind === 'activity.end').map((h: { elementId: string }) => h.elementId);
const timers = (v: View) => v.timers.map((t: { elementId: string; dueAt: string }) => [t.elementId, t.dueAt]);

const DECISION = {
  decisionDate: '2026-03-11',
  penaltyContent: '罚款',
  decidedPenaltyKinds: ['fine'],
  decidedFineAmount: 5000,
  evidenceReason: '现场检查笔录、监测报告相互印证，予以采信',
  legalBasisReason: '违反《水污染防治法》第三十九条，依第八十三条处罚',
  discretionReason: '首次违法，按裁量基准从轻档处罚',
};
const RECEIVED = '2026-03-14'; // sent by post on 11 March, received on Saturday 14 March

describe('Feature: 行政处罚 — 送达、缴款、催告、申请强制执行、复议诉讼、自决定起公示 (processes/penalty.bpmn)', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let reviewer1: ApiClient;
  let head1: ApiClient;
  let seq = 0;

  before(async () => {
    s = await startProcessServer('penalty-payment');
    [officer1, reviewer1, head1] = await Promise.all(['officer1', 'reviewer1', 'head1'].map((u) => ApiClient.login(s.base, u, 'demo')));
  });
  after(() => s.close());

  const at = async (iso: string) => s.api.post('/api/dev/clock', { set: iso });
  const complete = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => completeTask(s, who, id, elementId, variables);
  const submit = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => submitTask(s, who, id, elementId, variables);
  const doc = async (id: number) => String((await s.api.get(`/api/documents/${id}`)).body);
  const publicationChild = (v: View) => v.children.find((c: { processKey: string }) => c.processKey === 'publication');

  /** 张某, 5,000 yuan: filed 2 March, notice 3 March, no hearing request, decided on Wednesday 11 March 2026. */
  async function decidedCase(enteredAt = '2026-03-11T02:00:00Z'): Promise<{ id: string; key: string }> {
    await at('2026-03-02T01:00:00Z');
    const key = `PAY-${++seq}`;
    const id = await startInstance(s, 'penalty', { party: '张某', partyType: '自然人', lead: '群众举报夜间偷排废水', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号' }, key);
    await complete(head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意立案', caseCause: '超标排放水污染物', violationDate: '2026-03-01' });
    await complete(officer1, id, 'investigation', {
      investigators: ['officer1', 'officer2'], certificatesShown: true, facts: '2026年3月2日现场检查发现外排废水COD超标',
      evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }],
    });
    await complete(reviewer1, id, 'caseReview', caseReview({ partyType: '自然人', kinds: ['fine'], fine: 5000 }));
    await notifyAndServe(s, officer1, id, '2026-03-03');
    await at('2026-03-10T16:00:00Z'); // the 5 working days for a hearing request run out
    await at(enteredAt);
    await complete(head1, id, 'decision', DECISION);
    return { id, key };
  }

  /** Service registered on Tuesday 17 March, three days after the party received the decision. */
  async function served(id: string) {
    await at('2026-03-17T02:00:00Z');
    await complete(officer1, id, 'serviceOfDecision', { serviceDate: RECEIVED, serviceMethod: '邮寄送达', recipient: '张某' });
  }

  it('处罚法 art. 67 + 国办发〔2018〕118号: publication starts at the decision and is due 7 working days after it (20 March), in parallel with service, and is done although the fine is never paid', async () => {
    const { id } = await decidedCase();
    let v = await view(s, id);
    const pub = publicationChild(v);
    expect(pub, 'the publication starts with the decision, before service and payment').to.exist;
    expect(pub.status).to.equal('running');
    expect(open(v)).to.deep.equal(['serviceOfDecision']);
    // 7 working days after Wednesday 11 March: 12, 13, 16, 17, 18, 19, 20 March.
    expect((await openTask(s, pub.id, 'review')).dueAt).to.equal('2026-03-20T16:00:00.000Z');
    await served(id);
    await at('2026-03-18T02:00:00Z');
    await complete(officer1, pub.id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    v = await view(s, id);
    expect(v.variables.published).to.equal(true);
    expect(v.variables.paidOn, 'nothing was paid').to.equal(undefined);
    expect(open(v), 'the case waits for the payment, not the publication').to.deep.equal(['registerPayment']);
    const items = (await new ApiClient(s.base).get(`/api/public/publications?party=${encodeURIComponent('张某')}&category=penalty`)).body.items as Array<{ decisionNo: string; fields: Record<string, unknown> }>;
    expect(items.map((i) => i.decisionNo)).to.include(v.variables.penaltyDecisionNo);
    const published = items.find((i) => i.decisionNo === v.variables.penaltyDecisionNo)!.fields;
    expect(published, 'the basis and the cause as the case recorded them').to.include({ 处罚依据: '《中华人民共和国水污染防治法》第八十三条第一款第（二）项', 违法行为类型: '超标排放水污染物' });
    // The case closes only when both the publication and the payment are done.
    await at('2026-03-20T02:00:00Z');
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-03-20', paidAmount: 5000, receiptNumber: 'FS-1' });
    v = await view(s, id);
    expect(open(v)).to.deep.equal(['closeAndArchive']);
    expect(passed(v)).to.include.members(['forkDecisionPaths', 'publication', 'recordPublicationDone', 'finePaidThrow', 'gwPublicationDone']);
  });

  it('处罚法 arts. 61, 85: the decision is served within 7 working days of its date (11 March → 20 March), not of the day it was entered (13 March → 24 March)', async () => {
    const { id } = await decidedCase('2026-03-13T02:00:00Z');
    const v = await view(s, id);
    // 7 working days after Wednesday 11 March: 12, 13, 16, 17, 18, 19, 20 March.
    expect(clock(v, 'decisionService')).to.include({ status: 'running', dueAt: '2026-03-20T16:00:00.000Z' });
    expect((await openTask(s, id, 'serviceOfDecision')).dueAt).to.equal('2026-03-20T16:00:00.000Z');
    await served(id);
    expect(clock(await view(s, id), 'decisionService').status, 'stopped once served').to.equal('stopped');
  });

  it('处罚法 art. 67: the 15 days count from receipt (14 March → Sunday 29 March → Monday 30 March) in the task, the timer, the clock and the surcharge, not from data entry (17 March); the decision says "自收到本决定书之日起十五日内"', async () => {
    const { id } = await decidedCase();
    let v = await view(s, id);
    const decision = await doc(v.variables.penaltyDecisionDocumentId);
    expect(decision).to.contain('罚款自收到本决定书之日起十五日内缴纳');
    expect(decision, 'the decision is written before service: it names no payment date').to.not.match(/2026-03-30|3月30日/);
    await served(id);
    v = await view(s, id);
    expect(v.variables).to.include({ serviceDate: RECEIVED, paymentLastDay: '2026-03-30' });
    expect(clock(v, 'payment')).to.include({ status: 'running', dueAt: '2026-03-30T16:00:00.000Z' });
    expect((await openTask(s, id, 'registerPayment')).dueAt).to.equal('2026-03-30T16:00:00.000Z');
    expect(timers(v)).to.deep.include(['paymentOverdue', '2026-03-30T16:00:00.000Z']);
    // Paid on the last day: no surcharge; a day later: 3 % (150 yuan).
    await at('2026-03-31T02:00:00Z');
    const late = await submit(officer1, id, 'registerPayment', { paidOn: '2026-03-31', paidAmount: 5000, receiptNumber: 'FS-2' });
    expect(late.status).to.equal(422);
    expect(late.body.errors).to.deep.equal([{ field: 'paidAmount', message: '「缴款金额（元）」应为 5150 元：罚款 5000 元，加处罚款 150 元（缴款期限 2026-03-30 届满后逾期 1 日，每日按罚款数额的 3%）' }]);
    const onTime = await submit(officer1, id, 'registerPayment', { paidOn: '2026-03-30', paidAmount: 5000, receiptNumber: 'FS-2' });
    expect(onTime.status, JSON.stringify(onTime.body)).to.equal(204);
    v = await view(s, id);
    expect(v.variables).to.include({ surchargeAmount: 0, amountDue: 5000 });
    expect(clock(v, 'payment').status).to.equal('stopped');
  });

  it('行政强制法 arts. 53, 54: not paid → 催告书 (10 working days from its receipt, 3 April → 20 April) → after the remedy periods (复议 60 days: 13 May; 诉讼 6 months: 14 September) the court application, due within 3 months (14 December)', async () => {
    const { id } = await decidedCase();
    await served(id);
    expect(await firedDuring(s, id, () => at('2026-03-30T15:59:59Z')), 'not a second early').to.deep.equal([]);
    expect(await firedDuring(s, id, () => at('2026-03-30T16:00:00Z'))).to.deep.equal(['paymentOverdue']);
    let v = await view(s, id);
    expect(v.variables.paymentOverdue).to.equal(true);
    expect(open(v), 'the payment may still come; the 催告 is prepared').to.deep.equal(['registerPayment', 'reminderNotice']);

    await at('2026-04-01T02:00:00Z');
    await complete(officer1, id, 'reminderNotice', { reminderNoticeDate: '2026-04-01', reminderPaymentWay: '到湘西农商银行缴纳或者通过非税收入电子缴款系统缴纳' });
    v = await view(s, id);
    const reminder = await doc(v.variables.penaltyReminderDocumentId);
    expect(v.variables.penaltyReminderNo).to.match(/^湘西环罚催〔2026〕\d+号$/);
    expect(reminder).to.contain('催告书').and.contain(v.variables.penaltyReminderNo)
      .and.contain('你（单位）于2026年3月14日收到该决定书').and.contain('罚款人民币伍仟元整（¥5,000.00），缴款期限至2026年3月30日届满')
      .and.contain('自2026年3月30日次日起，每日按罚款数额的百分之三加处罚款').and.contain('自收到本催告书之日起十日内缴纳罚款及加处罚款')
      .and.contain('到湘西农商银行缴纳').and.contain('陈述和申辩');

    await at('2026-04-07T02:00:00Z');
    await complete(officer1, id, 'reminderService', { reminderServedOn: '2026-04-03', reminderServiceMethod: '直接送达', reminderRecipient: '张某' });
    v = await view(s, id);
    // 10 working days after Friday 3 April (清明 4–6 April off): 7–10, 13–17, 20 April.
    expect(v.variables).to.include({
      reminderLastDay: '2026-04-20', reconsiderationLastDay: '2026-05-13', litigationLastDay: '2026-09-14', remedyLastDay: '2026-09-14',
      enforceableAt: '2026-09-14T16:00:00.000Z', courtApplicationLastDay: '2026-12-14', courtApplicationDueAt: '2026-12-14T16:00:00.000Z',
    });
    expect(timers(v)).to.deep.include(['enforceable', '2026-09-14T16:00:00.000Z']);
    expect(await firedDuring(s, id, () => at('2026-09-14T15:59:59Z')), 'not while the party may still sue').to.deep.equal([]);
    expect(await firedDuring(s, id, () => at('2026-09-14T16:00:00Z'))).to.deep.equal(['enforceable']);
    v = await view(s, id);
    expect(open(v)).to.deep.equal(['courtApplication', 'registerPayment']);
    expect((await openTask(s, id, 'courtApplication')).dueAt).to.equal('2026-12-14T16:00:00.000Z');

    await at('2026-09-16T02:00:00Z');
    await complete(head1, id, 'courtApplication', { courtApplicationDate: '2026-09-16', court: '吉首市人民法院' });
    v = await view(s, id);
    const application = await doc(v.variables.penaltyEnforcementApplicationDocumentId);
    expect(application).to.contain('强制执行申请书').and.contain('吉首市人民法院：').and.contain('被申请人：张某')
      .and.contain('被申请人于2026年3月14日收到').and.contain('本机关于2026年4月1日作出催告书，被申请人于2026年4月3日收到，催告期至2026年4月20日届满仍未履行')
      .and.contain('复议、诉讼期限届满（2026年9月14日）后三个月内提出，申请期限至2026年12月14日届满');
    expect(passed(v)).to.include('courtApplied');
    // The court collects the fine with the surcharge, capped at the fine: the case closes once it is registered.
    expect(open(v)).to.deep.equal(['registerPayment']);
    await at('2026-10-20T02:00:00Z');
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-10-20', paidAmount: 10000, receiptNumber: '法院执行款-1' });
    v = await view(s, id);
    expect(v.variables).to.include({ surchargeAmount: 5000, amountDue: 10000 });
  });

  it('行政复议法 / 行政诉讼法 art. 45: a 复议 application pauses enforcement; upheld on 1 June, the court may be asked after the 15 days to sue (16 June), by 16 September', async () => {
    const { id, key } = await decidedCase();
    await served(id);
    await at('2026-03-30T16:00:00Z');
    await at('2026-04-01T02:00:00Z');
    await complete(officer1, id, 'reminderNotice', { reminderNoticeDate: '2026-04-01', reminderPaymentWay: '银行缴纳' });
    await complete(officer1, id, 'reminderService', { reminderServedOn: '2026-04-01', reminderServiceMethod: '直接送达', reminderRecipient: '张某' });
    await at('2026-04-10T02:00:00Z');
    const filed = await s.api.post('/api/messages', { name: 'penaltyRemedyFiled', businessKey: key, variables: { remedyKind: '行政复议', remedyFiledOn: '2026-04-10', remedyBody: '湘西土家族苗族自治州人民政府' } });
    expect(filed.body.instanceIds).to.deep.equal([id]);
    let v = await view(s, id);
    expect(timers(v).map((t: string[]) => t[0]), 'enforcement waits for the outcome').to.not.include('enforceable');
    expect(open(v)).to.deep.equal(['registerPayment', 'registerRemedyOutcome']);
    await at('2026-06-02T02:00:00Z');
    await complete(officer1, id, 'registerRemedyOutcome', { remedyOutcome: '维持', remedyDecidedOn: '2026-06-01', remedyDecisionNo: '湘西府复决〔2026〕3号' });
    v = await view(s, id);
    expect(v.variables).to.include({ remedyLastDay: '2026-06-16', enforceableAt: '2026-06-16T16:00:00.000Z', courtApplicationLastDay: '2026-09-16' });
    expect(timers(v)).to.deep.include(['enforceable', '2026-06-16T16:00:00.000Z']);
    expect(await firedDuring(s, id, () => at('2026-06-16T16:00:00Z'))).to.deep.equal(['enforceable']);
    expect((await openTask(s, id, 'courtApplication')).dueAt).to.equal('2026-09-16T16:00:00.000Z');
  });

  it('行政复议法 art. 20, 行政强制法 art. 53: a 复议 applied for during the payment period (before any 催告) is registered, not refused; after the 催告 the case waits for its outcome instead of the court application', async () => {
    const { id, key } = await decidedCase();
    await served(id);
    await at('2026-03-20T02:00:00Z');
    const filed = await s.api.post('/api/messages', { name: 'penaltyRemedyFiled', businessKey: key, variables: { remedyKind: '行政复议', remedyFiledOn: '2026-03-20', remedyBody: '湘西土家族苗族自治州人民政府' } });
    expect(filed.status, JSON.stringify(filed.body)).to.equal(200);
    expect(filed.body.instanceIds).to.deep.equal([id]);
    let v = await view(s, id);
    expect(v.variables).to.include({ remedyKind: '行政复议', remedyFiledOn: '2026-03-20', remedyPending: true });
    expect(open(v), 'the payment still runs (复议 does not stop execution, 处罚法 art. 73)').to.deep.equal(['registerPayment']);
    await at('2026-03-30T16:00:00Z');
    await at('2026-04-01T02:00:00Z');
    await complete(officer1, id, 'reminderNotice', { reminderNoticeDate: '2026-04-01', reminderPaymentWay: '银行缴纳' });
    await complete(officer1, id, 'reminderService', { reminderServedOn: '2026-04-01', reminderServiceMethod: '直接送达', reminderRecipient: '张某' });
    v = await view(s, id);
    expect(open(v), 'enforcement waits for the outcome of the 复议').to.deep.equal(['registerPayment', 'registerRemedyOutcome']);
    expect(timers(v).map((t: string[]) => t[0])).to.not.include('enforceable');
    await at('2026-06-02T02:00:00Z');
    await complete(officer1, id, 'registerRemedyOutcome', { remedyOutcome: '维持', remedyDecidedOn: '2026-06-01', remedyDecisionNo: '湘西府复决〔2026〕4号' });
    v = await view(s, id);
    // Upheld on 1 June: 15 days to sue (16 June), then the court may be asked within 3 months (16 September).
    expect(v.variables).to.include({ remedyLastDay: '2026-06-16', courtApplicationLastDay: '2026-09-16' });
    expect(timers(v)).to.deep.include(['enforceable', '2026-06-16T16:00:00.000Z']);
  });

  it('行政诉讼法 art. 70: a decision revoked by the court ends payment and enforcement; the case goes on to closing', async () => {
    const { id, key } = await decidedCase();
    await served(id);
    const pub = publicationChild(await view(s, id));
    await complete(officer1, pub.id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    await at('2026-03-30T16:00:00Z');
    await at('2026-04-01T02:00:00Z');
    await complete(officer1, id, 'reminderNotice', { reminderNoticeDate: '2026-04-01', reminderPaymentWay: '银行缴纳' });
    await complete(officer1, id, 'reminderService', { reminderServedOn: '2026-04-01', reminderServiceMethod: '直接送达', reminderRecipient: '张某' });
    await s.api.post('/api/messages', { name: 'penaltyRemedyFiled', businessKey: key, variables: { remedyKind: '行政诉讼', remedyFiledOn: '2026-04-02', remedyBody: '吉首市人民法院' } });
    await at('2026-07-01T02:00:00Z');
    await complete(officer1, id, 'registerRemedyOutcome', { remedyOutcome: '撤销', remedyDecidedOn: '2026-06-30' });
    const v = await view(s, id);
    expect(open(v)).to.deep.equal(['closeAndArchive']);
    expect(passed(v)).to.include.members(['decisionRevokedThrow', 'enforcementEndedRevoked', 'paymentDecisionRevoked', 'stopPaymentClockRevoked']);
    expect(passed(v)).to.not.include('registerPayment');
    expect(clock(v, 'payment').status).to.equal('stopped');
  });

  it('处罚法 art. 66: a deferral approved by a head moves the last day (30 April) for the task, the timer and the surcharge; a schedule that does not add up is refused and changes nothing', async () => {
    const { id, key } = await decidedCase();
    await served(id);
    await at('2026-03-20T02:00:00Z');
    const asked = await s.api.post('/api/messages', { name: 'penaltyPaymentDeferralRequested', businessKey: key, variables: { deferralAppliedOn: '2026-03-20', deferralRequest: '经济困难，申请延期至4月底缴纳' } });
    expect(asked.body.instanceIds).to.deep.equal([id]);
    expect(open(await view(s, id))).to.deep.equal(['approveDeferral', 'registerPayment']);
    expect((await openTask(s, id, 'approveDeferral')).candidateGroups).to.deep.equal(['heads']);
    const wrong = await submit(head1, id, 'approveDeferral', { deferralApproved: true, deferralOpinion: '同意', paymentSchedule: [{ dueOn: '2026-04-30', amount: 4000 }] });
    expect(wrong.status).to.equal(422);
    expect(wrong.body.errors).to.deep.equal([{ field: 'paymentSchedule', message: '「批准的缴款期限（延期为一期，分期为多期）」各期金额合计 4000 元，应等于罚款 5000 元' }]);
    let v = await view(s, id);
    expect(v.variables.paymentLastDay, 'nothing changed').to.equal('2026-03-30');
    expect(open(v)).to.deep.equal(['approveDeferral', 'registerPayment']);
    await complete(head1, id, 'approveDeferral', { deferralApproved: true, deferralOpinion: '同意延期至4月30日', paymentSchedule: [{ dueOn: '2026-04-30', amount: 5000 }] });
    v = await view(s, id);
    expect(v.variables).to.include({ paymentLastDay: '2026-04-30' });
    expect(clock(v, 'payment')).to.include({ status: 'running', dueAt: '2026-04-30T16:00:00.000Z' });
    expect((await openTask(s, id, 'registerPayment')).dueAt).to.equal('2026-04-30T16:00:00.000Z');
    expect(timers(v)).to.deep.include(['paymentOverdue', '2026-04-30T16:00:00.000Z']);
    expect(await firedDuring(s, id, () => at('2026-03-31T02:00:00Z')), 'no overdue on the original last day').to.deep.equal([]);
    await at('2026-04-29T02:00:00Z');
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-04-29', paidAmount: 5000, receiptNumber: 'FS-3' });
    v = await view(s, id);
    expect(v.variables).to.include({ surchargeAmount: 0, amountDue: 5000 });
    expect(v.variables.paymentOverdue).to.equal(undefined);
  });

  it('处罚法 arts. 66, 72: with instalments, each part accrues the surcharge only after its own due day (2,000 by 15 April, 3,000 by 15 May; all paid on 20 April: 3 % × 5 days × 2,000 = 300)', async () => {
    const { id, key } = await decidedCase();
    await served(id);
    await at('2026-03-20T02:00:00Z');
    await s.api.post('/api/messages', { name: 'penaltyPaymentDeferralRequested', businessKey: key, variables: { deferralAppliedOn: '2026-03-20', deferralRequest: '申请分两期缴纳' } });
    await complete(head1, id, 'approveDeferral', { deferralApproved: true, deferralOpinion: '同意分期', paymentSchedule: [{ dueOn: '2026-04-15', amount: 2000 }, { dueOn: '2026-05-15', amount: 3000 }] });
    let v = await view(s, id);
    expect(v.variables).to.include({ paymentLastDay: '2026-05-15' });
    expect(v.variables.paymentSchedule).to.deep.equal([{ dueOn: '2026-04-15', amount: 2000 }, { dueOn: '2026-05-15', amount: 3000 }]);
    await at('2026-04-20T02:00:00Z');
    const fineOnly = await submit(officer1, id, 'registerPayment', { paidOn: '2026-04-20', paidAmount: 5000, receiptNumber: 'FS-4' });
    expect(fineOnly.body.errors).to.deep.equal([{ field: 'paidAmount', message: '「缴款金额（元）」应为 5300 元：罚款 5000 元，加处罚款 300 元（逾期各期自各自期限届满次日起每日按该期数额的 3%）' }]);
    await complete(officer1, id, 'registerPayment', { paidOn: '2026-04-20', paidAmount: 5300, receiptNumber: 'FS-4' });
    v = await view(s, id);
    expect(v.variables).to.include({ surchargeAmount: 300, amountDue: 5300, overdueDays: 5 });
  });
});
