import { expect } from 'chai';
import { completeTask, startInstance, submitTask, view } from '../../helpers/fixtures.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';

const penaltyCase = (party: string) => ({
  publicationKind: 'penalty', party, partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', legalRepresentative: '李四',
  penaltyDecisionNo: '湘西环罚〔2026〕41号', violationType: '超标排放大气污染物', facts: '废气排放口二氧化硫浓度超标。',
  legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项', decidedPenaltyKinds: ['fine'], decidedFineAmount: 300000, decisionDate: '2026-03-02',
});
const REVIEW_OK = { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true };

/**
 * How long a penalty is listed and when credit repair may take it down, as rules/publication-periods.json
 * sets it from 国家发展改革委《失信行为纠正后的信用信息修复管理办法（试行）》: an ordinary (一般) penalty at
 * least three months and at most one year, a serious (严重) one at least one year and at most three.
 */
describe('Feature: publication periods by severity, and the early take-down after credit repair (信用修复)', () => {
  let s: TestServer;
  let officer: ApiClient;
  const anonymous = () => new ApiClient(s.base);
  const setClock = (iso: string) => s.api.post('/api/dev/clock', { set: iso });

  before(async () => {
    s = await startProcessServer('publication-periods');
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
  });
  after(() => s.close());

  /** A penalty decided on Monday 2 March 2026 and published that day. */
  const published = async (party: string, serious: boolean, businessKey: string) => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'publication', penaltyCase(party), businessKey);
    await completeTask(s, officer, id, 'review', { ...REVIEW_OK, serious });
    return (await view(s, id)).variables as { publicationId: number; publicationLastDay: string; publicationUntil: string };
  };
  const listed = async (party: string) => (await anonymous().get(`/api/public/publications?party=${encodeURIComponent(party)}`)).body.items as any[];

  it('lists an ordinary penalty decided on 2 March 2026 until 1 March 2027 (one year), a serious one until 1 March 2029 (three years)', async () => {
    const ordinary = await published('凤凰县某砂场', false, '湘西环罚〔2026〕41号');
    expect(ordinary).to.include({ publicationLastDay: '2027-03-01', publicationUntil: '2027-03-01T16:00:00.000Z' });
    expect((await listed('凤凰县某砂场'))[0].fields['公示截止期']).to.equal('2027-03-01');
    const serious = await published('保靖县某化工厂', true, '湘西环罚〔2026〕42号');
    expect(serious).to.include({ publicationLastDay: '2029-03-01', publicationUntil: '2029-03-01T16:00:00.000Z' });
    expect((await listed('保靖县某化工厂'))[0].fields['公示截止期']).to.equal('2029-03-01');

    // Still listed on the last day, gone the day after.
    await setClock('2027-03-01T15:59:00Z');
    expect(await listed('凤凰县某砂场')).to.have.length(1);
    await setClock('2027-03-01T16:00:00Z');
    expect(await listed('凤凰县某砂场')).to.deep.equal([]);
    expect(await listed('保靖县某化工厂')).to.have.length(1);
  });

  it('takes an ordinary penalty down early after credit repair approved once its three months are over, the repair named on the withdrawal notice; a serious one within its first year is refused', async () => {
    const ordinary = await published('吉首市某建材厂', false, '湘西环罚〔2026〕43号');
    const serious = await published('花垣县某锰业公司', true, '湘西环罚〔2026〕44号');
    await setClock('2026-06-03T02:00:00Z'); // the ordinary penalty's three months ended on 1 June

    const early = await startInstance(s, 'publication-withdrawal', { publicationId: serious.publicationId, withdrawalReason: '信用修复' }, '湘西环罚〔2026〕44号');
    const refused = await submitTask(s, officer, early, 'withdraw', { withdrawalReason: '信用修复', withdrawalExplanation: '当事人已履行处罚决定并完成整改。', creditRepairDecisionNo: '湘西信修〔2026〕6号', creditRepairApprovedOn: '2026-06-02' });
    expect(refused.status).to.equal(422);
    expect(JSON.stringify(refused.body)).to.include('严重失信行为的行政处罚信息最短公示期为一年（决定日期 2026-03-02），2027-03-02 起方可经信用修复提前停止公示');
    expect((await listed('花垣县某锰业公司'))[0].status, 'nothing changed').to.equal('published');
    const noDecision = await submitTask(s, officer, early, 'withdraw', { withdrawalReason: '信用修复', withdrawalExplanation: '已整改。' });
    expect(noDecision.status, 'the repair decision is required').to.equal(422);

    const wid = await startInstance(s, 'publication-withdrawal', { publicationId: ordinary.publicationId, withdrawalReason: '信用修复' }, '湘西环罚〔2026〕43号');
    await completeTask(s, officer, wid, 'withdraw', { withdrawalReason: '信用修复', withdrawalExplanation: '当事人已履行处罚决定并完成整改，经信用修复，提前停止公示。', creditRepairDecisionNo: '湘西信修〔2026〕5号', creditRepairApprovedOn: '2026-06-02' });
    const [item] = await listed('吉首市某建材厂');
    expect(item.status).to.equal('withdrawn');
    expect(item.fields).to.equal(undefined);
    expect(item.notice).to.deep.equal({
      title: '撤回公示', 行政相对人名称: '吉首市某建材厂', 决定文书号: '湘西环罚〔2026〕41号', 撤回原因: '信用修复',
      撤回说明: '当事人已履行处罚决定并完成整改，经信用修复，提前停止公示。', 撤回日期: '2026-06-03T02:00:00.000Z',
      信用修复决定文书号: '湘西信修〔2026〕5号', 信用修复批准日期: '2026-06-01T16:00:00.000Z',
    });
    const html = await (await fetch(`${s.base}/public/publications/${ordinary.publicationId}`)).text();
    const notice = /data-testid="withdrawal-notice"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(notice).to.include('<dt>撤回原因</dt><dd>信用修复</dd>').and.to.include('<dt>信用修复决定文书号</dt><dd>湘西信修〔2026〕5号</dd>').and.to.include('<dt>信用修复批准日期</dt><dd>2026/06/02</dd>');
  });
});
