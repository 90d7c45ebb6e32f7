import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { startForDepartmentOf } from '../helpers/fixtures.ts';
import { screenshot, signedInPage } from '../helpers/browser-session.ts';
import { penaltyDecision, publishPenalty, withdrawPublication } from '../helpers/publications.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';

/** The public platform as an anonymous visitor sees it, and the managers' dashboard, in Debian's chromium. */
describe('Browser: the public platform and the managers\' dashboard', function () {
  this.timeout(60_000);
  let s: TestServer;
  let browser: Browser;
  let officer: ApiClient;

  before(function () { skipWithoutChromium(this); });
  before(async () => {
    [s, browser] = await Promise.all([startProcessServer('browser-public'), launchChromium()]);
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  const anonymousPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage();
  const listed = (page: Page) => page.locator('table[data-testid=publications] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim())));

  it('shows a published decision to an anonymous visitor, finds it by party, and after its withdrawal shows only the withdrawal notice', async () => {
    const id = await publishPenalty(s, officer, '凤凰县某养殖场', '湘西环罚〔2026〕20号');
    await publishPenalty(s, officer, '吉首市某建材厂', '湘西环罚〔2026〕21号');
    const page = await anonymousPage();
    await page.goto(`${s.base}/public`);
    expect(page.url(), 'no sign-in asked').to.equal(`${s.base}/public`);
    expect(await listed(page)).to.have.deep.members([['凤凰县某养殖场', '行政处罚', '湘西环罚〔2026〕12号'], ['吉首市某建材厂', '行政处罚', '湘西环罚〔2026〕12号']]);
    await screenshot(page, 'public');

    await page.fill('input[name=party]', '养殖场');
    await Promise.all([page.waitForURL(/party=/), page.click('form[data-testid=search] button[type=submit]')]);
    expect(await listed(page)).to.deep.equal([['凤凰县某养殖场', '行政处罚', '湘西环罚〔2026〕12号']]);
    await Promise.all([page.waitForURL(/\/public\/publications\/\d+$/), page.click('text=凤凰县某养殖场')]);
    expect(await page.locator('[data-testid=publication-detail]').textContent()).to.contain('员工张某证实').and.not.contain('张三');

    await s.api.post('/api/dev/clock', { set: '2026-03-05T02:00:00Z' });
    await withdrawPublication(s, officer, id, '湘西环罚〔2026〕20号', '经行政复议，原处罚决定被撤销。');
    await page.goto(`${s.base}/public?party=${encodeURIComponent('养殖场')}`);
    expect(await listed(page)).to.deep.equal([['凤凰县某养殖场', '撤回公示', '湘西环罚〔2026〕12号']]);
    const notice = await page.locator('[data-testid=withdrawal-notice]').textContent();
    expect(notice).to.contain('撤回原因：撤销').and.contain('2026/03/05').and.contain('经行政复议，原处罚决定被撤销。');
    await page.goto(`${s.base}/public/lists`);
    expect(await page.locator('[data-testid=list-av-recording]').textContent()).to.contain('现场实施查封、扣押');
    await page.context().close();
  });

  it('shows manager1 the dashboard of 执法支队 with its charts, overdue items and the reminder sent to the managers', async () => {
    const start = async (processKey: string, variables: Record<string, unknown>) => expect((await officer.post('/api/instances', { processKey, variables })).status).to.equal(201);
    await s.api.post('/api/dev/clock', { set: '2026-03-06T02:00:00Z' });
    await startForDepartmentOf(s, 'officer1', 'publication', { ...penaltyDecision('保靖县某砂场'), decisionDate: '2026-03-06' });
    await start('penalty', { party: '花垣县某锰业公司', partyType: '法人及非法人组织', lead: '群众举报夜间偷排', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    await start('penalty', { party: '永顺县某造纸厂', partyType: '法人及非法人组织', lead: '在线监测数据异常', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    await s.api.post('/api/dev/clock', { set: '2026-03-18T02:00:00Z' }); // Wednesday: the publication's 7 working days (9–17 March) have run
    const page = await signedInPage(browser, s.base, 'manager1');
    await page.click('nav >> text=监督看板');
    await page.waitForURL(`${s.base}/dashboard`);
    expect(await page.locator('svg.chart').count()).to.equal(2);
    expect(await page.locator('svg.chart').first().locator('g.bar-group').getAttribute('data-label')).to.equal('执法支队');
    expect(await page.locator('[data-testid=total-open-cases]').textContent()).to.equal('3');
    expect(await page.locator('table[data-testid=overdue] tbody tr').count()).to.be.greaterThan(0);
    expect(await page.locator('table[data-testid=escalations]').textContent()).to.contain('公示期限提醒').and.contain('保靖县某砂场');
    await screenshot(page, 'dashboard');
    await Promise.all([page.waitForURL(/\/dashboard\/statistics$/), page.click('[data-testid=statistics-link]')]);
    expect(await page.locator('svg.chart').count()).to.equal(1);
    expect(await page.locator('table[data-testid=cases-by-outcome]').textContent()).to.contain('行政处罚（一般程序）');
    await screenshot(page, 'statistics');
    await page.goBack();
    await Promise.all([page.waitForURL(/\/cases\//), page.locator('table[data-testid=overdue] tbody tr', { hasText: '公示期限' }).locator('a').first().click()]);
    expect(await page.locator('h1').textContent()).to.contain('公示');
    await page.context().close();
  });
});
