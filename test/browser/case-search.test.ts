import path from 'node:path';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { screenshot, signedInPage } from '../helpers/browser-session.ts';
import { completeTask } from '../helpers/fixtures.ts';
import { filing, lead } from '../helpers/penalty-case.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../helpers/server.ts';

/** 案件: a case is found on the case list by its party and by its 立案编号; a registered party is picked on the start form. */
describe('Browser: the case list finds a case by party and by 立案编号', function () {
  this.timeout(90_000);
  let s: TestServer;
  let browser: Browser;
  let filed: string;
  let partyId: number;

  before(function () { skipWithoutChromium(this); });
  before(async () => {
    const server = startServer({ label: 'browser-case-search', processesDir: path.join(ROOT, 'processes'), clockStart: new Date('2026-03-02T01:00:00Z') });
    [s, browser] = await Promise.all([server, launchChromium()]);
    const [officer, head] = await Promise.all([ApiClient.login(s.base, 'officer1', 'demo'), ApiClient.login(s.base, 'head1', 'demo')]);
    const party = await officer.post('/api/parties', { partyType: '法人及非法人组织', name: '湘西某化工有限公司', creditCode: '91433100MA4L12345F', legalRepresentative: '李四', address: '湖南省吉首市经济开发区1号' });
    partyId = party.body.id;
    filed = (await officer.post('/api/instances', { processKey: 'penalty', partyId, variables: { lead: '群众举报夜间偷排废水', leadDiscoveredOn: '2026-03-01' } })).body.id;
    await completeTask(s, head, filed, 'filingApproval', filing('2026-02-20'));
    await officer.post('/api/instances', { processKey: 'penalty', variables: lead('2026-03-01', { party: '吉首某砂石场', creditCode: '' }) });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('finds the case by party name and by its 立案编号; the row names its step, holder and last day', async () => {
    const page = await signedInPage(browser, s.base, 'officer1');
    await page.getByRole('link', { name: '案件', exact: true }).click();
    await page.waitForURL(/\/cases\?|\/cases$/);
    expect(await page.getByTestId('case-total').textContent()).to.equal('共 2 件');

    await page.getByLabel('当事人（名称、统一社会信用代码或身份证号码）').fill('化工');
    await Promise.all([page.waitForURL(/party=/), page.getByRole('button', { name: '查询' }).click()]);
    const rows = page.getByTestId('case-list').locator('tbody tr');
    expect(await rows.count()).to.equal(1);
    const row = await rows.first().innerText();
    for (const text of ['湘西环罚立〔2026〕1号', '湘西某化工有限公司', '行政处罚（一般程序）', '调查取证', '待认领（承办人员）']) expect(row).to.include(text);
    await screenshot(page, 'case-list');

    await page.getByLabel('当事人（名称、统一社会信用代码或身份证号码）').fill('');
    await page.getByLabel('立案编号').fill('罚立〔2026〕1号');
    await Promise.all([page.waitForURL(/caseNo=/), page.getByRole('button', { name: '查询' }).click()]);
    expect(await rows.count()).to.equal(1);
    await Promise.all([page.waitForURL(new RegExp(`/cases/${filed}$`)), rows.first().getByRole('link', { name: '湘西环罚立〔2026〕1号' }).click()]);
    expect(await page.getByTestId('case-no').textContent()).to.equal('湘西环罚立〔2026〕1号');
    expect(await page.locator('h1').textContent()).to.include('湘西环罚立〔2026〕1号 湘西某化工有限公司');
  });

  it('a registered party is picked on the start form, and its page lists the new case', async () => {
    const page = await signedInPage(browser, s.base, 'officer2');
    await page.goto(`${s.base}/cases/new/penalty`);
    await page.getByLabel('名称、统一社会信用代码或身份证号码').fill('91433100MA4L12345F');
    await Promise.all([page.waitForURL(/partyQ=/), page.getByRole('button', { name: '查找当事人' }).click()]);
    await page.getByTestId('party-choices').getByRole('radio', { name: /湘西某化工有限公司/ }).check();
    await page.fill('textarea[name=lead]', '再次举报偷排');
    await page.fill('input[name=leadDiscoveredOn]', '2026-03-02');
    await Promise.all([page.waitForURL(/\/cases\/[0-9a-f-]{36}$/), page.click('main button[type=submit]')]);
    expect(await page.locator('h1').textContent()).to.include('湘西某化工有限公司');

    await page.goto(`${s.base}/cases?scope=department&party=${encodeURIComponent('91433100MA4L12345F')}`);
    expect(await page.getByTestId('case-total').textContent()).to.equal('共 2 件');
    await page.goto(`${s.base}/parties/${partyId}`);
    expect(await page.getByTestId('party').innerText()).to.include('91433100MA4L12345F');
    expect(await page.getByTestId('party-cases').locator('tbody tr').count()).to.equal(2);
  });
});
