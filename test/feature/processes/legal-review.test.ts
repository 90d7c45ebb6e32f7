import { expect } from 'chai';
import { documentProblems, visibleText } from '../../../src/domain/document-quality.ts';
import { openTask, startInstance, view } from '../../helpers/fixtures.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';

type Task = { id: string; elementId: string; dueAt: string | null; status?: string };
type HistoryEntry = { kind: string; elementId?: string | null; actor?: string | null; data?: any };

const openIds = (v: { tasks: Task[] }) => v.tasks.map((t) => t.elementId).sort();
const clockOf = (v: { clocks: Array<{ name: string }> }, name: string) => v.clocks.find((c) => c.name === name) as any;
const fired = (v: { history: HistoryEntry[] }) => v.history.filter((h) => h.kind === 'timer.fired').length;
const completions = (v: { history: HistoryEntry[] }, elementId: string) => v.history.filter((h) => h.kind === 'task.completed' && h.elementId === elementId);

/** What a penalty case hands to the call activity (the caller's variables). */
const CASE = { party: '湘西某化工有限公司', partyType: '法人及非法人组织', fineAmount: 300000, penaltyKinds: ['罚款'], procedure: 'penalty', legalReviewRequired: true, legalReviewRuleLabel: '对法人或其他组织处以较大数额罚款' };

const MATERIALS = {
  decisionDraft: '湘西环罚〔2026〕12号（代拟稿）：罚款三十万元',
  factsAndEvidence: '2026年2月现场检查发现超标排放；监测报告、现场检查笔录、询问笔录',
  legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项',
  discretionApplied: '生态环境行政处罚裁量基准（2026版）第3条：超标1倍以上，按上限的60%',
  investigators: ['officer1', 'officer2'],
  hearingHeld: false,
};

const ALL_POINTS_PASS = {
  checkCompetence: true,
  checkPowers: true,
  checkProcedure: true,
  checkFactsEvidence: true,
  checkLawAndDiscretion: true,
  checkDocuments: true,
  criminalReferralNeeded: false,
};

const AGREE = { ...ALL_POINTS_PASS, reviewOpinion: 'agree', reviewOpinionText: '经审核，事实清楚，证据充分，适用法律正确，程序合法，同意作出处罚决定。' };
const PROBLEMS = { ...ALL_POINTS_PASS, checkLawAndDiscretion: false, checkLawAndDiscretionRemarks: '裁量档次适用不当', reviewOpinion: 'problems', reviewProblems: '超标倍数未达1倍，应适用第2条裁量档次，请重新计算罚款金额。' };

