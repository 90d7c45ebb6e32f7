import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { signedInPage } from '../helpers/browser-session.ts';
import { fileCase, moveClock } from '../helpers/penalty-case.ts';
import { view } from '../helpers/fixtures.ts';
import { ApiClient, ROOT, startProcessServer, type TestServer } from '../helpers/server.ts';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }

/**
 * The main pages checked by axe-core in Debian's chromium: no serious or critical violation
 * (labels, contrast, landmarks, ARIA), one h1 each. The page's CSP forbids inline scripts, so the
 * checker is injected into a context that bypasses it; the pages themselves are unchanged.
 */
describe('Browser: accessibility of the main pages (axe-core)', function () {
  this.timeout(60_000);
  let s: TestServer;
  let browser: Browser;
  let caseId: string;
  let taskId: string;

  before(function () { skipWithoutChromium(this); });
  before(async () => {
    [s, browser] = await Promise.all([startProcessServer('browser-a11y'), launchChromium()]);
    await moveClock(s, '2026-03-02T02:00:00Z');
    const head = await ApiClient.login(s.base, 'head1', 'demo');
    caseId = await fileCase(s, head, 'A11Y-1', '2026-03-02', '2026-03-01');
    taskId = (await view(s, caseId)).tasks.find((t: { elementId: string }) => t.elementId === 'investigation').id;
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  async function check(page: Page, what: string): Promise<void> {
    await page.addScriptTag({ content: AXE });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    })) as Violation[];
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1] ?? ''}`).join('\n    ')}`).join('\n  ');
    expect(serious.length, `${what}:\n  ${report}`).to.equal(0);
    expect(await page.locator('h1').count(), `${what}: exactly one h1`).to.equal(1);
    expect(await page.locator('a.skip-link[href="#main"]').count(), `${what}: a skip link to the main content`).to.equal(1);
  }

  const open = async (page: Page, url: string) => {
    await page.goto(`${s.base}${url}`);
    return page;
  };

  it('the sign-in page and the public platform, signed out', async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'zh-CN' });
    const page = await context.newPage();
    await check(await open(page, '/login'), '登录');
    await check(await open(page, '/public'), '公示平台');
    await check(await open(page, '/public/lists'), '五个清单');
    await check(await open(page, '/public/discretion'), '裁量基准');
    await context.close();
  });

  it("an officer's pages: 我的待办, new case, the case page with its diagram described in words, a task form before and after a refused submit", async () => {
    const page = await signedInPage(browser, s.base, 'officer1', 'demo', { bypassCSP: true });
    await check(await open(page, '/'), '我的待办');
    await check(await open(page, '/cases/new'), '新建案件');
    await check(await open(page, '/cases/new/penalty'), '线索登记');
    await open(page, `/cases/${caseId}`);
    await page.waitForSelector('#diagram[data-ready=true]');
    expect(await page.locator('[data-testid=diagram-text]').textContent()).to.contain('当前环节：调查取证').and.contain('立案审批');
    await check(page, '案件');
    await check(await open(page, `/tasks/${taskId}`), '调查取证');

    await page.click('form[action^="/tasks/"] button[type=submit]:not([name])');
    await page.waitForSelector('.field-error');
    // The page's scripts are deferred: they run once it is parsed, so read the focus after they have.
    await page.waitForLoadState('load');
    const focused = await page.evaluate(() => ({ name: document.activeElement?.getAttribute('name'), invalid: document.activeElement?.getAttribute('aria-invalid'), describedBy: document.activeElement?.getAttribute('aria-describedby') }));
    expect(focused.invalid, 'focus is on the first field in error').to.equal('true');
    expect(await page.locator(`#${focused.describedBy}`).textContent(), 'which points at its message').to.match(/必填|至少/);
    await check(page, '调查取证（提交失败后）');
    await page.context().close();
  });

  it("the managers' and administrators' pages: dashboard, statistics, processes, calendar", async () => {
    const page = await signedInPage(browser, s.base, 'admin', 'admin', { bypassCSP: true });
    await check(await open(page, '/dashboard'), '监督看板');
    await check(await open(page, '/dashboard/statistics'), '执法统计');
    await check(await open(page, '/admin'), '系统管理 · 流程');
    await check(await open(page, '/admin/calendar'), '系统管理 · 工作日历');
    await page.context().close();
  });
});
