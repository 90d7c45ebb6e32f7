import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { screenshot, signedInPage } from '../helpers/browser-session.ts';
import { ROOT, startProcessServer, type TestServer } from '../helpers/server.ts';

type Modeler = { get(name: string): any; saveXML(o: unknown): Promise<{ xml: string }> };
declare const window: { bpmnjs: Modeler };

/** A process administrator in a real browser: opens penalty in the modeler, edits it, validates, deploys a new version. */
describe('Browser: the administrators\' modeler', function () {
  this.timeout(60_000);
  let s: TestServer;
  let browser: Browser;
  let page: Page;

  before(function () { skipWithoutChromium(this); });
  before(async () => {
    [s, browser] = await Promise.all([startProcessServer('browser-admin'), launchChromium()]);
    page = await signedInPage(browser, s.base, 'admin', 'admin');
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  const status = () => page.getByTestId('modeler-status');
  const deployed = fs.readFileSync(path.join(ROOT, 'processes/penalty.bpmn'), 'utf8');
  const formKeys = (xml: string) => xml.match(/camunda:formKey=/g)?.length ?? 0;
  /** The attributes of the filing approval task, whatever prefix the file gives BPMN elements. */
  const filingApproval = (xml: string) => Object.fromEntries([.../<(?:bpmn:)?userTask (id="filingApproval"[^>]*)>/.exec(xml)![1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

  it('opens penalty, refuses a file that is not BPMN, marks an unreadable period on its task, and deploys the renamed task as version 2 with its Camunda attributes', async () => {
    await page.goto(`${s.base}/admin`);
    expect(await page.locator('tr[data-key="penalty"]').count()).to.be.greaterThan(0);
    await screenshot(page, 'admin-processes');

    await page.locator('tr[data-key="penalty"]').getByRole('link', { name: '在建模器中打开' }).click();
    await page.locator('#modeler[data-ready="true"]').waitFor();
    const original = await page.evaluate(async () => (await window.bpmnjs.saveXML({ format: true })).xml);
    expect(formKeys(original), 'the modeler keeps every camunda:formKey it opened').to.equal(formKeys(deployed)).and.be.greaterThan(10);

    await page.setInputFiles('#upload', { name: '笔记.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是流程图') });
    await page.waitForFunction(() => document.getElementById('status')!.className === 'error');
    expect(await status().textContent()).to.include('「笔记.txt」不是 BPMN 文件');

    await page.evaluate(() => {
      const registry = window.bpmnjs.get('elementRegistry');
      const modeling = window.bpmnjs.get('modeling');
      const task = registry.get('filingApproval');
      modeling.updateLabel(task, '立案审批（负责人）');
      modeling.updateProperties(task, { 'camunda:dueDate': 'P3XD' });
    });
    await page.getByRole('button', { name: '校验' }).click();
    await page.getByTestId('problems').locator('li').first().waitFor();
    expect(await page.getByTestId('problems').textContent()).to.include('P3XD');
    expect(await page.locator('[data-element-id="filingApproval"].lint-error').count(), 'the task is marked on the canvas').to.equal(1);
    expect(await page.locator('.problem-overlay').first().textContent()).to.include('P3XD');
    await screenshot(page, 'modeler');

    await page.getByRole('button', { name: '部署' }).click();
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('未部署'));
    expect((await s.api.get('/api/definitions')).body.filter((d: { key: string }) => d.key === 'penalty')).to.have.length(1);

    await page.evaluate(() => {
      const task = window.bpmnjs.get('elementRegistry').get('filingApproval');
      window.bpmnjs.get('modeling').updateProperties(task, { 'camunda:dueDate': 'clock:filing' });
    });
    await page.getByRole('button', { name: '校验' }).click();
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('校验通过'));
    expect(await page.locator('.lint-error').count(), 'the marks go once the problem is fixed').to.equal(0);
    await page.getByRole('button', { name: '部署' }).click();
    await page.waitForFunction(() => document.getElementById('status')!.dataset.version === '2');
    expect(await status().textContent()).to.include('第 2 版');

    await page.goto(`${s.base}/admin`);
    const v2 = page.locator('tr[data-key="penalty"][data-version="2"]');
    expect(await v2.textContent()).to.include('admin');
    const xml = await (await page.request.get(`${s.base}/admin/processes/penalty/versions/2/diagram.bpmn`)).text();
    expect(xml).to.include('name="立案审批（负责人）"');
    expect(formKeys(xml)).to.equal(formKeys(deployed));
    expect(filingApproval(xml), 'the edited task keeps its form, group and due date').to.deep.equal({ ...filingApproval(deployed), name: '立案审批（负责人）' });
    expect(filingApproval(deployed)).to.include({ 'camunda:formKey': 'penalty-filing' });
  });
});
