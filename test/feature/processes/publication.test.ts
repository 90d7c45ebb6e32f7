import { expect } from 'chai';
import { completeTask, openTask, startInstance, submitTask, view } from '../../helpers/fixtures.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';

type Task = { id: string; elementId: string; dueAt: string | null; candidateGroups: string[] };
const openIds = (v: { tasks: Task[] }) => v.tasks.map((t) => t.elementId).sort();
const clockOf = (v: { clocks: Array<{ name: string }> }, name: string) => v.clocks.find((c) => c.name === name) as any;
const timerOf = (v: { timers: Array<{ elementId: string; dueAt: string | null }> }, elementId: string) => v.timers.find((t) => t.elementId === elementId);

/** What a penalty case hands to the publication call activity (here: started directly). */
const penaltyCase = (party: string) => ({
  publicationKind: 'penalty',
  party,
  partyType: '法人及非法人组织',
  creditCode: '91433100MA4L12345F',
  legalRepresentative: '李四',
  penaltyDecisionNo: '湘西环罚〔2026〕12号',
  violationType: '超标排放大气污染物',
  facts: '2026年2月现场检查发现废气排放口二氧化硫浓度超标1.5倍；员工张三（身份证号433101198805061232，电话13812345678）证实。',
  legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项',
  decidedPenaltyKinds: ['fine'],
  penaltyContent: '责令立即改正违法行为，退款缴入账户6222021234567890123',
  decidedFineAmount: 300000,
  decisionDate: '2026-03-02',
});

const REVIEW_OK = { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true, namesToRedact: ['张三'] };

