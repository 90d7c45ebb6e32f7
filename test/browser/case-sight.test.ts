import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { screenshot, signedInPage } from '../helpers/browser-session.ts';
import { completeTask, openTask, startInstance } from '../helpers/fixtures.ts';
import { caseAtLegalReview, lead, legalReviewMaterials, moveClock } from '../helpers/penalty-case.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';

/** Everyone sees the case (issue 14), one role at a time in Chromium: the head, 法制审核, and the case a called process belongs to. */
describe('Browser: everyone sees the case', function () {
  this.timeout(90_000);
  let s: TestServer;
  let browser: Browser;

  before(function () { skipWithoutChromium(this); });
  before(async () => {
    [s, browser] = await Promise.all([startProcessServer('browser-case-sight'), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('the head opens 立案审批 and reads the party and the lead before deciding', async () => {
    await moveClock(s, '2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'penalty', lead('2026-03-02', { lead: '群众举报：该公司夜间经雨水排口偷排含铬废水' }), 'SIGHT-B1');
    const head = await signedInPage(browser, s.base, 'head1');
    await head.goto(`${s.base}/tasks/${(await openTask(s, id, 'filingApproval')).id}`);
    const summary = head.locator('[data-testid=case-summary]');
    expect(await summary.textContent()).to.include('湘西某化工有限公司').and.include('91433100MA4L12345F').and.include('待认领（负责人）').and.include('2026-03-17 届满');
    const leadStep = head.locator('details[data-step="线索登记（行政处罚）"]');
    expect(await leadStep.getAttribute('open'), 'the lead is unfolded on the step after it').to.equal('');
    expect(await head.getByText('群众举报：该公司夜间经雨水排口偷排含铬废水').isVisible()).to.equal(true);
    await screenshot(head, 'filing-approval-sees-lead');
  });

  it('法制审核 reads the materials and the draft decision on its task; after its opinion the browser is on the case page, which lists the called process\'s next task and who holds it', async () => {
    const [officer, reviewer, headApi] = await Promise.all(['officer1', 'reviewer1', 'head1'].map((u) => ApiClient.login(s.base, u, 'demo')));
    const { id, legalReviewId } = await caseAtLegalReview(s, { officer, reviewer, head: headApi }, 'SIGHT-B2');
    await moveClock(s, '2026-03-11T02:00:00Z');
    await completeTask(s, officer, legalReviewId, 'submit', legalReviewMaterials());

    const legal = await signedInPage(browser, s.base, 'legal1');
    await legal.goto(`${s.base}/tasks/${(await openTask(s, legalReviewId, 'review')).id}`);
    const materials = legal.locator('details[data-step="提交审核材料"]');
    expect(await materials.getAttribute('open')).to.equal('');
    expect(await legal.getByText('行政处罚决定书（代拟稿）：罚款人民币二十万元').isVisible(), 'the draft decision').to.equal(true);
    expect(await legal.getByText('超标倍数较高，按裁量基准中档处罚').isVisible(), 'the discretion applied').to.equal(true);
    expect(await legal.locator('[data-testid=case-summary]').textContent()).to.include('拟处罚罚款，罚款金额 200,000 元');
    await screenshot(legal, 'legal-review-sees-materials');

    for (const point of ['checkCompetence', 'checkPowers', 'checkFactsEvidence', 'checkLawAndDiscretion', 'checkDocuments']) await legal.check(`input[name=${point}]`);
    await legal.check('input[name=reviewOpinion][value=problems]');
    await legal.fill('textarea[name=reviewProblems]', '未附听证权利告知的送达回证，请补充后重新送审');
    await Promise.all([legal.waitForURL(/\/cases\//), legal.getByRole('button', { name: '提交', exact: true }).click()]);
    const landed = new URL(legal.url());
    expect(landed.pathname, 'the case, not the called process').to.equal(`/cases/${id}`);
    expect(landed.hash).to.equal(`#proc-${legalReviewId}`);
    expect(await legal.locator('[data-testid=case-tasks]').textContent()).to.match(/承办机构研究处理\s*（重大执法决定法制审核）\s*·\s*办理人：待认领（承办人员）/);
    expect(await legal.locator('.flash').textContent()).to.include('已提交「法制审核」');

    const officerPage = await signedInPage(browser, s.base, 'officer1');
    await officerPage.goto(`${s.base}/tasks/${(await openTask(s, legalReviewId, 'handleProblems')).id}`);
    expect(await officerPage.locator('details[data-step="法制审核"]').getAttribute('open'), 'the problems found, unfolded').to.equal('');
    expect(await officerPage.getByText('未附听证权利告知的送达回证，请补充后重新送审').isVisible()).to.equal(true);
  });
});
