import { expect } from 'chai';
import { openTask, view, completeTask } from '../helpers/fixtures.ts';
import { fileCase, investigation, moveClock } from '../helpers/penalty-case.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';
import { webLogin } from '../helpers/web.ts';

/** The factor selects of one group (by violation code): their labels and what is selected. */
const group = (html: string, code: string) => new RegExp(`<fieldset data-discretion-code="${code}">[\\s\\S]*?</fieldset>`).exec(html)?.[0] ?? '';
const readable = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The discretion inputs of 案件审查 in the browser (issue 15): one select per factor of each violation
 * type's table, the circumstances as boxes by name, posted as a browser does and computed as by the API.
 */
describe('Web: the case review\'s discretion factors and circumstances (forms/penalty-case-review.json)', () => {
  let s: TestServer;
  let head: ApiClient;
  let officer: ApiClient;

  before(async () => {
    s = await startProcessServer('web-discretion-form');
    [head, officer] = await Promise.all(['head1', 'officer1'].map((u) => ApiClient.login(s.base, u, 'demo')));
  });
  after(() => s.close());

  it('案件审查: the factors by name with their levels and scores, no "[object Object]"; the posted AIR-01 levels and 从重 circumstance compute the score and the suggested fine; the case page names them', async () => {
    await moveClock(s, '2026-03-02T01:00:00Z');
    const id = await fileCase(s, head, 'DISC-WEB-1', '2026-03-02', '2026-03-01');
    await completeTask(s, officer, id, 'investigation', investigation({ facts: '在线监测数据显示颗粒物超标1.2倍' }));
    const task = await openTask(s, id, 'caseReview');
    const reviewer = await webLogin(s.base, 'reviewer1', 'demo');
    const page = await reviewer.get(`/tasks/${task.id}`);
    expect(page.status).to.equal(200);
    expect(page.text).not.to.contain('[object Object]');
    const air = group(page.text, 'AIR-01');
    expect(readable(air)).to.contain('大气污染物超标排放').and.contain('超标倍数').and.contain('超标1倍以上不足2倍（60分）').and.contain('排放区域');
    expect(air).to.contain('name="discretionLevels[AIR-01][exceedance]"');
    expect(group(page.text, 'WATER-01')).to.contain('name="discretionLevels[WATER-01]');
    expect(page.text).to.contain('value="repeat"');
    expect(readable(page.text)).to.contain('从重：两年内因同类环境违法行为受到行政处罚的');

    const form = {
      partyType: '法人及非法人组织', violationCode: 'AIR-01',
      'discretionLevels[AIR-01][exceedance]': '3', 'discretionLevels[AIR-01][area]': '2', 'discretionLevels[AIR-01][duration]': '2', 'discretionLevels[AIR-01][pollutant]': '3',
      // Another type's group left as the browser sends it (no script: all groups are on the page): it does not count.
      'discretionLevels[WATER-01][exceedance]': '5',
      discretionCircumstances: 'repeat',
      proposedPenaltyKinds: 'fine', proposedFineAmount: '650000', proposedPenalty: '罚款人民币650000元', complexCase: 'false', heavyPenalty: 'false',
    };
    // 暂存: the draft keeps the levels and the circumstance, and the page shows them again.
    expect((await reviewer.post(`/tasks/${task.id}/draft`, form)).status).to.equal(303);
    const drafted = await reviewer.get(`/tasks/${task.id}`);
    expect(group(drafted.text, 'AIR-01')).to.match(/<option value="2" selected>二类环境空气功能区（居住区/);
    expect(drafted.text).to.match(/value="repeat" checked/);

    // Refused (no opinion): what was chosen comes back selected and ticked.
    const refused = await reviewer.post(`/tasks/${task.id}`, form);
    expect(refused.status).to.equal(422);
    expect(group(refused.text, 'AIR-01')).to.match(/<option value="3" selected>超标1倍以上不足2倍（60分）/);
    expect(group(refused.text, 'WATER-01')).not.to.contain('selected');
    expect(refused.text).to.match(/value="repeat" checked/);

    const done = await reviewer.post(`/tasks/${task.id}`, { ...form, caseReviewOpinion: '事实清楚，证据确凿' });
    expect(done.status, done.text.slice(0, 500)).to.equal(303);
    const v = (await view(s, id)).variables;
    expect(v.discretionLevels).to.deep.equal({ exceedance: 3, area: 2, duration: 2, pollutant: 3 });
    expect(v.discretionCircumstances).to.deep.equal(['repeat']);
    // (60×40 + 40×20 + 40×20 + 60×20) ÷ 100 = 52, 从重 +10 = 62; 100,000 + 900,000 × 62% = 658,000.
    expect(v.discretion).to.include({ version: '2026-1', score: 62, suggestedFine: 658000 });

    const casePage = await reviewer.get(`/cases/${id}`);
    const step = /<details class="step" data-step="案件审查"[\s\S]*?<\/details>/.exec(casePage.text)?.[0] ?? '';
    expect(readable(step)).to.contain('超标倍数：超标1倍以上不足2倍（60分）').and.contain('从重：两年内因同类环境违法行为受到行政处罚的');
    expect(step).not.to.contain('exceedance').and.not.to.contain('{&quot;').and.not.to.contain('repeat');
  });
});