describe('Feature: 行政执法决定公示 (processes/publication.bpmn)', function () {
  let s: TestServer;
  let officer: ApiClient;
  let head: ApiClient;
  let manager: ApiClient;
  let anonymous: ApiClient;

  before(async () => {
    s = await startProcessServer('publication');
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    head = await ApiClient.login(s.base, 'head1', 'demo');
    manager = await ApiClient.login(s.base, 'manager1', 'demo');
    anonymous = new ApiClient(s.base);
  });
  after(() => s.close());

  const setClock = async (iso: string) => (await s.api.post('/api/dev/clock', { set: iso })).body;
  const complete = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => submitTask(s, who, id, elementId, variables);
  const completeOk = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => completeTask(s, who, id, elementId, variables);
  const publicList = async (query: string) => {
    const res = await anonymous.get(`/api/public/publications?${query}`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body.items as any[];
  };
  /** A penalty decided on Monday 2 March 2026, its publication started at 10:00 Shanghai that day. */
  const started = async (party: string, extra: Record<string, unknown> = {}, businessKey?: string) => {
    await setClock('2026-03-02T02:00:00Z');
    return startInstance(s, 'publication', { ...penaltyCase(party), ...extra }, businessKey);
  };

  it('publishes what the case decided: the violation type chosen at the case review (its name from rules/violation-types.json, else the 案由), 处罚内容 and 罚款金额 from the one decided fine; a publication with a required field empty is refused (422 naming the fields) and nothing is published', async () => {
    const base = { ...penaltyCase('凤凰县某砂石场'), violationType: 'water', caseCause: '未按规定排放水污染物', decidedFineAmount: 250000, penaltyContent: '责令立即停止违法行为' };
    const typed = await started('凤凰县某砂石场', base);
    await completeOk(officer, typed, 'review', REVIEW_OK);
    const [item] = await publicList('party=凤凰县某砂石场');
    expect(item.fields).to.include({ 违法行为类型: '水污染防治违法行为', 处罚内容: '罚款人民币贰拾伍万元整（¥250,000.00）；责令立即停止违法行为', '罚款金额（万元）': 25, 处罚决定日期: '2026-03-02' });

    const untyped = await started('花垣县某锰业公司', { ...base, party: '花垣县某锰业公司', violationType: undefined });
    await completeOk(officer, untyped, 'review', REVIEW_OK);
    expect((await publicList('party=花垣县某锰业公司'))[0].fields['违法行为类型'], 'no type chosen: the 案由').to.equal('未按规定排放水污染物');

    const incomplete = await started('保靖县某采矿场', { ...base, party: '保靖县某采矿场', facts: '', violationType: undefined, caseCause: undefined });
    const refused = await complete(officer, incomplete, 'review', REVIEW_OK);
    expect(refused.status).to.equal(422);
    expect(refused.body.errors).to.deep.equal([{ field: '', message: '公示信息不完整，不能审核通过：「违法行为类型」「违法事实」为空；请在案件相应环节补充后再审核公示' }]);
    const v = await view(s, incomplete);
    expect(openIds(v), 'refused: still at the review').to.deep.equal(['review']);
    expect(v.variables.published).to.equal(undefined);
    expect(await publicList('party=保靖县某采矿场')).to.deep.equal([]);
    // Not published at all (a minor, secrets, privacy): nothing to complete.
    await completeOk(officer, incomplete, 'review', { ...REVIEW_OK, publicationExcluded: true, publicationExclusionReason: '涉及个人隐私' });
    expect((await view(s, incomplete)).variables.published).to.equal(false);
  });

  it('Given a penalty decision, when the officer confirms the fields within 7 working days, then it is published with the 双公示 fields, redacted, the fine in 万元, until the end of its one-year period', async () => {
    const id = await started('湘西某化工有限公司');
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['review']);
    // 7 working days from Monday 2 March: 3, 4, 5, 6, 9, 10, 11 March; ends 24:00 Shanghai on the 11th. Reminder one working day earlier.
    const review = await openTask(s, id, 'review');
    expect(review.dueAt).to.equal('2026-03-11T16:00:00.000Z');
    expect(review.candidateGroups).to.deep.equal(['officers']);
    expect(clockOf(v, 'publication')).to.include({ status: 'running', dueAt: '2026-03-11T16:00:00.000Z' });
    expect(clockOf(v, 'publicationReminder')).to.include({ status: 'running', dueAt: '2026-03-10T16:00:00.000Z' });
    expect(timerOf(v, 'reminderDue')?.dueAt).to.equal('2026-03-10T16:00:00.000Z');
    expect(timerOf(v, 'overdue')?.dueAt).to.equal('2026-03-11T16:00:00.000Z');
    expect(await publicList('party=湘西某化工'), 'nothing public before the review').to.deep.equal([]);

    await setClock('2026-03-04T02:00:00Z');
    await completeOk(officer, id, 'review', REVIEW_OK);
    v = await view(s, id);
    expect(v.variables).to.include({ published: true, publicationUntil: '2027-03-01T16:00:00.000Z', publicationLastDay: '2027-03-01', publicationReviewedBy: 'officer1' });
    expect(v.status, 'ends once published: it does not hold the calling case for the publication period').to.equal('completed');
    expect(openIds(v)).to.deep.equal([]);
    expect(v.timers, 'no timer left').to.deep.equal([]);
    expect(clockOf(v, 'publication').status).to.equal('stopped');
    expect(clockOf(v, 'publicationReminder').status).to.equal('stopped');

    const items = await publicList('party=湘西某化工');
    expect(items).to.have.length(1);
    const item = items[0];
    expect(item).to.include({ kind: 'penalty', status: 'published', decisionNo: '湘西环罚〔2026〕12号', partyName: '湘西某化工有限公司', publishUntil: '2027-03-01T16:00:00.000Z' });
    expect(item.fields).to.include({
      行政相对人名称: '湘西某化工有限公司', 行政相对人类别: '法人及非法人组织', 统一社会信用代码: '91433100MA4L12345F', 法定代表人: '李四',
      行政处罚决定书文号: '湘西环罚〔2026〕12号', 处罚类别: '罚款', '罚款金额（万元）': 30, 处罚决定日期: '2026-03-02', 公示截止期: '2027-03-01',
      处罚机关: '湘西土家族苗族自治州生态环境局', 数据来源单位: '湘西土家族苗族自治州生态环境局',
    });
    expect(item.fields['违法事实']).to.equal('2026年2月现场检查发现废气排放口二氧化硫浓度超标1.5倍；员工张某（身份证号4****************2，电话138****5678）证实。');
    expect(item.fields['处罚内容'], 'the fine from the decided amount, as 罚款金额').to.equal('罚款人民币叁拾万元整（¥300,000.00）；责令立即改正违法行为，退款缴入账户***************0123');
    expect(JSON.stringify(item)).not.to.match(/张三|433101198805061232|13812345678/);

    // The public platform's filters; the staff view needs a token.
    expect(await publicList('party=湘西某化工&category=penalty&from=2026-03-02&to=2026-03-02')).to.have.length(1);
    expect(await publicList('party=湘西某化工&category=行政许可')).to.deep.equal([]);
    expect(await publicList('party=湘西某化工&from=2026-03-03')).to.deep.equal([]);
    expect(await publicList(`party=${encodeURIComponent('%')}`), 'a wildcard is taken literally').to.deep.equal([]);
    expect((await anonymous.get('/api/public/publications?from=2026-02-30')).status).to.equal(400);
    expect((await anonymous.get(`/api/instances/${id}/publications`)).status).to.equal(401);
    const staff = await officer.get(`/api/instances/${id}/publications`);
    expect(staff.status).to.equal(200);
    expect(staff.body).to.have.length(1);
    expect(staff.body[0]).to.include({ id: v.variables.publicationId, status: 'published', kind: 'penalty', publishedBy: 'officer1', publishedAt: '2026-03-04T02:00:00.000Z' });
  });

  it('Given nobody reviews the publication, when the day before the limit comes the managers get a reminder, and when the limit passes the heads get 公示逾期督办; a late publication still publishes', async () => {
    const id = await started('吉首市某建材厂');
    expect((await setClock('2026-03-10T15:59:00Z')).fired).to.equal(0);
    let v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['review']);

    await setClock('2026-03-10T16:00:00Z'); // 24:00 on 10 March: one working day left
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['remind', 'review']);
    const remind = await openTask(s, id, 'remind');
    expect(remind.candidateGroups).to.deep.equal(['managers']);
    expect(remind.dueAt, 'the reminder is worth doing until the limit').to.equal('2026-03-11T16:00:00.000Z');
    await completeOk(manager, id, 'remind', { reminderHandled: true, reminderRemarks: '已电话督促承办人' });

    await setClock('2026-03-11T16:00:00Z'); // the limit has passed
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['escalate', 'review']);
    const escalate = await openTask(s, id, 'escalate');
    expect(escalate.candidateGroups).to.deep.equal(['heads']);
    expect((await complete(head, id, 'escalate', { overdueReason: '' })).status, 'reasons are required').to.equal(422);
    await completeOk(head, id, 'escalate', { overdueReason: '承办人出差', supervisionOpinion: '立即公示，纳入考核' });
    expect(v.variables.published).to.equal(undefined);

    await setClock('2026-03-12T02:00:00Z');
    await completeOk(officer, id, 'review', REVIEW_OK);
    v = await view(s, id);
    expect(v.variables).to.include({ published: true, publicationEscalationBy: 'head1', publicationRemindedBy: 'manager1' });
    expect((await publicList('party=吉首市某建材厂')).map((i) => i.status)).to.deep.equal(['published']);
  });

  /** A penalty published, then revoked on review: an officer starts 撤回公示 for the case on Thursday 5 March. */
  const withdrawalStarted = async (party: string, businessKey: string) => {
    const id = await started(party, {}, businessKey);
    await completeOk(officer, id, 'review', REVIEW_OK);
    const published = await view(s, id);
    expect(published.status).to.equal('completed');
    expect((await publicList(`party=${party}`))[0].status).to.equal('published');
    await setClock('2026-03-05T02:00:00Z'); // Thursday
    const wid = await startInstance(s, 'publication-withdrawal', { publicationId: published.variables.publicationId, withdrawalReason: '撤销' }, businessKey);
    return { id, wid };
  };

  it('Given a published decision revoked on review, when an officer starts 撤回公示 for the case, then the withdrawal is due within 3 working days and needs a legal reason and a public explanation', async () => {
    const { wid } = await withdrawalStarted('保靖县某砂场', '湘西环罚〔2026〕21号');
    const v = await view(s, wid);
    expect(openIds(v)).to.deep.equal(['withdraw']);
    // 3 working days from Thursday 5 March: 6, 9, 10 March.
    const withdraw = await openTask(s, wid, 'withdraw');
    expect(withdraw.dueAt).to.equal('2026-03-10T16:00:00.000Z');
    expect(withdraw.candidateGroups).to.deep.equal(['officers']);
    expect(clockOf(v, 'withdrawal')).to.include({ status: 'running', dueAt: '2026-03-10T16:00:00.000Z' });
    expect((await complete(officer, wid, 'withdraw', { withdrawalReason: '撤销' })).status, 'the public explanation is required').to.equal(422);
    expect((await complete(officer, wid, 'withdraw', { withdrawalReason: '不想公示了', withdrawalExplanation: 'x' })).status, 'only the legal reasons').to.equal(422);
    expect(openIds(await view(s, wid))).to.deep.equal(['withdraw']);
  });

  it('Given a published decision revoked on review, when the officer completes 撤回公示, then the item leaves the public list and the withdrawal notice with its reason stays', async () => {
    const { id, wid } = await withdrawalStarted('凤凰县某养殖场', '湘西环罚〔2026〕20号');
    await setClock('2026-03-06T02:00:00Z');
    await completeOk(officer, wid, 'withdraw', { withdrawalReason: '撤销', withdrawalExplanation: '经行政复议，原处罚决定被撤销（湘西复决〔2026〕3号）。' });
    const v = await view(s, wid);
    expect(v.status).to.equal('completed');
    expect(v.variables).to.include({ publicationWithdrawn: true, publicationWithdrawnAt: '2026-03-06T02:00:00.000Z', publicationWithdrawnBy: 'officer1' });
    expect(clockOf(v, 'withdrawal').status).to.equal('stopped');

    const items = await publicList('party=凤凰县某养殖场');
    expect(items).to.have.length(1);
    expect(items[0]).to.include({ status: 'withdrawn', decisionNo: '湘西环罚〔2026〕12号' });
    expect(items[0].fields, 'the item itself is no longer shown').to.equal(undefined);
    expect(items[0].notice).to.deep.equal({ title: '撤回公示', 行政相对人名称: '凤凰县某养殖场', 决定文书号: '湘西环罚〔2026〕12号', 撤回原因: '撤销', 撤回说明: '经行政复议，原处罚决定被撤销（湘西复决〔2026〕3号）。', 撤回日期: '2026-03-06T02:00:00.000Z' });
    const staff = await officer.get(`/api/instances/${id}/publications`);
    expect(staff.body[0]).to.include({ status: 'withdrawn', withdrawalReason: '撤销', withdrawnBy: 'officer1' });
  });

  it('Given a case involving a minor, when the officer marks it excluded, then nothing is published and the reason is recorded', async () => {
    const id = await started('王小明', { partyType: '自然人' });
    expect((await complete(officer, id, 'review', { ...REVIEW_OK, publicationExcluded: true })).status, 'an exclusion needs its reason').to.equal(422);
    expect(openIds(await view(s, id))).to.deep.equal(['review']);
    await completeOk(officer, id, 'review', { ...REVIEW_OK, publicationExcluded: true, publicationExclusionReason: '涉及未成年人' });
    const v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(v.variables).to.include({ published: false, publicationExcludedReason: '涉及未成年人' });
    expect(v.variables.publicationId).to.equal(undefined);
    expect(v.history.filter((h: { kind: string }) => h.kind === 'publication.excluded').map((h: { data: unknown }) => h.data)).to.deep.equal([{ kind: 'penalty', reason: '涉及未成年人' }]);
    expect(await publicList('party=王小明')).to.deep.equal([]);
    expect((await officer.get(`/api/instances/${id}/publications`)).body).to.deep.equal([]);
  });

  it('Given another enforcement decision (a seizure), then it has 20 working days, the reminder at 19', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'publication', { publicationKind: 'other', party: '泸溪县某冶炼厂', decisionTitle: '查封、扣押决定书', decisionNo: '湘西环封扣〔2026〕2号', decisionKind: '查封、扣押', decisionContent: '查封生产设备3台', decisionDate: '2026-03-02' });
    const v = await view(s, id);
    // 20 working days from 2 March end on 30 March; 19 on 27 March.
    expect((await openTask(s, id, 'review')).dueAt).to.equal('2026-03-30T16:00:00.000Z');
    expect(clockOf(v, 'publicationReminder').dueAt).to.equal('2026-03-27T16:00:00.000Z');
    await completeOk(officer, id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    const [item] = await publicList('party=泸溪县&category=other');
    expect(item.fields).to.include({ 决定文书名称: '查封、扣押决定书', 决定文书号: '湘西环封扣〔2026〕2号', 决定类别: '查封、扣押', 决定日期: '2026-03-02', 决定机关: '湘西土家族苗族自治州生态环境局' });
  });

  it('Given a published penalty, when its one-year period ends, then it leaves the public platform without the process waiting for it', async () => {
    const id = await started('永顺县某造纸厂');
    await completeOk(officer, id, 'review', REVIEW_OK);
    expect((await view(s, id)).status).to.equal('completed');
    expect(await publicList('party=永顺县某造纸厂')).to.have.length(1);

    await setClock('2027-03-01T15:59:00Z'); // 23:59 on the last day
    expect(await publicList('party=永顺县某造纸厂')).to.have.length(1);

    await setClock('2027-03-01T16:00:00Z');
    expect(await publicList('party=永顺县某造纸厂')).to.deep.equal([]);
    expect((await officer.get(`/api/instances/${id}/publications`)).body[0].status).to.equal('expired');
  });

  it('Given a penalty decided on Monday 2 March whose publication starts only on Thursday 5 March, then only the rest of the 7 working days is left: due at the end of 11 March, the reminder at the end of 10 March, and the heads are called in when the 11th ends', async () => {
    await setClock('2026-03-05T02:00:00Z');
    const id = await startInstance(s, 'publication', penaltyCase('花垣县某锰业公司'));
    let v = await view(s, id);
    expect(v.variables).to.include({ publicationDecisionNo: '湘西环罚〔2026〕12号', publicationDecisionDate: '2026-03-02' });
    // Counted from 2 March, not from the start on the 5th (which would end on 16 March): 3, 4, 5, 6, 9, 10, 11 March.
    expect((await openTask(s, id, 'review')).dueAt).to.equal('2026-03-11T16:00:00.000Z');
    expect(clockOf(v, 'publication')).to.include({ status: 'running', dueAt: '2026-03-11T16:00:00.000Z' });
    expect(clockOf(v, 'publicationReminder')).to.include({ status: 'running', dueAt: '2026-03-10T16:00:00.000Z' });
    // The start is recorded when it happened and from when it counts: the decision day, 00:00 Shanghai.
    expect(clockOf(v, 'publication').events[0]).to.include({ kind: 'start', at: '2026-03-05T02:00:00.000Z', countsFrom: '2026-03-01T16:00:00.000Z', period: 'P7WD' });
    expect(clockOf(v, 'publicationReminder').events[0]).to.include({ kind: 'start', countsFrom: '2026-03-01T16:00:00.000Z', period: 'P6WD' });

    expect((await setClock('2026-03-10T15:59:59Z')).fired).to.equal(0);
    await setClock('2026-03-10T16:00:00Z');
    expect(openIds(await view(s, id))).to.deep.equal(['remind', 'review']);
    expect((await setClock('2026-03-11T15:59:59Z')).fired, 'not a second early').to.equal(0);
    await setClock('2026-03-11T16:00:00Z');
    v = await view(s, id);
    expect(openIds(v)).to.deep.equal(['escalate', 'remind', 'review']);
    expect(v.history.filter((h: { kind: string }) => h.kind === 'timer.fired').map((h: { elementId: string }) => h.elementId)).to.deep.equal(['reminderDue', 'overdue']);
  });

  it('Given a decision dated after today or a date that cannot be read, then the publication does not start and says why', async () => {
    await setClock('2026-03-05T02:00:00Z');
    const instances = async () => (await s.zhifa.db('instances').select('id')).length;
    const before = await instances();
    const future = await s.api.post('/api/instances', { processKey: 'publication', variables: { ...penaltyCase('古丈县某茶厂'), decisionDate: '2026-03-09' } });
    expect(future.status).to.equal(422);
    expect(future.body.detail).to.match(/clock "publication" cannot count from 2026-03-08T16:00:00.000Z: that is later than now/);
    const unreadable = await s.api.post('/api/instances', { processKey: 'publication', variables: { ...penaltyCase('古丈县某茶厂'), decisionDate: '2026-02-30' } });
    expect(unreadable.status).to.equal(422);
    expect(unreadable.body.detail).to.match(/决定日期（decisionDate）「2026-02-30」无法识别/);
    expect(await instances(), 'no instance left behind').to.equal(before);
  });

  it('Given no decision number in the case variables nor any issued decision document, then the review is refused naming what is missing and nothing is published; with the number entered in the review it is', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'publication', { publicationKind: 'other', party: '龙山县某采石场', decisionTitle: '解除查封、扣押决定书', decisionKind: '解除查封、扣押', decisionContent: '解除扣押挖掘机1台', decisionDate: '2026-03-02' });
    expect((await view(s, id)).variables).to.include({ publicationDecisionNo: null, publicationDecisionDate: '2026-03-02' });
    const refused = await complete(officer, id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    expect(refused.status).to.equal(422);
    expect(refused.body.detail).to.contain('不予公示：未找到所公示决定的决定文书号（案件变量 seizureReleaseNo、decisionNo 未填写，本案也没有已签发的「解除查封、扣押决定书」（seizure-release））');
    let v = await view(s, id);
    expect(openIds(v), 'the case did not move').to.deep.equal(['review']);
    expect(v.variables.published).to.equal(undefined);
    expect(clockOf(v, 'publication').status).to.equal('running');
    expect(await publicList('party=龙山县某采石场')).to.deep.equal([]);
    expect((await officer.get(`/api/instances/${id}/publications`)).body).to.deep.equal([]);

    await completeOk(officer, id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true, publicationDecisionNo: '湘西环封扣解〔2026〕4号' });
    v = await view(s, id);
    expect(v.variables).to.include({ published: true });
    const [item] = await publicList('party=龙山县某采石场');
    expect(item).to.include({ decisionNo: '湘西环封扣解〔2026〕4号' });
    expect(item.fields).to.include({ 决定文书号: '湘西环封扣解〔2026〕4号', 决定日期: '2026-03-02', 决定类别: '解除查封、扣押' });
  });
});
