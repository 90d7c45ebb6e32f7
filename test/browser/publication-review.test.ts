import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { screenshot, signedInPage } from '../helpers/browser-session.ts';
import { openTask, startForDepartmentOf, view } from '../helpers/fixtures.ts';
import { penaltyDecision } from '../helpers/publications.ts';
import { startProcessServer, type TestServer } from '../helpers/server.ts';

/** 公示信息审核 in a real browser: the reviewer reads the marked text, adds what to hide, previews and publishes. */
describe('Browser: the publication review', function () {
  this.timeout(90_000);
  let s: TestServer;
  let browser: Browser;

  before(function () { skipWithoutChromium(this); });
  before(async () => {
    [s, browser] = await Promise.all([startProcessServer('browser-publication-review'), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('marks the redactions, previews the names and terms typed in, and publishes exactly that text', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    const facts = '现场检查发现废气超标排放；员工张三（电话13812345678）证实，运输车辆湘A12345由王某某驾驶。';
    const id = await startForDepartmentOf(s, 'officer1', 'publication', { ...penaltyDecision('凤凰县某物流有限公司'), facts });
    const task = await openTask(s, id, 'review');
    const page = await signedInPage(browser, s.base, 'officer1');
    await page.goto(`${s.base}/tasks/${task.id}`);
    expect(await page.locator('[data-testid=preview-fields] mark').allTextContents()).to.deep.equal(['138****5678']);

    await page.locator('input[name=namesToRedact]').nth(0).fill('张三');
    await page.locator('input[name=namesToRedact]').nth(1).fill('王某某');
    await page.locator('input[name=textsToRedact]').nth(0).fill('湘A12345');
    await Promise.all([page.waitForLoadState('load'), page.click('[data-testid=preview-button]')]);
    await page.waitForSelector('[data-testid=publication-preview] mark[title="审核人列明须隐去的内容"]');
    expect(await page.locator('[data-testid=preview-fields] mark').allTextContents()).to.deep.equal(['张某', '138****5678', '***', '王某']);
    await screenshot(page, 'publication-review');

    await page.check('input[name=fieldsConfirmed]');
    await page.check('input[name=redactionChecked]');
    await Promise.all([page.waitForURL(/\/cases\//), page.getByRole('button', { name: '提交', exact: true }).click()]);
    const v = await view(s, id);
    expect(v.variables).to.include({ published: true });
    await page.goto(`${s.base}/public/publications/${v.variables.publicationId}`);
    const shown = await page.locator('[data-testid=publication-detail]').textContent();
    expect(shown).to.include('员工张某（电话138****5678）证实，运输车辆***由王某驾驶。');
    expect(shown).not.to.match(/张三|王某某|湘A12345/);
  });
});
