import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { visibleText } from '../../../src/domain/document-quality.ts';
import { completeTask, openTask, startInstance, submitTask, view } from '../../helpers/fixtures.ts';
import { webLogin } from '../../helpers/web.ts';
import { ApiClient, ROOT, type TestServer, startServer } from '../../helpers/server.ts';
import { caseReview, investigation, moveClock, notifyAndServe } from '../../helpers/penalty-case.ts';

/**
 * The violation library and the discretion benchmark in the penalty procedure (issue 15), over the
 * real processes/penalty.bpmn: the case review picks the violation (AIR-01, 大气污染防治法 art. 99)
 * and the factor levels; the benchmark version in force on the filing date computes the range; the
 * decision outside it needs a stated reason (处罚法 art. 5; 环执法〔2019〕42号).
 */

/** rules/discretion/ plus a version 2026-2 from 1 April 2026 whose AIR-01 table scores every level 100. */
function benchmarkWithNewVersion(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-discretion-'));
  fs.cpSync(path.join(ROOT, 'rules/discretion'), dir, { recursive: true });
  fs.cpSync(path.join(dir, '2026-1'), path.join(dir, '2026-2'), { recursive: true });
  const table = JSON.parse(fs.readFileSync(path.join(dir, '2026-2/AIR-01.json'), 'utf8'));
  for (const f of table.factors) for (const l of f.levels) l.score = 100;
  fs.writeFileSync(path.join(dir, '2026-2/AIR-01.json'), JSON.stringify(table));
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  index.versions.push({ ...index.versions[0], version: '2026-2', effectiveDate: '2026-04-01', dir: '2026-2' });
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index));
  return dir;
}

const LEVELS = { exceedance: 3, area: 2, duration: 2, pollutant: 3 };
const REASONS = {
  penaltyContent: '罚款；责令改正违法行为',
  evidenceReason: '现场检查笔录、监测报告相互印证，予以采信',
  legalBasisReason: '超标排放大气污染物，依大气污染防治法第九十九条处罚',
  discretionReason: '超标1倍以上不足2倍，按裁量基准计算',
};
const AIR_REVIEW = (fine: number, more: Record<string, unknown> = {}) => {
  const { violatedProvisions: _v, penaltyProvisions: _p, ...rest } = caseReview({ partyType: '法人及非法人组织', kinds: ['fine'], fine });
  return { ...rest, violationCode: 'AIR-01', discretionLevels: LEVELS, ...more };
};

