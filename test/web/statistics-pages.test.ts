import { expect } from 'chai';
import { completeTask, startForDepartmentOf } from '../helpers/fixtures.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

const publication = (party: string) => ({
  publicationKind: 'penalty', party, partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', legalRepresentative: '李四',
  penaltyDecisionNo: '湘西环罚〔2026〕12号', violationType: '超标排放大气污染物', facts: '废气排放口二氧化硫浓度超标。', legalBasis: '《中华人民共和国大气污染防治法》第九十九条',
  decidedPenaltyKinds: ['fine'], penaltyContent: '罚款人民币三十万元', decidedFineAmount: 300000, decisionDate: '2026-03-02',
});
const LEGAL_REVIEW = { party: '湘西某化工有限公司', partyType: '法人及非法人组织', fineAmount: 300000, penaltyKinds: ['罚款'], procedure: 'penalty', legalReviewRequired: true, legalReviewRuleLabel: '对法人或其他组织处以较大数额罚款' };
const MATERIALS = {
  decisionDraft: '湘西环罚〔2026〕12号（代拟稿）：罚款三十万元', factsAndEvidence: '现场检查笔录、监测报告', legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项',
  discretionApplied: '裁量基准第3条', investigators: ['officer1', 'officer2'], hearingHeld: false,
};
const AGREE = {
  checkCompetence: true, checkPowers: true, checkProcedure: true, checkFactsEvidence: true, checkLawAndDiscretion: true, checkDocuments: true, criminalReferralNeeded: false,
  reviewOpinion: 'agree', reviewOpinionText: '经审核，事实清楚，证据充分，适用法律正确，程序合法，同意。',
};

