import { expect } from 'chai';
import { completeTask, openTask, view } from '../helpers/fixtures.ts';
import { caseAtLegalReview, legalReviewMaterials, lead, moveClock } from '../helpers/penalty-case.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';
import { webLogin } from '../helpers/web.ts';

/** A section of a page by its data-testid, tags removed and spaces collapsed: the text a person reads there. */
function section(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start < 0) return '';
  const tag = html.lastIndexOf('<', start);
  const name = /^<(\w+)/.exec(html.slice(tag))![1];
  let depth = 0;
  const re = new RegExp(`<(/?)${name}\\b[^>]*>`, 'g');
  re.lastIndex = tag;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return readable(html.slice(tag, m.index + m[0].length));
  }
  return readable(html.slice(tag));
}
const readable = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
/** One earlier step's <details>, by the step's name. */
const step = (html: string, name: string) => new RegExp(`<details class="step" data-step="${name}"( open)?>[\\s\\S]*?</details>`).exec(html)?.[0] ?? '';

/** Everyone sees the case (issue 14): the summary and the earlier steps' outputs on the case page and every task page; called processes belong to their case; waiting is explained. */
describe('Web: the case summary and the outputs of earlier steps', () => {
  let s: TestServer;
  let officer: ApiClient;
  let reviewer: ApiClient;
  let head: ApiClient;

  before(async () => {
    s = await startProcessServer('web-case-sight');
    [officer, reviewer, head] = await Promise.all(['officer1', 'reviewer1', 'head1'].map((u) => ApiClient.login(s.base, u, 'demo')));
  });
  after(() => s.close());

  it('立案审批: the head reads the party, its code, the step and its holder, the filing clock\'s last day and the lead as the officer entered it', async () => {
    await moveClock(s, '2026-03-02T01:00:00Z');
    const web = await webLogin(s.base, 'officer1', 'demo');
    const started = await web.post('/cases/new/penalty', Object.fromEntries(Object.entries(lead('2026-03-02')).map(([k, v]) => [k, String(v)])));
    expect(started.status, started.text.slice(0, 300)).to.equal(303);
    const id = started.location!.replace('/cases/', '');
    const task = await openTask(s, id, 'filingApproval');
    const page = await (await webLogin(s.base, 'head1', 'demo')).get(`/tasks/${task.id}`);
    expect(page.status).to.equal(200);
    expect(section(page.text, 'case-summary')).to.equal(
      '当事人 湘西某化工有限公司 统一社会信用代码 91433100MA4L12345F 法定代表人 李四 当前环节 立案审批 · 办理人：待认领（负责人） 2026-03-17 届满 期限 立案审查期限：2026-03-17 届满',
    );
    const leadStep = step(page.text, '线索登记（行政处罚）');
    expect(leadStep, 'the lead, unfolded on the step after it').to.match(/^<details class="step" data-step="线索登记（行政处罚）" open>/);
    expect(readable(leadStep)).to.equal(
      '线索登记（行政处罚） · 张执法 · 2026/03/02 09:00 当事人 湘西某化工有限公司 当事人类别 法人及非法人组织 统一社会信用代码 91433100MA4L12345F 法定代表人 李四 当事人地址 湖南省吉首市经济开发区1号 线索来源及内容 群众举报夜间偷排废水 线索发现日期 2026-03-02',
    );
  });

  it('the case page, later: 案由, the proposed penalty, each step with who and when, yes/no, choices by their labels and lists as tables', async () => {
    const { id } = await caseAtLegalReview(s, { officer, reviewer, head }, 'SIGHT-1');
    const page = await (await webLogin(s.base, 'officer1', 'demo')).get(`/cases/${id}`);
    // 90 days from filing on 2 March end on Sunday 31 May: the period rolls over to Monday.
    expect(section(page.text, 'case-summary')).to.equal(
      '当事人 湘西某化工有限公司 统一社会信用代码 91433100MA4L12345F 法定代表人 李四 案由 超标排放水污染物 当前环节 提交审核材料 （重大执法决定法制审核） · 办理人：待认领（承办人员） 拟处罚 罚款，罚款金额 200,000 元 期限 办案期限：2026-06-01 届满',
    );
    const steps = [...page.text.matchAll(/<details class="step" data-step="([^"]+)"/g)].map((m) => m[1]);
    expect(steps).to.deep.equal(['线索登记（行政处罚）', '立案审批', '调查取证', '案件审查', '告知拟处罚及权利', '送达告知书']);
    expect(page.text, 'folded on the case page').not.to.match(/<details class="step"[^>]* open>/);
    expect(readable(step(page.text, '立案审批'))).to.include('立案审批 · 陈局长 · 2026/03/02 09:00').and.include('是否立案 予以立案').and.include('案由 超标排放水污染物').and.include('违法行为发生日期 2026-03-01');
    const investigationStep = readable(step(page.text, '调查取证'));
    expect(investigationStep).to.include('调查人员 张执法、李执法').and.include('已向当事人出示执法证件 是');
    expect(investigationStep, 'the evidence list as a table').to.include('证据清单 证据名称 证据种类 证明事项 现场检查笔录 勘验笔录、现场笔录');
    const review = readable(step(page.text, '案件审查'));
    expect(review).to.include('拟处罚种类 罚款').and.include('拟罚款金额（元） 200000').and.include('情节复杂或重大违法行为给予较重的行政处罚 是');
    expect(review).to.include('违反的法律规定（违法依据） 法律、法规、规章名称 条 款 项 条文内容 中华人民共和国水污染防治法 十');
    const main = page.text.slice(page.text.indexOf('<main'));
    expect(main, 'no username where a name is read').not.to.match(/>[^<]*\b(officer1|officer2|head1|reviewer1|admin)\b/);
  });

  it('法制审核 reads the draft decision and the materials on its task; completing it returns to the case, which lists the called process\'s open task and its holder; the officer reads the problems found', async () => {
    const { id, legalReviewId } = await caseAtLegalReview(s, { officer, reviewer, head }, 'SIGHT-2');
    await moveClock(s, '2026-03-11T02:00:00Z');
    await completeTask(s, officer, legalReviewId, 'submit', legalReviewMaterials());
    const legal = await webLogin(s.base, 'legal1', 'demo');
    const reviewTask = await openTask(s, legalReviewId, 'review');
    const page = await legal.get(`/tasks/${reviewTask.id}`);
    const materials = step(page.text, '提交审核材料');
    expect(materials).to.match(/ open>/);
    expect(readable(materials)).to.include('提交审核材料 （重大执法决定法制审核） · 张执法 · 2026/03/11 10:00')
      .and.include('拟作出的执法决定（决定书代拟稿） 行政处罚决定书（代拟稿）：罚款人民币二十万元')
      .and.include('案件事实及主要证据 现场检查笔录、监测报告').and.include('是否经过听证 否');
    expect(section(page.text, 'case-summary')).to.include('当事人 湘西某化工有限公司').and.include('拟处罚 罚款，罚款金额 200,000 元').and.include('法制审核期限：2026-03-18 届满');

    const done = await legal.post(`/tasks/${reviewTask.id}`, {
      reviewOpinionDate: '2026-03-11', checkCompetence: 'true', checkPowers: 'true', checkProcedure: 'false', checkFactsEvidence: 'true', checkLawAndDiscretion: 'true', checkDocuments: 'true', criminalReferralNeeded: 'false',
      reviewOpinion: 'problems', reviewProblems: '未附听证权利告知的送达回证，请补充后重新送审',
    });
    expect(done.status, done.text.slice(0, 400)).to.equal(303);
    expect(done.location).to.equal(`/cases/${id}?completed=%E6%B3%95%E5%88%B6%E5%AE%A1%E6%A0%B8#proc-${legalReviewId}`);
    const casePage = await legal.get(`/cases/${id}?completed=法制审核`);
    expect(section(casePage.text, 'case-tasks')).to.equal('承办机构研究处理 （重大执法决定法制审核） · 办理人：待认领（承办人员）');
    expect(casePage.text).to.include(`<li id="proc-${legalReviewId}">重大执法决定法制审核 <span class="badge">办理中</span></li>`);
    const child = await legal.get(`/cases/${legalReviewId}`);
    expect(child.status).to.equal(303);
    expect(child.location).to.equal(`/cases/${id}#proc-${legalReviewId}`);

    const handling = await openTask(s, legalReviewId, 'handleProblems');
    const officerPage = await (await webLogin(s.base, 'officer1', 'demo')).get(`/tasks/${handling.id}`);
    const found = step(officerPage.text, '法制审核');
    expect(found).to.match(/ open>/);
    expect(readable(found)).to.include('法制审核 （重大执法决定法制审核） · 赵法制').and.include('审核意见 存在问题').and.include('执法程序合法 否')
      .and.include('存在的问题及修改意见 未附听证权利告知的送达回证，请补充后重新送审');
  });

  it('during the statement period the case says until when a statement or a hearing request may come', async () => {
    const { fileCase, caseReview, investigation, notifyAndServe } = await import('../helpers/penalty-case.ts');
    await moveClock(s, '2026-03-02T01:00:00Z');
    const id = await fileCase(s, head, 'SIGHT-4', '2026-03-02', '2026-03-01');
    await completeTask(s, officer, id, 'investigation', investigation());
    await completeTask(s, reviewer, id, 'caseReview', caseReview({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 5000 }));
    await notifyAndServe(s, officer, id, '2026-03-03');
    const summary = section((await (await webLogin(s.base, 'officer1', 'demo')).get(`/cases/${id}`)).text, 'case-summary');
    // 5 working days from receipt on 3 March: 4, 5, 6, 9, 10 March.
    expect(summary).to.include('当前环节 陈述申辩期间（当事人放弃的，在此登记） · 办理人：待认领（承办人员） 2026-03-10 届满');
    expect(summary).to.include('等待 收到听证申请：可至 2026-03-10 收到陈述、申辩：可至 2026-03-10');
    expect(summary).to.include('陈述申辩期限：2026-03-10 届满');
  });

  it('a case with no open task says what it waits for and until when (公告送达: the notice is deemed served when the 30 days have run)', async () => {
    const { fileCase, caseReview, investigation } = await import('../helpers/penalty-case.ts');
    await moveClock(s, '2026-05-18T01:00:00Z');
    const id = await fileCase(s, head, 'SIGHT-3', '2026-05-18', '2026-05-17');
    await completeTask(s, officer, id, 'investigation', investigation());
    await completeTask(s, reviewer, id, 'caseReview', caseReview({ partyType: '法人及非法人组织', kinds: ['warning'] }));
    await moveClock(s, '2026-05-20T02:00:00Z');
    await completeTask(s, officer, id, 'noticeOfPenalty', { noticeDate: '2026-05-20', rightsStated: true });
    await completeTask(s, officer, id, 'serviceOfNotice', { noticeServiceMethod: '公告送达', noticePublishedOn: '2026-05-20' });
    expect((await view(s, id)).tasks).to.deep.equal([]);
    const page = await (await webLogin(s.base, 'officer1', 'demo')).get(`/cases/${id}`);
    expect(section(page.text, 'case-summary')).to.include('当前环节 没有待办任务，案件正在等待（见下） 等待 公告期满视为送达：2026-06-18 届满').and.include('拟处罚 警告');
    expect(page.text).to.include('没有待办任务。案件正在等待：公告期满视为送达：2026-06-18 届满。');
  });
});