describe('Feature: 违法行为库和裁量基准 in the penalty case — case review computes, decision checks (processes/penalty.bpmn)', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let reviewer1: ApiClient;
  let head1: ApiClient;
  let legal1: ApiClient;
  let seq = 0;

  before(async () => {
    s = await startServer({ label: 'penalty-discretion', processesDir: path.join(ROOT, 'processes'), clockStart: new Date('2026-03-02T01:00:00Z'), env: { ZHIFA_DISCRETION_DIR: benchmarkWithNewVersion() } });
    [officer1, reviewer1, head1, legal1] = await Promise.all(['officer1', 'reviewer1', 'head1', 'legal1'].map((u) => ApiClient.login(s.base, u, 'demo')));
  });
  after(() => s.close());

  /** Filed on `day`, investigated, reviewed as AIR-01, notified and served the next day; returns at the step after the statement period. */
  async function airCase(day: string, fine: number, more: Record<string, unknown> = {}): Promise<string> {
    await moveClock(s, `${day}T01:00:00Z`);
    const id = await startInstance(s, 'penalty', { party: '湘西某建材有限公司', partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', legalRepresentative: '李四', partyAddress: '湖南省吉首市经济开发区2号', lead: '在线监测超标', leadDiscoveredOn: day }, `AIR-${++seq}`);
    await completeTask(s, head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意立案', caseCause: '超标排放大气污染物', violationDate: day });
    await completeTask(s, officer1, id, 'investigation', investigation({ facts: '在线监测数据显示颗粒物超标1.2倍' }));
    await completeTask(s, reviewer1, id, 'caseReview', AIR_REVIEW(fine, more));
    const next = new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
    await notifyAndServe(s, officer1, id, next);
    await moveClock(s, new Date(new Date(`${next}T02:00:00Z`).getTime() + 10 * 86_400_000).toISOString());
    return id;
  }

  /** Passes the legal review the case may need, then returns the open tasks. */
  async function passReviewIfAny(id: string, date: string): Promise<void> {
    const child = (await view(s, id)).children.find((c: { processKey: string; status: string }) => c.processKey === 'legal-review' && c.status === 'running');
    if (!child) return;
    await completeTask(s, officer1, child.id, 'submit', {
      decisionDraft: '行政处罚决定书（代拟稿）', factsAndEvidence: '现场检查笔录', legalBasis: '《大气污染防治法》第九十九条', discretionApplied: '按裁量基准计算',
      investigators: ['officer1', 'officer2'], hearingHeld: false,
    });
    await completeTask(s, legal1, child.id, 'review', {
      reviewOpinionDate: date, checkCompetence: true, checkPowers: true, checkProcedure: true, checkFactsEvidence: true,
      checkLawAndDiscretion: true, checkDocuments: true, criminalReferralNeeded: false, reviewOpinion: 'agree',
    });
  }

  it('环执法〔2019〕42号, 大气法 art. 99: the chosen factors compute the range the AIR-01 table defines; the provisions and the violation type come from the library', async () => {
    const id = await airCase('2026-03-02', 600000);
    const v = (await view(s, id)).variables;
    // (60×40 + 40×20 + 40×20 + 60×20) ÷ 100 = 52; 100,000 + 900,000 × 52% = 568,000; ± 5% of 900,000 = 45,000.
    expect(v.discretion).to.include({ version: '2026-1', score: 52, suggestedFine: 568000 });
    expect(v.discretion.computedRange).to.deep.equal({ low: 523000, high: 613000 });
    expect(v.discretion.legalRange).to.include({ min: 100000, max: 1000000 });
    expect(v.discretion.steps.join('；')).to.contain('× 52%').and.contain('超标倍数');
    expect(v).to.include({ violationCode: 'AIR-01', violationType: 'air' });
    expect(v.penaltyProvisions[0]).to.include({ law: '中华人民共和国大气污染防治法', article: '九十九', item: '二' });
    expect(v.violatedProvisions[0]).to.include({ law: '中华人民共和国大气污染防治法', article: '十八' });
  });

  it('处罚法 art. 5: a fine outside the computed range without a stated reason is refused (422 on the reason, nothing changes); with a reason it is accepted and recorded as the deviation; the decision and the publication cite the library', async () => {
    const id = await airCase('2026-03-02', 650000);
    await passReviewIfAny(id, '2026-03-13');
    await moveClock(s, '2026-03-16T02:00:00Z');
    const outside = await submitTask(s, head1, id, 'decision', { ...REASONS, decisionDate: '2026-03-16', decidedPenaltyKinds: ['fine'], decidedFineAmount: 650000 });
    expect(outside.status).to.equal(422);
    expect(outside.body.errors).to.deep.equal([{ field: 'discretionDeviationReason', message: '决定罚款数额65万元不在裁量基准计算的幅度（523000元至613000元）内，应当说明理由' }]);
    let v = await view(s, id);
    expect(v.variables.decidedFineAmount, 'nothing changes').to.equal(undefined);
    await completeTask(s, head1, id, 'decision', { ...REASONS, decisionDate: '2026-03-16', decidedPenaltyKinds: ['fine'], decidedFineAmount: 650000, discretionDeviationReason: '拒不配合现场检查，酌情从重' });
    v = await view(s, id);
    expect(v.variables.discretionDeviation).to.deep.include({ reason: '拒不配合现场检查，酌情从重', decidedFineAmount: 650000 });
    const docs = (await s.api.get(`/api/instances/${id}/documents`)).body as Array<{ id: number; kind: string }>;
    const decision = docs.find((d) => d.kind === 'penalty-decision')!;
    const text = visibleText((await s.api.get(`/api/documents/${decision.id}`)).body as string);
    expect(text).to.contain('违法行为：超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物')
      .and.contain('《中华人民共和国大气污染防治法》第九十九条第（二）项')
      .and.contain('计算幅度为人民币523,000.00元至613,000.00元')
      .and.contain('决定罚款金额不在上述计算幅度内的理由：拒不配合现场检查，酌情从重');
    // The publication's 违法行为类型 is the library's type, its 处罚依据 the library's provision.
    const pub = v.children.find((c: { processKey: string; status: string }) => c.processKey === 'publication' && c.status === 'running');
    expect(pub, 'the publication starts with the decision').to.exist;
    await completeTask(s, officer1, pub.id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true });
    v = await view(s, id);
    const items = (await new ApiClient(s.base).get(`/api/public/publications?party=${encodeURIComponent('湘西某建材有限公司')}&category=penalty`)).body.items as Array<{ decisionNo: string; fields: Record<string, unknown> }>;
    const published = items.find((i) => i.decisionNo === v.variables.penaltyDecisionNo)!.fields;
    expect(published).to.include({ 违法行为类型: '大气污染防治违法行为', 处罚依据: '《中华人民共和国大气污染防治法》第九十九条第（二）项' });
  });

  it('环执法〔2019〕42号: a case filed after a new table version computes under it, and a case decided under the old version keeps it', async () => {
    const early = await airCase('2026-03-02', 600000);
    await passReviewIfAny(early, '2026-03-13');
    await moveClock(s, '2026-03-16T02:00:00Z');
    await completeTask(s, head1, early, 'decision', { ...REASONS, decisionDate: '2026-03-16', decidedPenaltyKinds: ['fine'], decidedFineAmount: 568000 });
    const late = await airCase('2026-04-01', 1000000);
    expect((await view(s, late)).variables.discretion).to.include({ version: '2026-2', score: 100, suggestedFine: 1000000 });
    // 类案参考 on the decision page of the later case: the earlier AIR-01 decision, its factors and fine, and where this case stands.
    await passReviewIfAny(late, '2026-04-13');
    await moveClock(s, '2026-04-14T02:00:00Z');
    const task = await openTask(s, late, 'decision');
    const page = await (await webLogin(s.base, 'head1', 'demo')).get(`/tasks/${task.id}`);
    const panel = visibleText(page.text.slice(page.text.indexOf('data-testid="discretion-panel"')));
    expect(panel).to.contain('类案参考').and.contain('568000').and.contain('超标倍数：').and.contain('本案建议罚款1000000元')
      .and.contain('适用裁量基准：2026-2版').and.contain('计算幅度：955000元至1000000元');
    expect(panel).to.not.contain('AIR-01');
    const kept = (await view(s, early)).variables;
    expect(kept.discretion).to.include({ version: '2026-1', suggestedFine: 568000 });
    expect(kept.discretionDeviation).to.equal(null);
    // The case page's summary reads the recorded calculation, in words.
    const casePage = await (await webLogin(s.base, 'head1', 'demo')).get(`/cases/${early}`);
    expect(visibleText(casePage.text)).to.contain('违法行为和裁量').and.contain('裁量基准2026-1版：裁量分值52，计算幅度523000元至613000元，建议罚款568000元');
  });

  it('a violation without a table (AIR-02) records the library provisions and no discretion', async () => {
    await moveClock(s, '2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'penalty', { party: '湘西某建材有限公司', partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', legalRepresentative: '李四', partyAddress: '湖南省吉首市经济开发区2号', lead: '在线监测', leadDiscoveredOn: '2026-03-02' }, `AIR-${++seq}`);
    await completeTask(s, head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意立案', caseCause: '大气', violationDate: '2026-03-01' });
    await completeTask(s, officer1, id, 'investigation', investigation());
    await completeTask(s, reviewer1, id, 'caseReview', AIR_REVIEW(200000, { violationCode: 'AIR-02', discretionLevels: undefined }));
    const v = (await view(s, id)).variables;
    expect(v.violationCode).to.equal('AIR-02');
    expect(v.discretion).to.equal(null);
    expect(v.penaltyProvisions.length).to.be.greaterThan(0);
  });

  it('rules/protected-variables.json: a start cannot carry the recorded discretion or the violation (only 案件审查 writes them; the deviation only 处罚决定)', async () => {
    const res = await s.api.post('/api/instances', {
      processKey: 'penalty', businessKey: `AIR-${++seq}`,
      variables: { party: '湘西某建材有限公司', partyType: '法人及非法人组织', lead: '在线监测', leadDiscoveredOn: '2026-03-02', discretion: { suggestedFine: 100000 }, violationCode: 'AIR-01', discretionDeviation: null },
    });
    expect(res.status).to.equal(422);
    const text = JSON.stringify(res.body);
    expect(text).to.contain('受保护的案件变量').and.contain('「discretion」').and.contain('「violationCode」').and.contain('「discretionDeviation」');
  });
});
