import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../helpers/browser.ts';
import { screenshot, signedInPage } from '../helpers/browser-session.ts';
import { media } from '../helpers/evidence.ts';
import { openTask, startForDepartmentOf, view } from '../helpers/fixtures.ts';
import { penaltyDecision } from '../helpers/publications.ts';
import { startProcessServer, type TestServer } from '../helpers/server.ts';

/** Issue 14, "no typed work is lost": uploads without leaving the form, drafts kept on the server, lists typed in. */
describe('Browser: typed work is kept', function () {
  this.timeout(90_000);
  let s: TestServer;
  let browser: Browser;

  before(function () { skipWithoutChromium(this); });
  before(async () => {
    [s, browser] = await Promise.all([startProcessServer('browser-typed-work'), launchChromium()]);
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  /** An emergency seizure of officer1's department: the on-site step is open at once. */
  const onSite = async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'coercion', { party: '泸溪县某冶炼厂', emergency: true });
    return { id, task: (await openTask(s, id, 'onSite')).id as string };
  };
  const draftSaved = (page: Page) => page.waitForFunction(() => /已暂存/.test(document.querySelector('[data-testid=draft-status]')?.textContent ?? ''));

  it('an officer fills the on-site seizure form, THEN uploads the audio-video record, and submits without retyping', async () => {
    const { id, task } = await onSite();
    const page = await signedInPage(browser, s.base, 'officer1');
    await page.goto(`${s.base}/tasks/${task}`);

    // The officers: checkboxes of certified officers, narrowed by typing a name.
    await page.fill('[data-field=officers] input[type=search]', '李');
    expect(await page.locator('[data-field=officers] label:visible').allTextContents()).to.deep.equal([' 李执法（执法证 43000000002）']);
    await page.check('input[name=officers][value=officer2]');
    await page.fill('[data-field=officers] input[type=search]', '');
    await page.check('input[name=officers][value=officer1]');
    for (const box of ['certificatesShown', 'partyNotified', 'partyPresent', 'reasonsAndRightsStated', 'documentsHandedOver']) await page.check(`input[name=${box}]`);
    expect(await page.locator('[data-field=testingNeeded] label').textContent(), 'unticked is a valid answer: no required marker').not.to.include('*');
    expect(await page.locator('[data-field=certificatesShown] label').textContent()).to.include('*');
    await page.selectOption('select[name=measure]', '扣押');
    await page.fill('input[name=party]', '泸溪县某冶炼厂');
    await page.fill('textarea[name=seizureObjects]', '暗管排污用水泵 3 台');
    await page.fill('textarea[name=seizureReason]', '通过暗管逃避监管排放污染物');
    await page.fill('input[name=legalBasis]', '《中华人民共和国行政强制法》第十九条');
    await page.fill('textarea[name=statementHeard]', '当事人称水泵系临时使用');
    await page.fill('input[name=recordNo]', '现场笔录〔2026〕21号');
    await page.selectOption('select[name=recordSignature]', '当事人和执法人员签名或盖章');
    await page.fill('input[name=inventoryNo]', '清单〔2026〕21号');

    // Three items: two rows are there, a third is added on the page, and an added empty one removed.
    const rows = page.locator('[data-field=seizureItems] tbody tr');
    expect(await rows.count()).to.equal(2);
    await page.click('[data-field=seizureItems] [data-add]');
    await page.click('[data-field=seizureItems] [data-add]');
    expect(await rows.count()).to.equal(4);
    await rows.nth(3).locator('[data-remove]').click();
    expect(await rows.count()).to.equal(3);
    const items = [['暗管水泵', '2 台', '完好'], ['备用水泵', '1 台', '锈蚀'], ['排污软管', '20 米', '破损']];
    for (const [i, row] of items.entries()) {
      for (const [j, value] of row.entries()) await rows.nth(i).locator('input').nth(j).fill(value);
    }

    // Then the recording, uploaded without leaving the page.
    const url = page.url();
    await page.fill('form[data-evidence-upload] input[name=description]', '执法记录仪全程录像：出示证件、告知理由、清点水泵');
    await page.setInputFiles('form[data-evidence-upload] input[type=file]', { name: '现场录像.mp4', mimeType: 'video/mp4', buffer: media.mp4('on-site seizure recording') });
    await page.click('form[data-evidence-upload] button[type=submit]');
    await page.waitForFunction(() => /已保存/.test(document.querySelector('[data-testid=evidence-status]')?.textContent ?? ''));
    expect(page.url(), 'still on the form').to.equal(url);
    expect(await page.locator('[data-testid=evidence-list]').textContent()).to.include('音像记录 No. 1').and.include('现场录像.mp4');
    expect(await page.inputValue('input[name=recordNo]'), 'what was typed is still there').to.equal('现场笔录〔2026〕21号');
    await screenshot(page, 'task-evidence-uploaded');

    await Promise.all([page.waitForURL(/\/cases\//), page.getByRole('button', { name: '提交', exact: true }).click()]);
    const v = await view(s, id);
    expect(v.tasks.map((t: { elementId: string }) => t.elementId)).not.to.include('onSite');
    expect(v.variables).to.include({ recordNo: '现场笔录〔2026〕21号', inventoryNo: '清单〔2026〕21号', measure: '扣押', partyPresent: true, testingNeeded: false });
    expect(v.variables.officers).to.have.members(['officer1', 'officer2']);
    expect(v.variables.seizureItems).to.deep.equal(items.map(([name, quantity, condition]) => ({ name, quantity, condition })));
  });

  it('a draft typed is saved as the officer types and is back after the page is reloaded', async () => {
    const { id, task } = await onSite();
    const page = await signedInPage(browser, s.base, 'officer1');
    await page.goto(`${s.base}/tasks/${task}`);
    await page.fill('input[name=recordNo]', '现场笔录〔2026〕22号');
    await page.fill('textarea[name=statementHeard]', '当事人未作陈述');
    await page.check('input[name=officers][value=officer2]');
    await draftSaved(page);
    await page.reload();
    expect(await page.locator('[data-testid=draft-restored]').count()).to.equal(1);
    expect(await page.inputValue('input[name=recordNo]')).to.equal('现场笔录〔2026〕22号');
    expect(await page.inputValue('textarea[name=statementHeard]')).to.equal('当事人未作陈述');
    expect(await page.isChecked('input[name=officers][value=officer2]')).to.equal(true);
    expect((await view(s, id)).variables, 'a draft is not in the case').not.to.have.property('recordNo');
  });

  it('a witness name typed into the redaction list (需隐去姓名的其他自然人) is redacted on /public', async () => {
    const facts = '现场检查发现废气超标排放；证人赵六目睹运输车辆夜间倾倒废渣。';
    const id = await startForDepartmentOf(s, 'officer1', 'publication', { ...penaltyDecision('凤凰县某建材有限公司'), facts });
    const task = await openTask(s, id, 'review');
    const page = await signedInPage(browser, s.base, 'officer1');
    await page.goto(`${s.base}/tasks/${task.id}`);
    const names = page.locator('[data-field=namesToRedact] input[name=namesToRedact]');
    expect(await names.count()).to.equal(3);
    await page.click('[data-field=namesToRedact] [data-add]');
    expect(await names.count()).to.equal(4);
    await names.nth(3).fill('赵六');
    await page.check('input[name=fieldsConfirmed]');
    await page.check('input[name=redactionChecked]');
    await Promise.all([page.waitForURL(/\/cases\//), page.getByRole('button', { name: '提交', exact: true }).click()]);
    const v = await view(s, id);
    expect(v.variables.namesToRedact).to.deep.equal(['赵六']);
    await page.goto(`${s.base}/public/publications/${v.variables.publicationId}`);
    const shown = await page.locator('[data-testid=publication-detail]').textContent();
    expect(shown).to.include('证人赵某目睹运输车辆夜间倾倒废渣');
    expect(shown).not.to.include('赵六');
  });
});
