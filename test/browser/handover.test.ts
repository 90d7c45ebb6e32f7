import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { screenshot, signedInPage } from '../helpers/browser-session.ts';
import { deploy, startForDepartmentOf, view } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

/** In Chromium: a manager hands a task to a named officer, who finds it in 我的待办; a dashboard figure opens the cases it counts. */
describe('Browser: handing over and the dashboard drill-down', function () {
  this.timeout(60_000);
  let s: TestServer;
  let browser: Browser;
  let caseId: string;

  before(function () { skipWithoutChromium(this); });
  before(async () => {
    [s, browser] = await Promise.all([startServer({ label: 'browser-handover' }), launchChromium()]);
    await deploy(s, 'handover.bpmn');
    caseId = await startForDepartmentOf(s, 'officer1', 'handover', {}, '湘执罚〔2026〕7号');
    await startForDepartmentOf(s, 'officer1', 'handover', {}, '湘执罚〔2026〕8号');
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('a manager reassigns a task to a named officer, and the officer sees it in 我的待办 as theirs', async () => {
    const task = (await view(s, caseId)).tasks[0];
    const manager = await signedInPage(browser, s.base, 'manager1');
    await manager.goto(`${s.base}/tasks/${task.id}`);
    expect(await manager.getByTestId('task-holder').innerText()).to.equal('待认领（承办人员）');
    await manager.selectOption('select[name=to]', { label: '李执法' });
    await manager.fill('[data-testid=reassign-form] input[name=reason]', '张执法出差，改由李执法承办');
    await Promise.all([manager.waitForURL(/reassigned=1/), manager.click('[data-testid=reassign-form] button[type=submit]')]);
    expect(await manager.getByTestId('task-holder').innerText()).to.equal('李执法');
    await screenshot(manager, 'task-reassigned');

    const officer = await signedInPage(browser, s.base, 'officer2');
    await officer.goto(`${s.base}/`);
    const mine = officer.getByTestId('tasks-open');
    const row = mine.locator('tr', { has: officer.getByRole('link', { name: '湘执罚〔2026〕7号' }) });
    expect(await row.getByTestId('holder').innerText()).to.equal('李执法');
    expect(await row.getByRole('link', { name: '现场检查' }).getAttribute('href')).to.equal(`/tasks/${task.id}`);
    const entry = (await view(s, caseId)).history.find((h: { kind: string }) => h.kind === 'task.reassigned');
    expect(entry).to.deep.include({ actor: 'manager1', data: { taskId: task.id, from: null, to: 'officer2', reason: '张执法出差，改由李执法承办' } });
  });

  it('a dashboard figure, clicked, lists the cases it counts', async () => {
    const manager = await signedInPage(browser, s.base, 'manager1');
    await manager.goto(`${s.base}/dashboard`);
    const figure = await manager.getByTestId('total-open-cases').innerText();
    expect(figure).to.equal('2');
    await Promise.all([manager.waitForURL(/\/dashboard\/cases\?metric=openCases$/), manager.getByTestId('total-open-cases').getByRole('link').click()]);
    expect(await manager.getByTestId('drill-summary').innerText()).to.include('共 2 件案件，计 2 项');
    const links = await manager.getByTestId('drill-cases').getByRole('link').allInnerTexts();
    expect(links.sort()).to.deep.equal(['湘执罚〔2026〕7号', '湘执罚〔2026〕8号']);
    await screenshot(manager, 'dashboard-drill-down');
    // The department row's open tasks: the same number as in the table, the same cases.
    await manager.goto(`${s.base}/dashboard`);
    const cell = manager.locator('[data-testid=by-department] tr[data-row="执法支队"] a[href*="metric=openTasks"]');
    expect(await cell.innerText()).to.equal('2');
    await Promise.all([manager.waitForURL(/metric=openTasks/), cell.click()]);
    expect(await manager.getByTestId('drill-summary').innerText()).to.include('计 2 项');
  });
});