const table = (html: string, testid: string) => new RegExp(`data-testid="${testid}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
const row = (html: string, testid: string, key: string) => {
  const tr = new RegExp(`<tr data-row="${key.replace(/[|()]/g, '\\$&')}">([\\s\\S]*?)</tr>`).exec(table(html, testid))?.[1];
  // A figure is a link to the cases it counts (/dashboard/cases): its text is the figure.
  return tr ? [...tr.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim()) : undefined;
};

/** Supervision figures over a period for managers (their own department) and administrators (all). */
describe('Web: the statistics page (/dashboard/statistics)', () => {
  let s: TestServer;
  let manager1: WebSession;
  let admin: WebSession;

  before(async function () {
    this.timeout(30_000);
    s = await startProcessServer('web-statistics');
    await s.zhifa.accounts.create({ username: 'officer9', password: 'demo', displayName: '孙执法', department: '综合科', groups: [{ id: 'officers', name: '承办人员' }], roles: ['staff'], certificate: { no: '43000000009', validUntil: new Date('2030-12-31T16:00:00Z') } });
    const [officer1, legal1] = await Promise.all([ApiClient.login(s.base, 'officer1', 'demo'), ApiClient.login(s.base, 'legal1', 'demo')]);
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    // 执法支队: a publication reviewed and published on time, and a legal review the reviewer agrees with.
    const a = await startForDepartmentOf(s, 'officer1', 'publication', publication('湘西某化工有限公司'));
    const review = await startForDepartmentOf(s, 'officer1', 'legal-review', LEGAL_REVIEW);
    // 综合科: a publication left unreviewed past its 7 working days.
    await startForDepartmentOf(s, 'officer9', 'publication', publication('综合科某建材厂'));
    await s.api.post('/api/dev/clock', { set: '2026-03-04T02:00:00Z' });
    await completeTask(s, officer1, a, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    await completeTask(s, officer1, review, 'submit', MATERIALS);
    await completeTask(s, legal1, review, 'review', AGREE);
    await s.api.post('/api/dev/clock', { set: '2026-03-16T02:00:00Z' });
    [manager1, admin] = await Promise.all([webLogin(s.base, 'manager1', 'demo'), webLogin(s.base, 'admin', 'admin')]);
  });
  after(() => s.close());

  it('is linked from the dashboard and refused to staff', async () => {
    expect((await manager1.get('/dashboard')).text).to.include('href="/dashboard/statistics"');
    const officer = await webLogin(s.base, 'officer1', 'demo');
    const res = await officer.get('/dashboard/statistics');
    expect(res.status).to.equal(403);
    expect(res.text).not.to.include('湘西某化工');
  });

  it("shows a manager their own department's cases by procedure and outcome, the timeliness of each statutory step, review opinions and publications, with a chart", async () => {
    const res = await manager1.get('/dashboard/statistics?from=2026-01-01&to=2026-12-31');
    expect(res.status).to.equal(200);
    expect(res.text).to.include('执法支队').and.to.include('2026-01-01 至 2026-12-31').and.to.include('共 2 件');
    expect(table(res.text, 'cases-by-outcome')).to.include('行政执法决定公示').and.to.include('重大执法决定法制审核');
    expect(row(res.text, 'timeliness', 'publication|publication')).to.deep.equal(['行政执法决定公示', '公示期限', '1', '0', '0', '0']);
    expect(row(res.text, 'timeliness', 'legal-review|legalReview')).to.deep.equal(['重大执法决定法制审核', '法制审核期限', '1', '0', '0', '0']);
    expect(table(res.text, 'review-opinions').replace(/<a [^>]*>|<\/a>/g, '')).to.include('<td>1</td><td>0</td><td>1</td>');
    expect(row(res.text, 'publications', 'penalty')).to.deep.equal(['行政处罚', '1', '0']);
    const chart = /<svg [\s\S]*?<\/svg>/.exec(res.text)?.[0] ?? '';
    expect(chart).to.include('法定期限执行情况').and.to.include('data-label="公示期限·行政执法决定公示"');
    expect(chart).to.include('data-series="按期" data-value="1"').and.not.to.include('data-series="未结已逾期" data-value="1"');
  });

  it('GET /api/statistics reports the statutory clocks only, each with its Chinese name, as the page does (a reminder clock is no limit to keep)', async () => {
    const res = await s.api.get('/api/statistics?from=2026-01-01&to=2026-12-31');
    expect(res.status).to.equal(200);
    const timeliness = res.body.timeliness as Array<{ clock: string; clockLabel: string }>;
    expect(timeliness.map((t) => t.clock)).to.include('publication').and.not.to.include('publicationReminder');
    expect(timeliness.find((t) => t.clock === 'publication')!.clockLabel).to.equal('公示期限');
  });

  it("shows an administrator every department's cases, the unreviewed publication open and overdue", async () => {
    const res = await admin.get('/dashboard/statistics?from=2026-01-01&to=2026-12-31');
    expect(res.status).to.equal(200);
    expect(res.text).to.include('全部部门').and.to.include('共 3 件');
    expect(row(res.text, 'timeliness', 'publication|publication')).to.deep.equal(['行政执法决定公示', '公示期限', '1', '0', '1', '1']);
    expect(res.text).to.include('data-series="未结已逾期" data-value="1"');
  });

  it('counts only the cases opened in the period, and defaults to this year up to today', async () => {
    const later = await admin.get('/dashboard/statistics?from=2026-03-03&to=2026-12-31');
    expect(later.text).to.include('共 0 件').and.to.include('期间内没有立案的案件');
    const byDefault = await admin.get('/dashboard/statistics');
    expect(byDefault.status).to.equal(200);
    expect(byDefault.text).to.include('2026-01-01 至 2026-03-16').and.to.include('共 3 件');
  });

  it('answers a bad date or a reversed period with a clear message and status 400', async () => {
    const month = await manager1.get('/dashboard/statistics?from=2026-13-01&to=2026-12-31');
    expect(month.status).to.equal(400);
    expect(month.text).to.include('起始日期「2026-13-01」不是有效日期，请按 2026-01-31 的格式填写').and.not.to.include('data-testid="timeliness"');
    const word = await manager1.get('/dashboard/statistics?from=2026-01-01&to=yesterday');
    expect(word.status).to.equal(400);
    expect(word.text).to.include('截止日期「yesterday」不是有效日期');
    const reversed = await manager1.get('/dashboard/statistics?from=2026-12-31&to=2026-01-01');
    expect(reversed.status).to.equal(400);
    expect(reversed.text).to.include('截止日期 2026-01-01 早于起始日期 2026-12-31');
  });
});