describe('Feature: 重大执法决定法制审核 (legal-review) with its 分歧协调 (disagreement)', function () {
  let s: TestServer;
  let officer: ApiClient;
  let legal: ApiClient;
  let head: ApiClient;
  let dual: ApiClient;

  before(async () => {
    s = await startProcessServer('legal-review');
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    legal = await ApiClient.login(s.base, 'legal1', 'demo');
    head = await ApiClient.login(s.base, 'head1', 'demo');
    // Someone who sits in both the handling department and the review office.
    await s.zhifa.accounts.create({ username: 'dual', password: 'pw', displayName: '兼职人员', groups: [{ id: 'officers', name: '承办人员' }, { id: 'legal-reviewers', name: '法制审核人员' }] });
    dual = await ApiClient.login(s.base, 'dual', 'pw');
  });
  after(() => s.close());

  /** Complete the open task `elementId` of an instance as `who`; asserts the answer. */
  const complete = async (who: ApiClient, instanceId: string, elementId: string, variables: Record<string, unknown>, status = 204) => {
    const task = await openTask(s, instanceId, elementId);
    const res = await who.post(`/api/tasks/${task.id}/complete`, { variables });
    expect(res.status, `${elementId}: ${JSON.stringify(res.body)}`).to.equal(status);
    return res;
  };

  /** A review started on Monday 2 March 2026 (10:00 Shanghai) with the materials submitted by officer1. */
  const submitted = async (businessKey: string) => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    const id = await startInstance(s, 'legal-review', CASE, businessKey);
    expect(openIds(await view(s, id))).to.deep.equal(['submit']);
    await complete(officer, id, 'submit', MATERIALS);
    return id;
  };

  it('Given the materials submitted, when the reviewer agrees at once, then the review passes and legalReviewPassed = true goes back to the caller', async () => {
    const id = await submitted('湘西环罚〔2026〕1号');
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['review']);
    expect(v.variables).to.include({ handler: 'officer1', legalReviewPassed: false });

    await complete(legal, id, 'review', AGREE);
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(v.variables).to.include({ reviewOpinion: 'agree', legalReviewPassed: true, legalReviewer: 'legal1', handler: 'officer1' });
    expect(v.variables.fineAmount, 'the case variables are kept for the caller').to.equal(300000);
    expect(clockOf(v, 'legalReview').status, 'the review limit stops with the opinion').to.equal('stopped');
    const [opinion] = completions(v, 'review');
    expect(opinion.actor).to.equal('legal1');
    expect(opinion.data.variables, 'the written opinion is on record').to.include({ reviewOpinion: 'agree', checkProcedure: true, criminalReferralNeeded: false });
  });

  it('refuses an incomplete or inconsistent opinion, and a reviewer who handled or investigated the case; the case does not move', async () => {
    const id = await submitted('湘西环罚〔2026〕2号');
    const before = await view(s, id);

    const noProblems = await complete(legal, id, 'review', { ...PROBLEMS, reviewProblems: undefined }, 422);
    expect(noProblems.body.errors).to.deep.include({ field: 'reviewProblems', message: '「存在的问题及修改意见」为必填项' });

    const agreeDespiteFailedPoint = await complete(legal, id, 'review', { ...AGREE, checkFactsEvidence: false }, 422);
    expect(agreeDespiteFailedPoint.body.errors.map((e: { field: string }) => e.field)).to.include('checkFactsEvidence');

    const missingPoints = await complete(legal, id, 'review', { reviewOpinion: 'agree' }, 422);
    expect(missingPoints.body.errors).to.deep.include({ field: 'checkCompetence', message: '「执法主体及执法人员资格合法」为必填项' });

    // An investigator cannot review the case.
    const investigated = await startInstance(s, 'legal-review', CASE);
    await complete(officer, investigated, 'submit', { ...MATERIALS, investigators: ['officer1', 'dual'] });
    const asInvestigator = await complete(dual, investigated, 'review', AGREE, 422);
    expect(asInvestigator.body.errors).to.deep.equal([{ field: '', message: '您是本案的调查人员，不得办理本环节' }]);
    // Nor can the officer who submitted the materials (the handler).
    const handled = await startInstance(s, 'legal-review', CASE);
    await complete(dual, handled, 'submit', MATERIALS);
    const asHandler = await complete(dual, handled, 'review', AGREE, 422);
    expect(asHandler.body.errors).to.deep.equal([{ field: '', message: '您是本案的承办人，不得办理本环节' }]);

    const after = await view(s, id);
    expect(after.status).to.equal('running');
    expect(openIds(after)).to.deep.equal(['review']);
    expect(completions(after, 'review')).to.have.length(0);
    expect(after.variables).to.deep.equal(before.variables);
    expect((await view(s, handled)).variables.legalReviewPassed).to.equal(false);
  });

  it('Given problems found, when the handling department fixes and resubmits, then a second round passes; the limit does not run while the case is back with the handler', async () => {
    const id = await submitted('湘西环罚〔2026〕3号');
    expect(clockOf(await view(s, id), 'legalReview').dueAt).to.equal('2026-03-09T16:00:00.000Z');

    await s.api.post('/api/dev/clock', { set: '2026-03-04T02:00:00Z' });
    await complete(legal, id, 'review', PROBLEMS);
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['handleProblems']);
    expect(clockOf(v, 'legalReview')).to.include({ status: 'paused', dueAt: null });

    await complete(officer, id, 'handleProblems', { handlingResponse: 'fix', handlingReasons: '采纳审核意见，按第2条裁量档次重新计算' });
    v = await view(s, id);
    expect(openIds(v), 'back to the submission for a new round').to.deep.equal(['submit']);

    // Resubmitted on Friday 6 March: 4 and 5 March are not counted, so 9 March + 2 working days.
    await s.api.post('/api/dev/clock', { set: '2026-03-06T02:00:00Z' });
    await complete(officer, id, 'submit', { ...MATERIALS, decisionDraft: '罚款二十万元', resubmissionNote: '已按审核意见调整裁量档次' });
    v = await view(s, id);
    expect(clockOf(v, 'legalReview')).to.include({ status: 'running', dueAt: '2026-03-11T16:00:00.000Z' });
    expect((await openTask(s, id, 'review')).dueAt).to.equal('2026-03-11T16:00:00.000Z');

    await complete(legal, id, 'review', AGREE);
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(v.variables).to.include({ legalReviewPassed: true, reviewOpinion: 'agree', decisionDraft: '罚款二十万元' });
    expect(completions(v, 'review').map((h) => h.data.variables.reviewOpinion), 'both opinions are on record').to.deep.equal(['problems', 'agree']);
    expect(completions(v, 'submit'), 'two submissions').to.have.length(2);
  });

  /** The documents issued in a case, with their visible text. */
  const documentsOf = async (id: string) => {
    const list = (await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ id: number; kind: string; number: string | null }>;
    return Promise.all(list.map(async (d) => {
      const html = (await s.api.get(`/api/documents/${d.id}`)).body as string;
      return { ...d, html, text: visibleText(html) };
    }));
  };
  const USERNAMES = ['officer1', 'officer2', 'legal1', 'head1', 'head2', 'head3'];

  it('Given the reviewer agrees, then the review opinion names the submitting unit, the case and the reviewer (法制审核意见书)', async () => {
    const id = await submitted('湘西环罚〔2026〕11号');
    await s.api.post('/api/dev/clock', { set: '2026-03-04T02:00:00Z' });
    await complete(legal, id, 'review', AGREE);
    const [opinion] = (await documentsOf(id)).filter((d) => d.kind === 'review-opinion');
    expect(opinion!.number).to.match(/^湘西环法审〔2026〕\d+号$/);
    expect(opinion!.text).to.include('送审机构：湘西土家族苗族自治州生态环境局执法支队');
    expect(opinion!.text).to.include('承办人：张执法（执法证号：43000000001）');
    expect(opinion!.text).to.include('当事人：湘西某化工有限公司');
    expect(opinion!.text).to.include('拟作出的执法决定：湘西环罚〔2026〕12号（代拟稿）：罚款三十万元');
    expect(opinion!.text).to.include('审核意见：同意');
    expect(opinion!.text).to.include('审核人员：赵法制');
    expect(opinion!.text).to.include('2026年3月4日');
    expect(opinion!.text).not.to.include('存在的问题');
    expect(documentProblems(opinion!.html, { usernames: USERNAMES })).to.deep.equal([]);
  });

  it('Given a permit application reviewed with problems, then the opinion names the applicant and the matter applied for, and the problems', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    const id = await startInstance(s, 'legal-review', { applicant: '吉首市某制药有限公司', partyType: '法人及非法人组织', matter: '排污许可证核发', procedure: 'permit', legalReviewRequired: true });
    await complete(officer, id, 'submit', { ...MATERIALS, decisionDraft: '准予核发排污许可证' });
    await complete(legal, id, 'review', PROBLEMS);
    const [opinion] = (await documentsOf(id)).filter((d) => d.kind === 'review-opinion');
    expect(opinion!.text).to.include('申请人：吉首市某制药有限公司');
    expect(opinion!.text).to.include('申请事项：排污许可证核发');
    expect(opinion!.text).to.include('审核意见：存在问题');
    expect(opinion!.text).to.include(`存在的问题及修改意见：${PROBLEMS.reviewProblems}`);
    expect(documentProblems(opinion!.html, { usernames: USERNAMES })).to.deep.equal([]);
  });

  it('Given the handling department disagrees, then the disagreement process runs as a child, and a collective discussion "agree" binds: the decision may be made, recorded as 经集体讨论决定 (never 审核通过) with its own document', async () => {
    const id = await submitted('湘西环罚〔2026〕4号');
    await complete(legal, id, 'review', PROBLEMS);
    await complete(officer, id, 'handleProblems', { handlingResponse: 'disagree', handlingReasons: '超标倍数以复测报告为准，已超过1倍' });

    let v = await view(s, id);
    expect(v.tasks, 'the review waits for the coordination').to.have.length(0);
    expect(v.children).to.have.length(1);
    const childId = v.children[0].id;
    let child = await view(s, childId);
    expect(child).to.include({ processKey: 'disagreement', parentId: id, status: 'running' });
    expect(child.variables.reviewProblems, 'the child sees the opinion in dispute').to.equal(PROBLEMS.reviewProblems);
    expect(openIds(child), 'both sides state their positions in parallel').to.deep.equal(['handlingStatement', 'reviewStatement']);

    await complete(officer, childId, 'handlingStatement', { handlingPosition: '复测报告显示超标1.2倍，原裁量档次正确' });
    expect(openIds(await view(s, childId)), 'coordination waits for both statements').to.deep.equal(['reviewStatement']);
    await complete(legal, childId, 'reviewStatement', { reviewPosition: '复测报告未经质控，不能作为定案依据' });
    await complete(head, childId, 'coordination', { coordinationResult: 'unresolved', coordinationOpinion: '双方意见分歧较大，提交局务会集体讨论', coordinationDate: '2026-03-02' });
    expect(openIds(await view(s, childId))).to.deep.equal(['collectiveDiscussion']);

    const noMinutes = await complete(head, childId, 'collectiveDiscussion', { collectiveDecision: 'agree', participants: ['head1'] }, 422);
    expect(noMinutes.body.errors).to.deep.include({ field: 'minutes', message: '「会议纪要」为必填项' });
    // The same quorum rule as the penalty's collective discussion (rules/collective-discussion.json).
    expect(noMinutes.body.errors).to.deep.include({ field: 'participants', message: '集体讨论须有本机关负责人 3 人以上参加（现有负责人 3 人，须过半数且不少于 3 人），本次只有 1 人' });
    const outsider = await complete(head, childId, 'collectiveDiscussion', { collectiveDecision: 'agree', participants: ['head1', 'head2', 'legal1'], minutes: '纪要' }, 422);
    expect(outsider.body.errors).to.deep.include({ field: 'participants', message: '「参加的负责人」中的 legal1 不是本机关负责人，不能参加集体讨论' });
    expect(openIds(await view(s, childId)), 'refused: the discussion is still open').to.deep.equal(['collectiveDiscussion']);

    const noDate = await complete(head, childId, 'collectiveDiscussion', { collectiveDecision: 'agree', participants: ['head1', 'head2', 'head3'], minutes: '纪要' }, 422);
    expect(noDate.body.errors).to.deep.include({ field: 'discussionDate', message: '「讨论日期」为必填项' });
    await complete(head, childId, 'collectiveDiscussion', { collectiveDecision: 'agree', participants: ['head1', 'head2', 'head3'], minutes: '经集体讨论，采信复测报告，同意按原裁量档次作出决定', discussionDate: '2026-03-02' });
    child = await view(s, childId);
    expect(child.status).to.equal('completed');
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    // The reviewer's opinion stays as given; the decision to proceed is recorded as what it was.
    expect(v.variables).to.include({ collectiveDecision: 'agree', coordinationResult: 'unresolved', legalReviewPassed: false, legalReviewOutcome: 'proceedByCollectiveDiscussion', reviewOpinion: 'problems' });
    const docs = await documentsOf(id);
    expect(docs.map((d) => d.kind)).to.deep.equal(['review-opinion', 'review-proceed-decision']);
    const decision = docs[1]!;
    expect(decision.number).to.match(/^湘西环法审决〔2026〕\d+号$/);
    expect(v.variables.reviewProceedDecisionNo).to.equal(decision.number);
    expect(decision.text).to.include('法制审核意见分歧处理决定书');
    expect(decision.text).to.include(`审核意见（${String(v.variables.reviewOpinionNo)}）：存在问题。存在的问题及修改意见：${PROBLEMS.reviewProblems}`);
    expect(decision.text).to.include('经集体讨论决定：2026年3月2日，本机关负责人陈局长、周副局长、吴副局长集体讨论，不采纳上述审核意见，同意作出决定。');
    expect(decision.text).to.include('理由（会议纪要）：经集体讨论，采信复测报告，同意按原裁量档次作出决定');
    expect(decision.text).to.include('本案并非经法制审核通过');
    expect(decision.text).not.to.include('经协调决定');
    expect(documentProblems(decision.html, { usernames: USERNAMES })).to.deep.equal([]);
    expect(v.variables.handlingPosition, 'every opinion returns with the case').to.be.a('string');
    expect(v.variables.reviewPosition).to.be.a('string');
    expect(clockOf(v, 'legalReview').status).to.equal('stopped');
    expect(completions(child, 'coordination')[0].data.variables).to.include({ coordinationResult: 'unresolved' });
  });

  it('Given the leader resolves the disagreement by upholding the review, then the decision binds: back to fixing and resubmitting', async () => {
    const id = await submitted('湘西环罚〔2026〕5号');
    await complete(legal, id, 'review', PROBLEMS);
    await complete(officer, id, 'handleProblems', { handlingResponse: 'disagree', handlingReasons: '不同意' });
    const childId = (await view(s, id)).children[0].id;
    await complete(officer, childId, 'handlingStatement', { handlingPosition: '原裁量档次正确' });
    await complete(legal, childId, 'reviewStatement', { reviewPosition: '应适用第2条' });
    await complete(head, childId, 'coordination', { coordinationResult: 'resolved-problems', coordinationOpinion: '经协调，承办机构同意按审核意见修改', coordinationDate: '2026-03-02' });

    expect((await view(s, childId)).status).to.equal('completed');
    const v = await view(s, id);
    expect(v.variables).to.include({ collectiveDecision: 'problems', coordinationResult: 'resolved-problems', legalReviewPassed: false, legalReviewOutcome: 'pending', coordinatedBy: 'head1' });
    expect(openIds(v), 'no second disagreement: the handler fixes and resubmits').to.deep.equal(['submit']);
    expect((await documentsOf(id)).map((d) => d.kind), 'no decision to proceed: no such document').to.deep.equal(['review-opinion']);
  });

  it('Given the head in charge coordinates and both sides agree to go ahead, then the outcome is 经协调决定 with the head named, the date and the reasons; the statistics count it apart from the opinions given', async () => {
    const id = await submitted('湘西环罚〔2026〕8号');
    await complete(legal, id, 'review', PROBLEMS);
    await complete(officer, id, 'handleProblems', { handlingResponse: 'disagree', handlingReasons: '复测报告显示超标1.2倍' });
    const childId = (await view(s, id)).children[0].id;
    await complete(officer, childId, 'handlingStatement', { handlingPosition: '复测报告显示超标1.2倍，原裁量档次正确' });
    await complete(legal, childId, 'reviewStatement', { reviewPosition: '复测报告未经质控' });
    await s.api.post('/api/dev/clock', { set: '2026-03-05T02:00:00Z' });
    const future = await complete(head, childId, 'coordination', { coordinationResult: 'resolved-agree', coordinationOpinion: '复测报告经补充质控，双方同意采信', coordinationDate: '2026-03-06' }, 422);
    expect(future.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['coordinationDate']);
    await complete(head, childId, 'coordination', { coordinationResult: 'resolved-agree', coordinationOpinion: '复测报告经补充质控，双方同意采信', coordinationDate: '2026-03-05' });

    const v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(v.variables).to.include({ reviewOpinion: 'problems', legalReviewPassed: false, legalReviewOutcome: 'proceedByCoordination', coordinatedBy: 'head1' });
    const decision = (await documentsOf(id)).find((d) => d.kind === 'review-proceed-decision')!;
    expect(decision.text).to.include('经协调决定：2026年3月5日，分管负责人陈局长听取双方意见后协调，双方协调一致，不采纳上述审核意见，同意作出决定。');
    expect(decision.text).to.include('理由：复测报告经补充质控，双方同意采信');
    expect(decision.text).to.include('承办机构意见：复测报告显示超标1.2倍，原裁量档次正确');
    expect(decision.text).to.include('法制审核机构意见：复测报告未经质控');
    expect(decision.text).to.include('2026年3月5日');
    expect(documentProblems(decision.html, { usernames: USERNAMES })).to.deep.equal([]);

    const stats = await s.api.get('/api/statistics?from=2026-03-01&to=2026-03-31');
    expect(stats.status).to.equal(200);
    expect(stats.body.reviewOpinions.proceedByCoordination).to.equal(1);
    expect(stats.body.reviewOpinions.proceedByCollectiveDiscussion).to.equal(1);
  });

  it('Given the review limit of P5WD from Monday 2 March, then it is due at the end of 9 March; an approved extension of P3WD moves the review task and its timer to the end of 12 March', async () => {
    const id = await submitted('湘西环罚〔2026〕6号');
    let v = await view(s, id);
    expect(clockOf(v, 'legalReview')).to.include({ status: 'running', dueAt: '2026-03-09T16:00:00.000Z' });
    expect((await openTask(s, id, 'review')).dueAt).to.equal('2026-03-09T16:00:00.000Z');
    expect(v.timers.map((t: { dueAt: string }) => t.dueAt)).to.deep.equal(['2026-03-09T16:00:00.000Z']);

    const extended = await s.api.post(`/api/instances/${id}/clocks/legalReview/extend`, { period: 'P3WD', reason: '案情复杂，负责人批准延长' });
    expect(extended.status).to.equal(200);
    expect(extended.body).to.include({ status: 'running', dueAt: '2026-03-12T16:00:00.000Z' });
    v = await view(s, id);
    expect((await openTask(s, id, 'review')).dueAt).to.equal('2026-03-12T16:00:00.000Z');
    expect(v.timers.map((t: { dueAt: string }) => t.dueAt)).to.deep.equal(['2026-03-12T16:00:00.000Z']);
    await s.api.post('/api/dev/clock', { set: '2026-03-10T00:00:00Z' });
    expect(fired(await view(s, id)), 'nothing fires at the old limit').to.equal(0);

    // At the extended limit the head is asked; approving on the form extends the limit again.
    await s.api.post('/api/dev/clock', { set: '2026-03-12T15:59:59Z' });
    expect(fired(await view(s, id))).to.equal(0);
    await s.api.post('/api/dev/clock', { advance: 'PT1S' });
    v = await view(s, id);
    expect(fired(v)).to.equal(1);
    expect(openIds(v)).to.deep.equal(['handleOverdue', 'review']);
    await complete(head, id, 'handleOverdue', { extensionApproved: true, overdueHandling: '审核人员外出执法，批准延长3个工作日' });
    v = await view(s, id);
    // 13, 16 and 17 March.
    expect(clockOf(v, 'legalReview').dueAt).to.equal('2026-03-17T16:00:00.000Z');
    expect((await openTask(s, id, 'review')).dueAt).to.equal('2026-03-17T16:00:00.000Z');
    expect(v.variables).to.include({ extensionApproved: true, legalReviewExtensionBy: 'head1' });
    expect(clockOf(v, 'legalReview').events.filter((e: { kind: string }) => e.kind === 'extend')).to.have.length(2);

    await complete(legal, id, 'review', AGREE);
    expect((await view(s, id)).variables.legalReviewPassed).to.equal(true);
  });

  it('Given the limit passed and the head has not yet answered, when the reviewer gives the opinion, then the review ends and the overdue task is withdrawn', async () => {
    const id = await submitted('湘西环罚〔2026〕7号');
    await s.api.post('/api/dev/clock', { set: '2026-03-09T15:59:59Z' });
    expect(fired(await view(s, id))).to.equal(0);
    await s.api.post('/api/dev/clock', { advance: 'PT1S' });
    expect(fired(await view(s, id))).to.equal(1);
    const overdue = await openTask(s, id, 'handleOverdue');
    await complete(legal, id, 'review', AGREE);
    const v = await view(s, id);
    expect(v.status, 'the caller does not wait for the overdue task').to.equal('completed');
    expect(v.tasks).to.have.length(0);
    expect(v.variables.legalReviewPassed).to.equal(true);
    expect((await head.post(`/api/tasks/${overdue.id}/complete`, { variables: { extensionApproved: false, overdueHandling: '—' } })).status).to.equal(409);
  });
});
