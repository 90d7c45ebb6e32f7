import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { screenshot, signedInPage } from '../helpers/browser-session.ts';
import { media, uploadEvidence } from '../helpers/evidence.ts';
import { startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../helpers/server.ts';

/** Staff in a real browser: an officer starts a penalty case and works its first tasks; a legal review goes back with problems and is resubmitted. */
describe('Browser: staff work their tasks', function () {
  this.timeout(90_000);
  let s: TestServer;
  let browser: Browser;
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-browser-evidence-'));

  before(function () { skipWithoutChromium(this); });
  before(async () => {
    const server = startServer({ label: 'browser-staff', processesDir: path.join(ROOT, 'processes'), clockStart: new Date('2026-03-02T01:00:00Z'), env: { ZHIFA_EVIDENCE_DIR: evidenceDir } });
    [s, browser] = await Promise.all([server, launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
    fs.rmSync(evidenceDir, { recursive: true, force: true });
  });

  /** Open the task named `name` from the task list, claiming it first when it is offered to a group. */
  async function openTaskFromList(page: Page, name: string): Promise<void> {
    await page.goto(`${s.base}/`);
    const row = page.locator('tr', { has: page.getByRole('link', { name, exact: true }) }).first();
    const claim = row.getByRole('button', { name: '认领' });
    if (await claim.count()) await Promise.all([page.waitForURL(/\/tasks\//), claim.click()]);
    else await Promise.all([page.waitForURL(/\/tasks\//), row.getByRole('link', { name, exact: true }).click()]);
  }
  const submit = (page: Page) => Promise.all([page.waitForURL(/\/cases\//), page.click('form[action^="/tasks/"] button[type=submit]')]);

  it('an officer starts a penalty case, the leader files it, the officer investigates; the case page shows where it stands', async () => {
    const officer = await signedInPage(browser, s.base, 'officer1');
    await officer.goto(`${s.base}/cases/new`);
    await officer.getByRole('link', { name: '行政处罚（一般程序）' }).click();
    await officer.fill('input[name=party]', '湘西某化工有限公司');
    await officer.selectOption('select[name=partyType]', '法人及非法人组织');
    await officer.fill('textarea[name=lead]', '群众举报夜间偷排废水');
    await officer.fill('input[name=leadDiscoveredOn]', '2026-03-02');
    await officer.fill('input[name=partyAddress]', '湖南省吉首市经济开发区1号');
    await officer.fill('input[name=legalRepresentative]', '李四');
    await Promise.all([officer.waitForURL(/\/cases\/[0-9a-f-]{36}$/), officer.click('main button[type=submit]')]);
    const caseId = new URL(officer.url()).pathname.split('/').pop()!;
    await officer.waitForSelector('#diagram[data-ready=true]');
    expect(await officer.locator('.highlight-current').count(), 'the current step is marked on the diagram').to.be.greaterThan(0);

    const head = await signedInPage(browser, s.base, 'head1');
    await screenshot(head, 'task-list');
    await openTaskFromList(head, '立案审批');
    await head.check('input[name=fileCase][value=true]');
    await head.fill('textarea[name=filingOpinion]', '同意立案调查');
    await head.fill('input[name=caseCause]', '超标排放水污染物');
    await head.fill('input[name=violationDate]', '2026-03-01');
    await submit(head);
    expect(await head.locator('.flash').textContent()).to.include('已提交「立案审批」');

    await openTaskFromList(officer, '调查取证');
    await officer.check('input[name=investigators][value=officer1]');
    await officer.check('input[name=certificatesShown]');
    await officer.fill('textarea[name=facts]', '2026年3月2日夜间经雨水排口排放含铬废水');
    await officer.fill('input[name="evidence[0][name]"]', '现场检查笔录');
    await officer.selectOption('select[name="evidence[0][kind]"]', '勘验笔录、现场笔录');
    await officer.click('form[action^="/tasks/"] button[type=submit]');
    await officer.waitForSelector('.field-error');
    expect(await officer.locator('[data-field=investigators] .field-error').textContent(), 'one investigator is refused next to the field').to.match(/至少|2/);
    await screenshot(officer, 'task-form');
    await officer.check('input[name=investigators][value=officer2]');
    await submit(officer);

    const v = await view(s, caseId);
    expect(v.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['caseReview']);
    expect(v.variables).to.include({ handledBy: 'officer1' });
    await officer.waitForSelector('#diagram[data-ready=true]');
    expect(await officer.locator('[data-element-id=investigation].highlight-done').count(), 'the path taken is marked').to.equal(1);
    expect(await officer.locator('[data-element-id=caseReview].highlight-current').count()).to.equal(1);
    const timeline = await officer.locator('[data-testid=timeline]').textContent();
    expect(timeline).to.include('完成环节「调查取证」').and.to.include('陈局长').and.not.to.include('head1');
    expect(await officer.locator('[data-testid=clocks]').textContent(), 'the decision clock runs').to.include('办案期限');
    const uploaded = await uploadEvidence(await ApiClient.login(s.base, 'officer1', 'demo'), v.tasks[0].id, '现场检查录像.mp4', media.mp4('mp4 bytes'), {
      description: '夜间现场检查全程录像', place: '厂区雨水排口', speakers: '张执法、李执法；当事人环保负责人', summary: '告知检查事由，采集排口废水样品两瓶',
    });
    expect(uploaded.status).to.equal(201);
    await officer.reload();
    await officer.waitForSelector('#diagram[data-ready=true]');
    expect(await officer.locator('[data-testid=case-evidence]').textContent()).to.include('音像记录 No. 1').and.include('夜间现场检查全程录像').and.include('案件审查');
    await screenshot(officer, 'case');
    await Promise.all([officer.waitForURL(/\/record\/verify$/), officer.click('[data-testid=verify-record]')]);
    expect(await officer.locator('[data-testid=verify-ok]').count(), 'the record verifies').to.equal(1);
    await screenshot(officer, 'case-verify');
  });

  it('the legal reviewer records "problems found"; the handling department takes them up and resubmits', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    const id = await startInstance(s, 'legal-review', { party: '湘西某化工有限公司', partyType: '法人及非法人组织', fineAmount: 300000, procedure: 'penalty', legalReviewRequired: true }, '湘西环罚〔2026〕7号');
    const officer = await signedInPage(browser, s.base, 'officer1');
    await openTaskFromList(officer, '提交审核材料');
    await officer.fill('textarea[name=decisionDraft]', '罚款三十万元（代拟稿）');
    await officer.fill('textarea[name=factsAndEvidence]', '现场检查笔录、监测报告');
    await officer.fill('textarea[name=legalBasis]', '《大气污染防治法》第九十九条');
    await officer.fill('textarea[name=discretionApplied]', '裁量基准第3条');
    for (const who of ['officer1', 'officer2']) await officer.check(`input[name=investigators][value=${who}]`);
    await submit(officer);

    const legal = await signedInPage(browser, s.base, 'legal1');
    await openTaskFromList(legal, '法制审核');
    for (const point of ['checkCompetence', 'checkPowers', 'checkProcedure', 'checkFactsEvidence', 'checkDocuments']) await legal.check(`input[name=${point}]`);
    await legal.fill('textarea[name=checkLawAndDiscretionRemarks]', '裁量档次适用不当');
    await legal.check('input[name=reviewOpinion][value=problems]');
    await legal.fill('textarea[name=reviewProblems]', '超标倍数未达1倍，应适用第2条裁量档次。');
    await screenshot(legal, 'legal-review-form');
    await submit(legal);
    let v = await view(s, id);
    expect(v.variables).to.include({ reviewOpinion: 'problems', legalReviewPassed: false });
    expect(v.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['handleProblems']);

    await openTaskFromList(officer, '承办机构研究处理');
    await officer.check('input[name=handlingResponse][value=fix]');
    await officer.fill('textarea[name=handlingReasons]', '采纳审核意见，按第2条重新计算罚款。');
    await submit(officer);
    await openTaskFromList(officer, '提交审核材料');
    expect(await officer.inputValue('textarea[name=decisionDraft]'), 'the earlier materials are filled in again').to.include('罚款三十万元');
    await officer.fill('textarea[name=decisionDraft]', '罚款十五万元（代拟稿，第二稿）');
    await officer.fill('textarea[name=resubmissionNote]', '已按审核意见调整裁量档次');
    await submit(officer);
    v = await view(s, id);
    expect(v.tasks.map((t: { elementId: string }) => t.elementId), 'back with the reviewer').to.deep.equal(['review']);
    expect(v.variables.decisionDraft).to.equal('罚款十五万元（代拟稿，第二稿）');
  });
});
