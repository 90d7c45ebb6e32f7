import { expect } from 'chai';
import { completeTask, firedDuring, firedIn, openTask, startInstance, submitTask, view } from '../../helpers/fixtures.ts';
import { media, uploadEvidence, uploadRecording } from '../../helpers/evidence.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';
import { documentProblems, visibleText } from '../../../src/domain/document-quality.ts';
import { caseReview, filing, lead, notifyAndServe } from '../../helpers/penalty-case.ts';

type View = Awaited<ReturnType<typeof view>>;
const openIds = (v: View) => v.tasks.map((t: { elementId: string }) => t.elementId).sort();
const passed = (v: View) => v.history.map((h: { elementId?: string }) => h.elementId);
const seizureClock = (v: View) => v.clocks.find((c: { name: string }) => c.name === 'seizure');
const timerOf = (v: View, elementId: string) => v.timers.find((t: { elementId: string }) => t.elementId === elementId);
/** Other cases of this file run on the same clock: what fired is read from this case's record. */
const firedTimers = (v: View) => v.history.filter((h: { kind: string }) => h.kind === 'timer.fired').map((h: { elementId: string }) => h.elementId);

/** 行政强制措施（查封、扣押）: Coercion Law Arts. 18, 19, 24, 25, 27, 28, driven through processes/coercion.bpmn. */
describe('Feature: seizure and sealing (行政强制措施：查封、扣押)', () => {
  let s: TestServer;
  let officer: ApiClient;
  let head: ApiClient;
  let legal: ApiClient;
  let manager: ApiClient;
  let reviewer: ApiClient;
  before(async () => {
    s = await startProcessServer('coercion');
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    head = await ApiClient.login(s.base, 'head1', 'demo');
    legal = await ApiClient.login(s.base, 'legal1', 'demo');
    manager = await ApiClient.login(s.base, 'manager1', 'demo');
    reviewer = await ApiClient.login(s.base, 'reviewer1', 'demo');
  });
  after(() => s.close());

  const setClock = async (iso: string) => (await s.api.post('/api/dev/clock', { set: iso })).body;
  const submit = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => submitTask(s, who, id, elementId, variables);
  const complete = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => completeTask(s, who, id, elementId, variables);
  /** The seizure on site is on the audio-video list: its recording is uploaded before the step completes. */
  const completeOnSite = async (id: string, variables: Record<string, unknown>) => {
    await uploadRecording(s, officer, id, 'onSite');
    await complete(officer, id, 'onSite', variables);
  };

  const onSite = (overrides: Record<string, unknown> = {}) => ({
    officers: ['officer1', 'officer2'],
    certificatesShown: true,
    measure: '扣押',
    party: '某化工有限公司',
    seizureObjects: '暗管排污用水泵 2 台',
    seizureItems: [{ name: '暗管排污用水泵', quantity: '2 台', condition: '外观完好，可正常运转' }],
    seizureReason: '通过暗管逃避监管排放污染物',
    legalBasis: '《中华人民共和国环境保护法》第二十五条',
    partyNotified: true,
    partyPresent: true,
    reasonsAndRightsStated: true,
    statementHeard: '当事人称水泵系临时使用',
    recordNo: '现场笔录〔2026〕7号',
    recordSignature: '当事人和执法人员签名或盖章',
    seizureDecisionNo: '湘西环封扣〔2026〕3号',
    inventoryNo: '清单〔2026〕3号',
    documentsHandedOver: true,
    testingNeeded: false,
    ...overrides,
  });
  const approval = (approved: boolean) => ({ approved, approvalOpinion: approved ? '同意实施' : '不符合紧急情况条件，不予批准' });
  const release = {
    releaseReason: '查封、扣押期限届满', releaseDecisionNo: '湘西环封扣解〔2026〕1号', itemsReturned: '暗管排污用水泵 2 台，外观完好，当场退还',
    returnedOn: '2026-04-02', returnedBy: ['officer1', 'officer2'], returnSignature: '当事人委托代理人刘某签收',
  };
  /** The text of the case's issued document of `kind`, as the party reads it. */
  const documentText = async (id: string, kind: string) => {
    const docs = (await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ id: number; kind: string }>;
    const doc = docs.find((d) => d.kind === kind);
    expect(doc, `a ${kind} document`).to.exist;
    return visibleText((await s.api.get(`/api/documents/${doc!.id}`)).body as string);
  };
  const reviewOk = { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true };

  /** The case's running 法制审核 (processes/legal-review.bpmn, a called child). */
  const runningReview = async (id: string) => (await view(s, id)).children.find((c: { processKey: string; status: string }) => c.processKey === 'legal-review' && c.status === 'running') as { id: string } | undefined;
  const seizureSubmission = {
    decisionDraft: '查封、扣押决定书（代拟稿）：扣押暗管排污用水泵 2 台', factsAndEvidence: '现场检查笔录、照片', legalBasis: '《中华人民共和国环境保护法》第二十五条，《中华人民共和国行政强制法》第十八条',
    discretionApplied: '不适用', investigators: ['officer1', 'officer2'], hearingHeld: false,
  };
  const reviewAgree = {
    checkCompetence: true, checkPowers: true, checkProcedure: true, checkFactsEvidence: true,
    checkLawAndDiscretion: true, checkDocuments: true, criminalReferralNeeded: false, reviewOpinion: 'agree',
  };
  /** 查封、扣押 is in the agency's legal-review catalog: the seizure decision is submitted and the reviewer agrees. */
  const seizureReviewed = async (id: string) => {
    const review = await runningReview(id);
    expect(review, 'a running legal review of the seizure').to.exist;
    await complete(officer, review!.id, 'submit', seizureSubmission);
    await complete(legal, review!.id, 'review', reviewAgree);
    return review!.id;
  };

  /** The running 公示 children (processes/publication.bpmn, one per call activity), by the decision document they publish. */
  const publishing = async (v: View): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const c of v.children.filter((c: { processKey: string; status: string }) => c.processKey === 'publication' && c.status === 'running')) {
      out[(await view(s, c.id)).variables.decisionTitle as string] = c.id;
    }
    return out;
  };
  const publishingTitles = async (v: View) => Object.keys(await publishing(v)).sort();

  /** Given a seizure approved beforehand and executed on site on 2 March 2026 (09:00 Shanghai). */
  const executedOnSite = async (siteVars: Record<string, unknown> = {}) => {
    await setClock('2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: false });
    await seizureReviewed(id);
    expect(openIds(await view(s, id))).to.deep.equal(['priorApproval']);
    await complete(head, id, 'priorApproval', approval(true));
    await completeOnSite(id, onSite(siteVars));
    return id;
  };

  it('Given a seizure executed on 2 March, its 30 days end with 1 April; the handling department asks for an extension, the head refuses once, then approves: 30 days more end on 1 May although it is Labour Day (a maximum duration, 强制法 art. 25 "不得超过三十日", does not roll over), and no second extension can be asked for; the head releases the pumps on 20 April', async () => {
    const id = await executedOnSite();
    let v = await view(s, id);
    // Day of the seizure not counted: 3 March … 1 April is 30 days; the period ends at 24:00 Shanghai.
    expect(seizureClock(v)).to.include({ status: 'running', dueAt: '2026-04-01T16:00:00.000Z' });
    expect(openIds(v), 'the head decides; the handling department may ask for an extension meanwhile').to.deep.equal(['decide', 'extensionRequest']);
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2026-04-01T16:00:00.000Z');
    expect((await openTask(s, id, 'extensionRequest')).candidateGroups).to.deep.equal(['officers']);
    expect(timerOf(v, 'expiry').dueAt).to.equal('2026-04-01T16:00:00.000Z');
    // The seizure decision goes to the 公示 sub-process as an 'other' decision, published within 20 working days: 3 March … 30 March.
    expect(v.variables).to.include({ publicationKind: 'other', decisionTitle: '查封、扣押决定书', decisionKind: '查封、扣押' });
    const seizurePub = (await publishing(v))['查封、扣押决定书'];
    expect(seizurePub, 'the seizure is being published').to.be.a('string');
    expect((await openTask(s, seizurePub, 'review')).dueAt).to.equal('2026-03-30T16:00:00.000Z');

    // The extension is decided while the seizure decision still waits for its publication.
    await setClock('2026-03-25T02:00:00Z');
    // The handling department asks, the leader in charge decides (Art. 25); until approved, the end does not move.
    await complete(officer, id, 'extensionRequest', { extensionRequestReason: '涉案水泵来源需进一步调查，情况复杂' });
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['decide', 'extensionApproval']);
    expect((await openTask(s, id, 'extensionApproval')).candidateGroups).to.deep.equal(['heads']);
    await complete(head, id, 'extensionApproval', { seizureExtensionApproved: false, extensionApprovalOpinion: '理由不充分，请补充说明' });
    v = await view(s, id);
    expect(openIds(v), 'refused: the department may ask again').to.deep.equal(['decide', 'extensionRequest']);
    expect(seizureClock(v)).to.include({ status: 'running', dueAt: '2026-04-01T16:00:00.000Z' });
    expect(seizureClock(v).events.map((e: { kind: string }) => e.kind)).to.deep.equal(['start']);
    await complete(officer, id, 'extensionRequest', { extensionRequestReason: '涉案水泵来源需向外省供货商核实，情况复杂' });
    await complete(head, id, 'extensionApproval', { seizureExtensionApproved: true, extensionApprovalOpinion: '同意延长30日' });
    v = await view(s, id);
    // 60 days from 2 March is 1 May, a rest day (Labour Day 1–5 May): a maximum duration of a measure is not rolled
    // over to 6 May (rules/clock-roll-over.json), or the pumps would stay seized five days longer than art. 25 allows.
    expect(seizureClock(v)).to.include({ status: 'running', dueAt: '2026-05-01T16:00:00.000Z' });
    expect(v.variables).to.include({ extended: true, seizureExtensionRequestedBy: 'officer1', seizureExtensionApprovedBy: 'head1' });
    expect(openIds(v), 'the decision stays open, due on the new end').to.deep.equal(['decide', 'extensionNotice']);
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2026-05-01T16:00:00.000Z');
    expect(await publishingTitles(v)).to.deep.equal(['查封、扣押决定书']);

    await complete(officer, id, 'extensionNotice', { extensionNoticeNo: '湘西环封扣延〔2026〕1号', extensionReason: '情况复杂，需进一步调查', partyInformed: true });
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['decide']);
    expect(await publishingTitles(v), 'two publications of one case at once').to.deep.equal(['延长查封、扣押期限决定书', '查封、扣押决定书']);
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2026-05-01T16:00:00.000Z');
    expect(timerOf(v, 'expiry').dueAt).to.equal('2026-05-01T16:00:00.000Z');
    // 26, 27, 30, 31 March, 1–3 April, (Qingming 4–6 April off), 7–10, 13–17, 20–23 April: the 20th working day is 23 April.
    const extensionPub = (await publishing(v))['延长查封、扣押期限决定书'];
    expect((await openTask(s, extensionPub, 'review')).dueAt).to.equal('2026-04-23T16:00:00.000Z');
    expect((await openTask(s, seizurePub, 'review')).dueAt, 'the first publication keeps its own limit').to.equal('2026-03-30T16:00:00.000Z');
    // Each publication's clocks belong to it; the case lists them all.
    const publicationClocks = (v.clocks as Array<{ name: string; instanceId: string; dueAt: string }>).filter((c) => c.name.startsWith('publication'));
    expect(publicationClocks.map((c) => [c.instanceId === seizurePub ? 'seizure' : c.instanceId === extensionPub ? 'extension' : c.instanceId, c.name, c.dueAt])).to.have.deep.members([
      ['seizure', 'publication', '2026-03-30T16:00:00.000Z'],
      ['seizure', 'publicationReminder', '2026-03-27T16:00:00.000Z'],
      ['extension', 'publication', '2026-04-23T16:00:00.000Z'],
      ['extension', 'publicationReminder', '2026-04-22T16:00:00.000Z'],
    ]);

    // The seizure publication's reminder and escalation come on its own limit and leave the extension's alone.
    expect(await firedDuring(s, seizurePub, () => setClock('2026-03-27T16:00:00Z')), 'the seizure publication\'s reminder').to.have.length(1);
    expect(await firedIn(s, extensionPub)).to.deep.equal([]);
    expect(openIds(await view(s, seizurePub))).to.deep.equal(['remind', 'review']);
    expect(openIds(await view(s, extensionPub))).to.deep.equal(['review']);
    await complete(manager, seizurePub, 'remind', { reminderHandled: true, reminderRemarks: '已督促' });
    expect(await firedDuring(s, seizurePub, () => setClock('2026-03-30T16:00:00Z')), 'the seizure publication\'s escalation').to.have.length(1);
    expect(await firedIn(s, extensionPub)).to.deep.equal([]);
    expect(openIds(await view(s, seizurePub))).to.deep.equal(['escalate', 'review']);
    expect(openIds(await view(s, extensionPub))).to.deep.equal(['review']);
    await complete(head, seizurePub, 'escalate', { overdueReason: '承办人出差', supervisionOpinion: '立即公示' });

    // Published late, the seizure stops its own clocks; the extension's keep running.
    await setClock('2026-03-31T02:00:00Z');
    await complete(officer, seizurePub, 'review', reviewOk);
    v = await view(s, id);
    expect(await publishingTitles(v)).to.deep.equal(['延长查封、扣押期限决定书']);
    expect(v.variables, 'the returning publication does not undo what the case set meanwhile').to.include({ published: true, decisionTitle: '延长查封、扣押期限决定书', decisionKind: '延长查封、扣押期限' });
    const clockStatus = (instanceId: string, name: string) => v.clocks.find((c: { instanceId: string; name: string }) => c.instanceId === instanceId && c.name === name);
    expect(clockStatus(seizurePub, 'publication').status).to.equal('stopped');
    expect(clockStatus(extensionPub, 'publication')).to.include({ status: 'running', dueAt: '2026-04-23T16:00:00.000Z' });
    expect((await openTask(s, extensionPub, 'review')).dueAt).to.equal('2026-04-23T16:00:00.000Z');

    // The old end passes without a release.
    expect(await firedDuring(s, id, () => setClock('2026-04-02T00:00:00Z'))).to.deep.equal([]);
    expect(openIds(await view(s, id))).to.include('decide');
    await complete(officer, extensionPub, 'review', reviewOk);

    // No second extension: once one is approved nothing is left to ask for, and the head's decision cannot extend by itself.
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['decide']);
    expect(passed(v)).to.include('endExtensionPublished');
    const extendInDecision = await submit(head, id, 'decide', { extend: true, handling: 'release', decisionReasons: '仍需调查' });
    expect(extendInDecision.status).to.equal(422);
    v = await view(s, id);
    expect(passed(v).filter((e: string) => e === 'extendClock'), 'extended once').to.have.length(1);
    expect(seizureClock(v).dueAt).to.equal('2026-05-01T16:00:00.000Z');
    expect(seizureClock(v).events.filter((e: { kind: string }) => e.kind === 'extend')).to.have.length(1);
    expect(openIds(v)).to.deep.equal(['decide']);

    await setClock('2026-04-20T02:00:00Z');
    await complete(head, id, 'decide', { handling: 'release', decisionReasons: '水泵来源已查清，不属于依法应当没收的财物，解除扣押', decisionNo: '湘西环封扣处〔2026〕9号' });
    v = await view(s, id);
    expect(seizureClock(v).status).to.equal('stopped');
    expect(v.timers.filter((t: { elementId: string }) => t.elementId === 'expiry')).to.have.length(0);
    expect(openIds(v)).to.deep.equal(['release']);
    await complete(officer, id, 'release', { ...release, releaseReason: '水泵来源已查清，解除扣押', returnedOn: '2026-04-20' });
    v = await view(s, id);
    const pubs = await publishing(v);
    expect(Object.keys(pubs)).to.deep.equal(['解除查封、扣押决定书']);
    expect((await openTask(s, pubs['解除查封、扣押决定书'], 'review')).dueAt, '20 working days from 20 April (Labour Day 1–5 May off)').to.equal('2026-05-20T16:00:00.000Z');
    await complete(officer, pubs['解除查封、扣押决定书'], 'review', reviewOk);
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(passed(v)).to.include.members(['publishSeizure', 'publishExtension', 'publishRelease']);
    const published = (await s.api.get(`/api/instances/${id}/publications`)).body as Array<{ kind: string; fields: Record<string, unknown> }>;
    expect(published.map((p) => [p.kind, p.fields['决定文书名称'], p.fields['决定类别'], p.fields['行政相对人名称']]).sort()).to.deep.equal([
      ['other', '延长查封、扣押期限决定书', '延长查封、扣押期限', '某化工有限公司'],
      ['other', '查封、扣押决定书', '查封、扣押', '某化工有限公司'],
      ['other', '解除查封、扣押决定书', '解除查封、扣押', '某化工有限公司'],
    ].sort());
    expect(passed(v)).to.include.members(['endReleased', 'endExtensionPublished', 'endSeizurePublished']);
    expect(passed(v)).to.not.include('expiryRelease');
    expect(passed(v), 'the extension branch had ended with its publication').to.not.include('endExtensionWithdrawn');
  });

  describe('the seizure decision is legally reviewed (查封、扣押 in rules/legal-review-catalog.json)', () => {
    const gate = '本案属于法制审核目录（查封、扣押），未经法制审核或审核未通过，不得作出决定';
    const reviewClock = (v: View, reviewId: string) => v.clocks.find((c: { name: string; instanceId: string }) => c.name === 'legalReview' && c.instanceId === reviewId);
    const report = { emergencyCircumstances: '当事人正在转移涉案设备', reportedTo: '陈局长', reportContent: '已当场扣押水泵 2 台，请求补办批准' };

    it('Given a seizure proposed on Monday 2 March, it is reviewed before the head may approve it: the review is due in 5 working days (9 March), the opinion of 4 March reads 同意, and the period runs from the seizure on site on 4 March (3 April)', async () => {
      await setClock('2026-03-02T01:00:00Z');
      const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: false });
      let v = await view(s, id);
      expect(v.variables).to.include({ legalReviewRequired: true, legalReviewRule: 'seizure', legalReviewRuleLabel: '查封、扣押' });
      expect(openIds(v), 'no approval before the review').to.deep.equal([]);
      const review = await runningReview(id);
      await complete(officer, review!.id, 'submit', seizureSubmission);
      v = await view(s, id);
      expect(reviewClock(v, review!.id)).to.include({ status: 'running', dueAt: '2026-03-09T16:00:00.000Z' });
      await setClock('2026-03-04T01:00:00Z');
      await complete(legal, review!.id, 'review', reviewAgree);
      v = await view(s, id);
      expect(v.variables).to.include({ legalReviewOutcome: 'passed', legalReviewPassed: true });
      expect(openIds(v)).to.deep.equal(['priorApproval']);
      const opinion = await documentText(id, 'review-opinion');
      expect(opinion).to.include('拟作出的执法决定：查封、扣押决定书（代拟稿）：扣押暗管排污用水泵 2 台');
      expect(opinion).to.include('审核意见：同意');
      expect(opinion).to.include('2026年3月4日');
      await complete(head, id, 'priorApproval', approval(true));
      await completeOnSite(id, onSite());
      v = await view(s, id);
      // 5 March … 3 April is 30 days: the day of the seizure is not counted (强制法 art. 25).
      expect(seizureClock(v)).to.include({ status: 'running', dueAt: '2026-04-03T16:00:00.000Z' });
      expect(openIds(v)).to.deep.equal(['decide', 'extensionRequest']);
    });

    it('Given an emergency seizure on 2 March reported the same day, the review runs beside the after-the-fact approval: the head cannot approve before the review has passed (422, nothing moves); reviewed on 5 March and approved on 6 March, the period still ends with 1 April', async () => {
      const id = await emergencySeizure();
      await setClock('2026-03-02T08:00:00Z');
      await complete(officer, id, 'report', report);
      let v = await view(s, id);
      expect(openIds(v)).to.deep.equal(['postApproval']);
      const review = await runningReview(id);
      expect(review, 'the review starts with the approval').to.exist;
      const early = await submit(head, id, 'postApproval', approval(true));
      expect(early.status).to.equal(422);
      expect(early.body.errors).to.deep.equal([{ field: '', message: gate }]);
      v = await view(s, id);
      expect(openIds(v), 'nothing moved').to.deep.equal(['postApproval']);
      expect(v.variables.approved).to.equal(undefined);
      await complete(officer, review!.id, 'submit', seizureSubmission);
      await setClock('2026-03-05T02:00:00Z');
      await complete(legal, review!.id, 'review', reviewAgree);
      expect((await view(s, review!.id)).status).to.equal('completed');
      await setClock('2026-03-06T02:00:00Z');
      await complete(head, id, 'postApproval', approval(true));
      v = await view(s, id);
      expect(openIds(v)).to.deep.equal(['decide', 'extensionRequest']);
      expect(passed(v)).to.include('endEmergencyReviewed');
      expect((await openTask(s, id, 'decide')).dueAt, 'the period runs from the seizure on site, not from the review or the approval').to.equal('2026-04-01T16:00:00.000Z');
    });

    it('Given an emergency seizure whose review is still running when the head refuses the approval on 3 March, the review is withdrawn and the goods are released at once', async () => {
      const id = await emergencySeizure();
      await setClock('2026-03-02T08:00:00Z');
      await complete(officer, id, 'report', report);
      const review = await runningReview(id);
      await complete(officer, review!.id, 'submit', seizureSubmission);
      await setClock('2026-03-03T02:00:00Z');
      await complete(head, id, 'postApproval', approval(false));
      const v = await view(s, id);
      expect(openIds(v)).to.deep.equal(['releaseNow']);
      expect(passed(v)).to.include.members(['throwRefused', 'endEmergencyReviewWithdrawn']);
      const r = await view(s, review!.id);
      expect(r.status, 'the review is cancelled').to.equal('cancelled');
      expect(reviewClock(v, review!.id).status).to.equal('stopped');
      expect(seizureClock(v).status).to.equal('stopped');
    });

    it('Given an emergency seizure whose review is still running at 24:00 on 1 April, the goods are released at expiry (ended 1 April) and the review and the approval are cancelled', async () => {
      const id = await emergencySeizure();
      await setClock('2026-03-02T08:00:00Z');
      await complete(officer, id, 'report', report);
      const review = await runningReview(id);
      await complete(officer, review!.id, 'submit', seizureSubmission);
      await setClock('2026-04-01T15:59:59Z');
      expect(openIds(await view(s, id))).to.deep.equal(['postApproval']);
      expect((await view(s, review!.id)).status).to.equal('running');
      await s.api.post('/api/dev/clock', { advance: 'PT1S' });
      const v = await view(s, id);
      expect(firedTimers(v)).to.include('expiryDuringPostApproval');
      expect(openIds(v)).to.deep.equal(['expiryRelease']);
      expect(v.variables.seizureEndedOn).to.equal('2026-04-01');
      expect(passed(v)).to.include.members(['throwExpired', 'endEmergencyReviewWithdrawn']);
      const r = await view(s, review!.id);
      expect(r.status).to.equal('cancelled');
      expect(r.tasks).to.deep.equal([]);
      expect(reviewClock(v, review!.id).status, 'the cancelled review no longer counts as running late').to.equal('stopped');
      await releasedAndPublished(id);
    });
  });

  it('Given no handling decision by the end of the period, the seizure is released at expiry: the timer fires at 24:00 on 1 April, not a second earlier', async () => {
    const id = await executedOnSite();
    await setClock('2026-03-20T02:00:00Z');
    await complete(officer, (await publishing(await view(s, id)))['查封、扣押决定书'], 'review', reviewOk);
    expect(await firedDuring(s, id, () => setClock('2026-04-01T15:59:59Z'))).to.deep.equal([]);
    expect(openIds(await view(s, id))).to.include('decide');
    expect(await firedDuring(s, id, () => s.api.post('/api/dev/clock', { advance: 'PT1S' }))).to.deep.equal(['expiry']);

    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['expiryRelease']);
    // 强制法 art. 28: the seizure ended with its last day, 1 April; the release is decided the day the expiry takes effect (by 24:00 on 2 April), not left without a due date.
    expect(v.variables.seizureEndedOn).to.equal('2026-04-01');
    expect((await openTask(s, id, 'expiryRelease')).dueAt).to.equal('2026-04-02T16:00:00.000Z');
    expect(await publishingTitles(v)).to.deep.equal([]);
    expect(v.history.filter((h: { kind: string }) => h.kind === 'timer.fired').map((h: { elementId: string }) => h.elementId)).to.deep.equal(['expiry']);
    expect(seizureClock(v).status).to.equal('stopped');

    // The return is recorded (who, when, what, signed) or the release is refused.
    const unsigned = await submit(officer, id, 'expiryRelease', { ...release, returnSignature: undefined });
    expect(unsigned.status).to.equal(422);
    await complete(officer, id, 'expiryRelease', release);
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal([]);
    // The party is told in writing that the seizure ended on 1 April, and what was returned, when, by whom, signed by whom.
    const text = await documentText(id, 'seizure-release');
    expect(text).to.include('期限已于2026年4月1日届满，查封、扣押自该日终止（《中华人民共和国行政强制法》第二十八条）。现决定予以解除，退还财物。');
    expect(text).to.include('退还的财物：暗管排污用水泵 2 台，外观完好，当场退还');
    expect(text).to.include('退还日期：2026年4月2日\n退还人员：张执法（执法证号：43000000001）、李执法（执法证号：43000000002）');
    expect(text).to.include('签收：当事人委托代理人刘某签收');
    expect(text).to.not.match(/officer\d/);
    expect(await publishingTitles(v)).to.deep.equal(['解除查封、扣押决定书']);
    expect(v.variables).to.include({ publicationKind: 'other', decisionTitle: '解除查封、扣押决定书', decisionKind: '解除查封、扣押' });
    // Published within 20 working days of 2 April: 3, 7–10, 13–17, 20–24, 27–30 April (Qingming 4–6 April off), then 6 May (Labour Day 1–5 May off).
    const releasePub = (await publishing(v))['解除查封、扣押决定书'];
    expect((await openTask(s, releasePub, 'review')).dueAt).to.equal('2026-05-06T16:00:00.000Z');
    await complete(officer, releasePub, 'review', reviewOk);
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(passed(v)).to.include.members(['publishRelease', 'endReleased']);
    await s.api.post('/api/dev/clock', { advance: 'P60D' });
    v = await view(s, id);
    expect(v.history.filter((h: { kind: string }) => h.kind === 'timer.fired').map((h: { elementId: string }) => h.elementId), 'never twice').to.deep.equal(['expiry']);
  });

  it('Given goods sent for testing, the testing time is not counted: the end moves by the days it took, and a Saturday end stays on Saturday (a maximum duration, 强制法 art. 25)', async () => {
    const id = await executedOnSite({ testingNeeded: true });
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['extensionRequest', 'testing']);
    expect(await publishingTitles(v)).to.deep.equal(['查封、扣押决定书']);
    expect(seizureClock(v)).to.include({ status: 'paused', dueAt: null });

    await setClock('2026-03-12T02:00:00Z');
    await complete(officer, id, 'testing', {
      testingKind: '检测',
      testingInstitution: '湘西州环境监测中心站',
      partyInformedOfPeriod: true,
      testingReportNo: '检测〔2026〕15号',
      testingResult: '水泵出水口废水化学需氧量超标',
    });
    await complete(officer, (await publishing(await view(s, id)))['查封、扣押决定书'], 'review', reviewOk);
    v = await view(s, id);
    // Paused 2–11 March (10 days): 30 + 10 days from 2 March is Saturday 11 April; not rolled to Monday 13 April.
    expect(seizureClock(v)).to.include({ status: 'running', dueAt: '2026-04-11T16:00:00.000Z' });
    expect(openIds(v)).to.deep.equal(['decide', 'extensionRequest']);
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2026-04-11T16:00:00.000Z');
    expect(timerOf(v, 'expiry').dueAt).to.equal('2026-04-11T16:00:00.000Z');
    expect(await firedDuring(s, id, () => setClock('2026-04-02T00:00:00Z')), 'not released at the uncorrected end').to.deep.equal([]);

    await complete(head, id, 'decide', { handling: 'release', decisionReasons: '检测结果不足以认定违法，解除扣押' });
    v = await view(s, id);
    expect(v.children.filter((c: { processKey: string }) => c.processKey === 'legal-review').length, 'a release is not sent to legal review: the seizure\'s own review only').to.equal(1);
    expect(v.variables.procedure).to.equal('coercion');
    expect(seizureClock(v).status).to.equal('stopped');
    expect(openIds(v)).to.deep.equal(['release']);
    await complete(officer, id, 'release', { ...release, releaseReason: '经检测不构成违法' });
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal([]);
    expect(await publishingTitles(v)).to.deep.equal(['解除查封、扣押决定书']);
  });

  it('Given an emergency seizure on site, it is reported within 24 hours; not approved afterwards, it is released at once', async () => {
    await setClock('2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: true });
    let v = await view(s, id);
    expect(openIds(v), 'on site first, no prior approval').to.deep.equal(['onSite']);
    await completeOnSite(id, onSite({ partyPresent: false, witness: '村委会主任 王某', recordSignature: '当事人不到场，见证人和执法人员签名或盖章' }));
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['report']);
    expect((await openTask(s, id, 'report')).dueAt).to.equal('2026-03-03T01:00:00.000Z');
    expect(seizureClock(v)).to.include({ status: 'running', dueAt: '2026-04-01T16:00:00.000Z' });

    await setClock('2026-03-02T08:00:00Z');
    await complete(officer, id, 'report', { emergencyCircumstances: '当事人正在转移涉案设备', reportedTo: '陈局长', reportContent: '已当场扣押水泵 2 台，请求补办批准' });
    v = await view(s, id);
    expect(openIds(v), 'reported in time: nothing for the head but the approval').to.deep.equal(['postApproval']);
    expect(v.variables.emergencyReportLate).to.equal(false);
    await complete(head, id, 'postApproval', approval(false));
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['releaseNow']);
    expect(seizureClock(v).status).to.equal('stopped');
    expect(seizureClock(v).events.map((e: { kind: string }) => e.kind)).to.deep.equal(['start', 'stop']);
    expect(v.timers, 'no expiry left armed').to.deep.equal([]);
    await complete(officer, id, 'releaseNow', { ...release, releaseReason: '补办批准未获批准，立即解除' });
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(passed(v)).to.include('endReleasedUnapproved');
    expect(passed(v)).to.not.include('decide');
    await setClock('2026-04-02T02:00:00Z');
    v = await view(s, id);
    expect(firedTimers(v), 'the stopped clock releases nothing a second time').to.deep.equal([]);
    expect(passed(v)).to.not.include('expiryRelease');
  });

  it('Given an emergency seizure approved afterwards, the case goes on to the handling decision on the clock started on site', async () => {
    await setClock('2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: true });
    await completeOnSite(id, onSite());
    let v = await view(s, id);
    expect(timerOf(v, 'expiryDuringReport').dueAt, 'the period runs from the seizure on site').to.equal('2026-04-01T16:00:00.000Z');
    await setClock('2026-03-02T10:00:00Z');
    await complete(officer, id, 'report', { emergencyCircumstances: '当事人正在转移涉案设备', reportedTo: '陈局长', reportContent: '已当场扣押' });
    v = await view(s, id);
    expect(v.timers.map((t: { elementId: string; dueAt: string }) => [t.elementId, t.dueAt])).to.deep.equal([['expiryDuringPostApproval', '2026-04-01T16:00:00.000Z']]);
    await setClock('2026-03-06T02:00:00Z');
    await seizureReviewed(id);
    await complete(head, id, 'postApproval', approval(true));
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['decide', 'extensionRequest']);
    expect(await publishingTitles(v)).to.deep.equal(['查封、扣押决定书']);
    expect((await openTask(s, id, 'decide')).dueAt, 'approval four days later does not restart the period').to.equal('2026-04-01T16:00:00.000Z');
    expect(timerOf(v, 'expiry').dueAt).to.equal('2026-04-01T16:00:00.000Z');
    expect(v.timers.filter((t: { elementId: string }) => t.elementId.startsWith('expiryDuring')), 'the approval\'s expiry is disarmed').to.deep.equal([]);
    expect(seizureClock(v).events.map((e: { kind: string }) => e.kind)).to.deep.equal(['start']);

    await setClock('2026-04-01T15:59:59Z');
    expect(firedTimers(await view(s, id))).to.deep.equal([]);
    await s.api.post('/api/dev/clock', { advance: 'PT1S' });
    v = await view(s, id);
    expect(firedTimers(v), 'released at the end counted from the seizure on site').to.deep.equal(['expiry']);
    expect(openIds(v)).to.deep.equal(['expiryRelease']);
    expect(passed(v)).to.include('endExtensionWithdrawn');
  });

  /** Given an emergency seizure on site at 09:00 on 2 March 2026 (Shanghai): no prior approval, the period runs from now. */
  const emergencySeizure = async () => {
    await setClock('2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: true });
    await completeOnSite(id, onSite());
    return id;
  };
  /** The release at expiry, then its publication within 20 working days of 2 April: 3, 7–10, 13–17, 20–24, 27–30 April (Qingming 4–6 April off), then 6 May (Labour Day 1–5 May off). */
  const releasedAndPublished = async (id: string) => {
    await setClock('2026-04-02T02:00:00Z');
    await complete(officer, id, 'expiryRelease', release);
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal([]);
    expect(v.variables).to.include({ publicationKind: 'other', decisionTitle: '解除查封、扣押决定书', decisionKind: '解除查封、扣押' });
    const pubs = await publishing(v);
    expect(Object.keys(pubs)).to.deep.equal(['解除查封、扣押决定书']);
    expect((await openTask(s, pubs['解除查封、扣押决定书'], 'review')).dueAt).to.equal('2026-05-06T16:00:00.000Z');
    await complete(officer, pubs['解除查封、扣押决定书'], 'review', reviewOk);
    v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(passed(v)).to.include.members(['expiryRelease', 'publishRelease', 'endReleased']);
    expect(passed(v)).to.not.include.members(['decide', 'endReleasedUnapproved']);
    return v;
  };

  it('Given an emergency seizure of 2 March reported but still waiting for its after-the-fact approval when the period ends, the goods are released at 24:00 on 1 April, not a second earlier: the approval is cancelled and the release published within 20 working days', async () => {
    const id = await emergencySeizure();
    await setClock('2026-03-02T08:00:00Z');
    await complete(officer, id, 'report', { emergencyCircumstances: '当事人正在转移涉案设备', reportedTo: '陈局长', reportContent: '已当场扣押水泵 2 台，请求补办批准' });
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['postApproval']);
    const approvalTask = await openTask(s, id, 'postApproval');
    expect(timerOf(v, 'expiryDuringPostApproval').dueAt).to.equal('2026-04-01T16:00:00.000Z');

    await setClock('2026-04-01T15:59:59Z');
    v = await view(s, id);
    expect(firedTimers(v), 'not a second early').to.deep.equal([]);
    expect(openIds(v)).to.deep.equal(['postApproval']);
    await s.api.post('/api/dev/clock', { advance: 'PT1S' });
    v = await view(s, id);
    expect(firedTimers(v)).to.deep.equal(['expiryDuringPostApproval']);
    expect(openIds(v), 'release, nothing else').to.deep.equal(['expiryRelease']);
    expect(seizureClock(v).status).to.equal('stopped');
    expect(seizureClock(v).events.map((e: { kind: string }) => e.kind)).to.deep.equal(['start', 'stop']);
    expect(v.timers).to.deep.equal([]);
    expect(passed(v)).to.include.members(['stopClockExpiry', 'throwExpired']);

    const late = await head.post(`/api/tasks/${approvalTask.id}/complete`, { variables: approval(true) });
    expect(late.status, 'the cancelled approval can no longer be given').to.equal(409);
    expect(openIds(await view(s, id))).to.deep.equal(['expiryRelease']);

    v = await releasedAndPublished(id);
    expect(passed(v)).to.not.include('publishSeizure');
  });

  it('Given an emergency seizure never reported by the end of the period, it is released at expiry and the report is cancelled', async () => {
    const id = await emergencySeizure();
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['report']);
    expect(timerOf(v, 'expiryDuringReport').dueAt).to.equal('2026-04-01T16:00:00.000Z');
    await setClock('2026-04-01T16:00:00Z');
    v = await view(s, id);
    expect(firedTimers(v)).to.deep.equal(['expiryDuringReport']);
    expect(openIds(v)).to.deep.equal(['expiryRelease']);
    expect(seizureClock(v).status).to.equal('stopped');
    expect(passed(v)).to.not.include('postApproval');
    await releasedAndPublished(id);
  });

  it('Given prior approval refused, nothing is seized', async () => {
    await setClock('2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: false });
    await seizureReviewed(id);
    await complete(head, id, 'priorApproval', approval(false));
    const v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(passed(v)).to.include('endRefused');
    expect(seizureClock(v), 'nothing seized, no seizure period').to.equal(undefined);
  });

  it('refuses the on-site task until an audio-video file is uploaded for it (a photo or the form\'s record number is not enough), without its record number, or with one officer named twice, and the case does not move', async () => {
    await setClock('2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: false });
    await seizureReviewed(id);
    await complete(head, id, 'priorApproval', approval(true));
    const unchanged = async () => {
      const v = await view(s, id);
      expect(v.status).to.equal('running');
      expect(openIds(v)).to.deep.equal(['onSite']);
      expect(seizureClock(v), 'no seizure clock without a completed execution').to.equal(undefined);
      expect(v.history.filter((h: { kind: string; elementId: string }) => h.kind === 'task.completed' && h.elementId === 'onSite')).to.have.length(0);
    };

    // The audio-video list (rules/av-recording-matters.json) names this step: a form that says
    // "recorded" is not enough, the recording itself must be uploaded for this task.
    const gate = '「现场实施查封、扣押」须全程音像记录（音像记录事项清单）：请先在本环节上传音像记录文件，再提交「现场实施查封、扣押」';
    const noRecording = await submit(officer, id, 'onSite', onSite());
    expect(noRecording.status).to.equal(422);
    expect(noRecording.body.errors).to.deep.equal([{ field: '', message: gate }]);
    await unchanged();
    const task = (await view(s, id)).tasks[0];
    expect((await uploadEvidence(officer, task.id, '现场照片.jpg', media.jpg('jpeg bytes'))).status, 'a photo is evidence but not a recording').to.equal(201);
    expect((await submit(officer, id, 'onSite', onSite())).body.errors).to.deep.equal([{ field: '', message: gate }]);
    await unchanged();
    const recording = await uploadRecording(s, officer, id, 'onSite');
    expect(recording.label).to.equal('音像记录 No. 1');

    // The uploaded file is the record: the form no longer asks for a typed record number or description.
    const typedNo = await submit(officer, id, 'onSite', { ...onSite(), avRecordNo: 'AV-2026-0302-01' });
    expect(typedNo.status).to.equal(422);
    expect(typedNo.body.errors).to.deep.equal([{ field: 'avRecordNo', message: '表单中没有「avRecordNo」这一项' }]);
    await unchanged();

    const twice = await submit(officer, id, 'onSite', onSite({ officers: ['officer1', 'officer1'] }));
    expect(twice.status).to.equal(422);
    expect(twice.body.errors).to.deep.equal([{ field: 'officers', message: '「实施人员」不能是同一人' }]);
    await unchanged();

    const alone = await submit(officer, id, 'onSite', onSite({ officers: ['officer1'] }));
    expect(alone.status).to.equal(422);
    expect(alone.body.errors).to.deep.equal([{ field: 'officers', message: '「实施人员」至少 2 项' }]);
    await unchanged();

    await complete(officer, id, 'onSite', onSite());
    const v = await view(s, id);
    expect(v.variables).to.include({ inventoryNo: '清单〔2026〕3号' });
    const added = v.history.filter((h: { kind: string; elementId: string }) => h.kind === 'evidence.added' && h.elementId === 'onSite').map((h: { data: { label: string; taskId: string } }) => h.data);
    expect(added.map((d: { label: string; taskId: string }) => [d.label, d.taskId]), 'the step\'s recording is numbered on the record').to.deep.equal([['书证物证 No. 1', task.id], ['音像记录 No. 1', task.id]]);
    // The decision number is the agency's own sequence, assigned when the on-site record is filed.
    expect(v.variables.seizureDecisionNo).to.match(/^湘西环封扣〔2026〕\d+号$/);
    const docs = (await s.api.get(`/api/instances/${id}/documents`)).body.map((d: { kind: string }) => d.kind);
    expect(docs).to.deep.equal(['review-opinion', 'seizure-decision', 'seizure-inventory']);
    expect(openIds(v)).to.deep.equal(['decide', 'extensionRequest']);
    expect(await publishingTitles(v)).to.deep.equal(['查封、扣押决定书']);
  });

  describe('confiscation is a penalty (处罚法 art. 9): the seizure case transfers it to the penalty procedure (移送行政处罚)', () => {
    let keys = 0;
    /** A penalty case (processes/penalty.bpmn) registered for `party` under a new case number. */
    const penaltyLead = async (party: string) => {
      const key = `湘西环罚立〔2026〕${++keys}号`;
      return { key, id: await startInstance(s, 'penalty', lead('2026-03-02', { party }), key) };
    };
    const transfer = { handling: 'transfer', decisionReasons: '水泵系通过暗管排污的工具，依法应当没收，移送行政处罚程序' };
    const outcomeGate = (key: string) => `行政处罚案件「${key}」尚未作出没收非法财物的行政处罚决定，不能登记为已没收：财物仍予查封、扣押，直至处罚决定作出或者期限届满解除（《行政处罚法》第九条，《行政强制法》第二十八条）`;

    it('Given a seizure of 2 March transferred on 5 March to the penalty case of the same party, the pumps stay seized until the penalty decision of 11 March confiscates them; recorded on 12 March, the seizure ends without a release and without a confiscation decided in the seizure case', async () => {
      const id = await executedOnSite();
      const penalty = await penaltyLead('某化工有限公司');
      const other = await penaltyLead('湘西某化工有限公司');
      await complete(head, penalty.id, 'filingApproval', filing('2026-03-01'));
      await complete(officer, penalty.id, 'investigation', {
        investigators: ['officer1', 'officer2'], certificatesShown: true, facts: '2026年3月2日现场检查发现当事人通过暗管排放废水',
        evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }],
      });
      await complete(reviewer, penalty.id, 'caseReview', caseReview({ partyType: '法人及非法人组织', kinds: ['confiscateProperty'] }, { proposedPenalty: '没收暗管排污用水泵 2 台', proposedConfiscationValue: 3000 }));
      await notifyAndServe(s, officer, penalty.id, '2026-03-03');

      await setClock('2026-03-05T02:00:00Z');
      // A confiscation is no longer decided in the seizure case.
      const confiscate = await submit(head, id, 'decide', { confiscate: true, decisionReasons: '依法没收' });
      expect(confiscate.status).to.equal(422);
      expect(confiscate.body.errors).to.deep.equal([{ field: 'confiscate', message: '表单中没有「confiscate」这一项' }, { field: 'handling', message: '「处理决定」为必填项' }]);
      const noKey = await submit(head, id, 'decide', transfer);
      expect(noKey.body.errors).to.deep.equal([{ field: 'penaltyCaseKey', message: '移送行政处罚须填写「行政处罚案件编号」：请先在行政处罚程序中登记线索（与本案同一当事人），再填写该案件的编号' }]);
      const unknown = await submit(head, id, 'decide', { ...transfer, penaltyCaseKey: '湘西环罚立〔2026〕99号' });
      expect(unknown.body.errors).to.deep.equal([{ field: 'penaltyCaseKey', message: '没有编号为「湘西环罚立〔2026〕99号」的行政处罚案件：请先在行政处罚程序中登记线索，再填写该案件的编号' }]);
      const otherParty = await submit(head, id, 'decide', { ...transfer, penaltyCaseKey: other.key });
      expect(otherParty.body.errors).to.deep.equal([{ field: 'penaltyCaseKey', message: `行政处罚案件「${other.key}」的当事人是「湘西某化工有限公司」，与本案当事人「某化工有限公司」不同：只能移送同一当事人的案件` }]);
      expect(openIds(await view(s, id)), 'nothing moved').to.deep.equal(['decide', 'extensionRequest']);

      await complete(head, id, 'decide', { ...transfer, penaltyCaseKey: penalty.key });
      let v = await view(s, id);
      expect(v.variables).to.include({ handling: 'transfer', penaltyCaseKey: penalty.key });
      expect(openIds(v), 'the pumps stay seized; an extension may still be asked for').to.deep.equal(['awaitPenaltyDecision', 'extensionRequest']);
      expect(seizureClock(v)).to.include({ status: 'running', dueAt: '2026-04-01T16:00:00.000Z' });
      expect((await openTask(s, id, 'awaitPenaltyDecision')).dueAt, 'the seizure period still runs').to.equal('2026-04-01T16:00:00.000Z');
      expect(timerOf(v, 'expiryAwaitingPenalty').dueAt).to.equal('2026-04-01T16:00:00.000Z');
      const early = await submit(officer, id, 'awaitPenaltyDecision', { penaltyOutcome: 'confiscated', penaltyOutcomeNote: '处罚决定没收' });
      expect(early.status).to.equal(422);
      expect(early.body.errors).to.deep.equal([{ field: 'penaltyOutcome', message: outcomeGate(penalty.key) }]);

      // The penalty procedure: the statement period (5 working days from 3 March) ends on 10 March; the decision of 11 March confiscates the pumps.
      await setClock('2026-03-10T16:00:00Z');
      await setClock('2026-03-11T02:00:00Z');
      expect(openIds(await view(s, penalty.id))).to.deep.equal(['decision']);
      await complete(head, penalty.id, 'decision', {
        decisionDate: '2026-03-11', decidedPenaltyKinds: ['confiscateProperty'], penaltyContent: '没收暗管排污用水泵 2 台', confiscatedItems: [{ name: '暗管排污用水泵', quantity: '2 台' }], confiscatedAmount: 3000,
        evidenceReason: '现场检查笔录、扣押清单相互印证，予以采信', legalBasisReason: '违反《水污染防治法》第十条，依第八十三条处罚', discretionReason: '首次违法，没收作案工具',
      });
      const decisionNo = (await view(s, penalty.id)).variables.penaltyDecisionNo as string;
      expect(decisionNo).to.be.a('string');

      await setClock('2026-03-12T02:00:00Z');
      await complete(officer, id, 'awaitPenaltyDecision', { penaltyOutcome: 'confiscated', penaltyOutcomeNote: '处罚决定已没收扣押的水泵' });
      v = await view(s, id);
      expect(v.variables).to.include({ penaltyOutcome: 'confiscated', penaltyCaseDecisionNo: decisionNo, penaltyCaseDecisionDate: '2026-03-11' });
      expect(v.variables.penaltyCaseConfiscatedItems, 'what the penalty decision confiscated').to.deep.equal([{ name: '暗管排污用水泵', quantity: '2 台' }]);
      expect(seizureClock(v).status).to.equal('stopped');
      expect(v.timers.filter((t: { elementId: string }) => t.elementId.startsWith('expiry'))).to.deep.equal([]);
      expect(openIds(v)).to.deep.equal([]);
      expect(passed(v)).to.include.members(['throwConfiscated', 'endConfiscatedByPenalty', 'endExtensionWithdrawn']);
      expect(passed(v)).to.not.include.members(['release', 'expiryRelease']);
      expect(await publishingTitles(v), 'the penalty case publishes its own decision; the seizure case publishes only the seizure').to.deep.equal(['查封、扣押决定书']);
      const docs = (await s.api.get(`/api/instances/${id}/documents`)).body.map((d: { kind: string }) => d.kind).sort();
      expect(docs, 'no confiscation document of the seizure case').to.deep.equal(['review-opinion', 'seizure-decision', 'seizure-inventory']);
    });

    it('Given a seizure transferred on 25 March whose penalty case has not decided by 24:00 on 1 April, the pumps are released at expiry: they do not stay seized beyond the period waiting for the penalty', async () => {
      const id = await executedOnSite();
      const penalty = await penaltyLead('某化工有限公司');
      await setClock('2026-03-20T02:00:00Z');
      await complete(officer, (await publishing(await view(s, id)))['查封、扣押决定书'], 'review', reviewOk);
      await setClock('2026-03-25T02:00:00Z');
      await complete(head, id, 'decide', { ...transfer, penaltyCaseKey: penalty.key });
      expect(openIds(await view(s, id))).to.deep.equal(['awaitPenaltyDecision', 'extensionRequest']);
      await setClock('2026-04-01T15:59:59Z');
      expect(firedTimers(await view(s, id))).to.deep.equal([]);
      await s.api.post('/api/dev/clock', { advance: 'PT1S' });
      const v = await view(s, id);
      expect(firedTimers(v)).to.deep.equal(['expiryAwaitingPenalty']);
      expect(openIds(v)).to.deep.equal(['expiryRelease']);
      expect(v.variables.seizureEndedOn).to.equal('2026-04-01');
      expect(passed(v)).to.include.members(['throwExpired', 'endExtensionWithdrawn']);
      expect((await view(s, penalty.id)).status, 'the penalty case goes on by itself').to.equal('running');
      await releasedAndPublished(id);
    });

    it('Given a transferred seizure whose penalty decision does not confiscate, the officer records the release and the pumps are returned', async () => {
      const id = await executedOnSite();
      const penalty = await penaltyLead('某化工有限公司');
      await setClock('2026-03-20T02:00:00Z');
      await complete(head, id, 'decide', { ...transfer, penaltyCaseKey: penalty.key });
      await complete(officer, id, 'awaitPenaltyDecision', { penaltyOutcome: 'release', penaltyOutcomeNote: '处罚案件决定不予没收' });
      const v = await view(s, id);
      expect(openIds(v)).to.deep.equal(['release']);
      expect(seizureClock(v).status).to.equal('stopped');
      expect(passed(v)).to.include.members(['throwReleased', 'endExtensionWithdrawn']);
    });
  });

  it('Given an extension asked for but not approved when the head decides to release, the request is withdrawn and the period was never extended', async () => {
    const id = await executedOnSite();
    await setClock('2026-03-20T02:00:00Z');
    await complete(officer, id, 'extensionRequest', { extensionRequestReason: '需进一步调查' });
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['decide', 'extensionApproval']);

    await complete(head, id, 'decide', { handling: 'release', decisionReasons: '违法事实不成立，解除扣押' });
    v = await view(s, id);
    expect(openIds(v), 'the approval is withdrawn').to.deep.equal(['release']);
    expect(passed(v)).to.include.members(['throwReleased', 'endExtensionWithdrawn']);
    expect(passed(v)).to.not.include('extendClock');
    expect(seizureClock(v).status).to.equal('stopped');
    expect(seizureClock(v).events.map((e: { kind: string }) => e.kind)).to.deep.equal(['start', 'stop']);
  });

  it('Given an emergency seizure at 09:00 on 2 March reported 30 hours later (强制法 art. 19: 24 hours), the report is refused without the reason for the delay; with it the case is flagged, counted in statistics, and the head gets a task to note it besides the approval', async () => {
    const id = await emergencySeizure();
    expect((await openTask(s, id, 'report')).dueAt).to.equal('2026-03-03T01:00:00.000Z');
    await setClock('2026-03-03T07:00:00Z');
    const report = { emergencyCircumstances: '当事人正在转移涉案设备', reportedTo: '陈局长', reportContent: '已当场扣押水泵 2 台，请求补办批准' };
    const noReason = await submit(officer, id, 'report', report);
    expect(noReason.status).to.equal(422);
    expect(noReason.body.errors).to.deep.equal([{ field: 'lateReportReason', message: '「24小时内向负责人报告」的期限已于 2026/3/3 09:00:00 届满，逾期办理须填写「逾期报告的理由」' }]);
    expect(openIds(await view(s, id)), 'nothing moved').to.deep.equal(['report']);

    await complete(officer, id, 'report', { ...report, lateReportReason: '现场位于山区，通信中断至次日下午' });
    let v = await view(s, id);
    expect(v.variables).to.include({ emergencyReportLate: true, lateReportReason: '现场位于山区，通信中断至次日下午' });
    expect(openIds(v), 'the head notes the late report besides approving').to.deep.equal(['lateReportNoted', 'postApproval']);
    expect((await openTask(s, id, 'lateReportNoted')).candidateGroups).to.deep.equal(['heads']);
    const stats = (await s.api.get('/api/statistics?from=2026-03-01&to=2026-03-31')).body;
    expect(stats.lateEmergencyReports, 'the one late report of this file').to.equal(1);
    await complete(head, id, 'lateReportNoted', { lateReportOpinion: '已知悉，责成承办人书面说明并纳入考核' });
    await seizureReviewed(id);
    await complete(head, id, 'postApproval', approval(true));
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['decide', 'extensionRequest']);
    expect(passed(v)).to.include('endLateReportNoted');
    expect((await openTask(s, id, 'decide')).dueAt, 'the late report does not move the period').to.equal('2026-04-01T16:00:00.000Z');
  });

  it('renders every seizure document of a full case (decision, inventory, extension notice, release at expiry) clean, with the remedy and its time limits (强制法 art. 24), the officers by name and certificate, each item, and the extension\'s reason and new end (art. 25)', async () => {
    const id = await executedOnSite();
    const decision = await documentText(id, 'seizure-decision');
    expect(decision).to.include('如不服本决定，可以在收到本决定书之日起六十日内向湘西土家族苗族自治州人民政府申请行政复议，或者在六个月内依法向吉首市人民法院提起行政诉讼');
    const inventory = await documentText(id, 'seizure-inventory');
    expect(inventory).to.include('清单编号：清单〔2026〕3号');
    expect(inventory).to.include('1 暗管排污用水泵 2 台 外观完好，可正常运转');
    expect(inventory).to.include('执法人员：张执法（执法证号：43000000001）、李执法（执法证号：43000000002）');
    expect(inventory).to.include('当事人签名：某化工有限公司（当事人和执法人员签名或盖章）');
    await setClock('2026-03-25T02:00:00Z');
    await complete(officer, id, 'extensionRequest', { extensionRequestReason: '涉案水泵来源需向外省供货商核实，情况复杂' });
    await complete(head, id, 'extensionApproval', { seizureExtensionApproved: true, extensionApprovalOpinion: '同意延长30日' });
    await complete(officer, id, 'extensionNotice', { extensionReason: '涉案水泵来源需向外省供货商核实', partyInformed: true });
    const extension = await documentText(id, 'seizure-extension');
    expect(extension).to.include('因涉案水泵来源需向外省供货商核实，经本机关负责人批准，查封、扣押期限延长三十日，至2026年5月1日届满');
    await setClock('2026-05-01T16:00:00Z');
    await setClock('2026-05-02T02:00:00Z');
    await complete(officer, id, 'expiryRelease', { ...release, returnedOn: '2026-05-02' });
    const docs = (await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ id: number; kind: string }>;
    expect(docs.map((d) => d.kind).sort()).to.deep.equal(['review-opinion', 'seizure-decision', 'seizure-extension', 'seizure-inventory', 'seizure-release']);
    for (const d of docs) {
      const html = (await s.api.get(`/api/documents/${d.id}`)).body as string;
      expect(documentProblems(html, { usernames: ['officer1', 'officer2', 'head1', 'manager1', 'legal1'] }), `${d.kind}:\n${visibleText(html)}`).to.deep.equal([]);
    }
    expect(await documentText(id, 'seizure-release')).to.include('期限已于2026年5月1日届满');
  });
});
