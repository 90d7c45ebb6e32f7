import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { checkDecidedAmount, computeDiscretion, DISCRETION_DIR, loadDiscretionBenchmark, versionFor, type DiscretionInput } from '../../../src/domain/discretion.ts';

const shipped = loadDiscretionBenchmark(DISCRETION_DIR);

/** A copy of the shipped benchmark in a temporary folder, changed by change(dir). */
function benchmarkWith(change: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'discretion-'));
  fs.cpSync(DISCRETION_DIR, dir, { recursive: true });
  change(dir);
  return dir;
}
const edit = (file: string, f: (data: any) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  f(data);
  fs.writeFileSync(file, JSON.stringify(data));
};

/** 超标0.5–1倍 (40×40), 重点区域 (60×20), 不足5日 (20×20), 一般工业废气 (60×20): score 44. */
const air: DiscretionInput = { levels: { exceedance: 2, area: 3, duration: 1, pollutant: 3 } };

describe('domain: the discretion benchmark (rules/discretion/)', () => {
  it('loads the shipped version with its effective date and a table for each violation type the issue names', () => {
    expect(shipped.versions.map((v) => v.version)).to.deep.equal(['2026-1']);
    expect(shipped.versions[0]!.effectiveDate).to.equal('2026-01-01');
    expect(shipped.versions[0]!.tables.map((t) => t.code)).to.include.members(['AIR-01', 'WATER-01', 'WATER-02', 'EIA-01', 'PERMIT-01', 'SW-03']);
    expect(shipped.appliesTo.date).to.equal('filingDate');
  });

  it('computes an emission-over-standard case: score, suggested fine and the range the table defines, with the steps in Chinese', () => {
    const r = computeDiscretion(shipped, 'AIR-01', air);
    expect(r.legalRange).to.deep.include({ min: 100000, max: 1000000 });
    expect(r.score).to.equal(44);
    expect(r.suggested).to.equal(496000); // 100000 + 900000 × 44%
    expect(r.range).to.deep.equal({ low: 451000, high: 541000 }); // ± 5% of 900000
    expect(r.version).to.equal('2026-1');
    expect(r.steps.join('\n')).to.include('超标倍数：超标0.5倍以上不足1倍（第2级，分值40，权重40）')
      .and.to.include('建议罚款 = 10万元 +（100万元 − 10万元）× 44% = 496000元')
      .and.to.include('即451000元至541000元');
  });

  it('keeps the computed range inside the legal range at the extremes', () => {
    const top = computeDiscretion(shipped, 'AIR-01', { levels: { exceedance: 5, area: 5, duration: 5, pollutant: 5 }, circumstances: ['repeat'] });
    expect(top.score).to.equal(100);
    expect(top.suggested).to.equal(1000000);
    expect(top.range).to.deep.equal({ low: 955000, high: 1000000 });
  });

  it('refuses a decided fine outside the computed range without a reason, and accepts it with one as a deviation', () => {
    const r = computeDiscretion(shipped, 'AIR-01', air);
    expect(checkDecidedAmount(r, 500000)).to.deep.equal({ ok: true, deviates: false });
    const refused = checkDecidedAmount(r, 300000);
    expect(refused).to.deep.equal({ ok: false, message: '决定罚款数额30万元不在裁量基准计算的幅度（451000元至541000元）内，应当说明理由' });
    expect(checkDecidedAmount(r, 300000, '  ').ok).to.equal(false);
    expect(checkDecidedAmount(r, 300000, '当事人积极整改，经集体讨论决定')).to.deep.equal({ ok: true, deviates: true });
    expect(checkDecidedAmount(r, 1200000, '情节特别严重')).to.deep.include({ ok: false, message: '决定罚款数额120万元超过法定幅度上限100万元，不得作出' });
    expect(checkDecidedAmount(r, 50000, '确有困难').ok, 'below the legal minimum without 减轻').to.equal(false);
  });

  it('applies 从重 and 从轻 as points on the score', () => {
    const heavier = computeDiscretion(shipped, 'AIR-01', { ...air, circumstances: ['repeat', 'obstruct'] });
    expect(heavier.score).to.equal(69);
    expect(heavier.suggested).to.equal(721000);
    const lighter = computeDiscretion(shipped, 'AIR-01', { ...air, circumstances: ['removedHarm'] });
    expect(lighter.score).to.equal(34);
    expect(lighter.suggested).to.equal(406000);
    expect(lighter.steps.join('\n')).to.include('从轻：主动消除或者减轻违法行为危害后果的（−10分）');
  });

  it('减轻: only with an art. 32 circumstance, the range below the legal minimum as the table says', () => {
    expect(() => computeDiscretion(shipped, 'AIR-01', { ...air, reduce: true })).to.throw('减轻处罚须具有行政处罚法第三十二条规定的情形');
    const r = computeDiscretion(shipped, 'AIR-01', { ...air, circumstances: ['confessed'], reduce: true });
    expect(r.reduced).to.equal(true);
    expect(r.range).to.deep.equal({ low: 50000, high: 100000 });
    expect(r.suggested).to.equal(80000);
    expect(checkDecidedAmount(r, 60000)).to.deep.equal({ ok: true, deviates: false });
  });

  it('不予处罚: mandatory exemptions give no fine; a first minor violation may be waived with a reason', () => {
    const none = computeDiscretion(shipped, 'AIR-01', { ...air, circumstances: ['minorCorrected'] });
    expect(none).to.deep.include({ noPenalty: true, suggested: 0, range: { low: 0, high: 0 } });
    expect(checkDecidedAmount(none, 0)).to.deep.equal({ ok: true, deviates: false });
    expect(checkDecidedAmount(none, 100000, '理由')).to.deep.equal({ ok: false, message: '具有应当不予处罚的情形，不得决定罚款' });
    const first = computeDiscretion(shipped, 'AIR-01', { ...air, circumstances: ['firstMinor'] });
    expect(first).to.deep.include({ noPenalty: false, mayWaive: true, suggested: 496000 });
    expect(checkDecidedAmount(first, 0)).to.deep.equal({ ok: false, message: '初次违法且危害后果轻微并及时改正，决定不予处罚的，应当说明理由' });
    expect(checkDecidedAmount(first, 0, '初次违法，危害后果轻微，已及时改正')).to.deep.equal({ ok: true, deviates: true });
  });

  it('computes a proportional range from the base amount (EIA-01: 1%–5% of the total investment) and a multiple with its floor (SW-03)', () => {
    expect(() => computeDiscretion(shipped, 'EIA-01', { levels: { document: 2, location: 1, progress: 3 } })).to.throw('请填写建设项目总投资额');
    const eia = computeDiscretion(shipped, 'EIA-01', { levels: { document: 2, location: 1, progress: 3 }, baseAmount: 10_000_000 });
    expect(eia.legalRange).to.deep.include({ min: 100000, max: 500000 });
    expect(eia.score).to.equal(40); // (40×30 + 20×35 + 60×35) ÷ 100
    expect(eia.suggested).to.equal(260000);
    expect(eia.range).to.deep.equal({ low: 240000, high: 280000 });
    const sw = computeDiscretion(shipped, 'SW-03', { levels: { quantity: 1, location: 1, harm: 1 }, baseAmount: 50000 });
    expect(sw.legalRange).to.deep.include({ min: 600000, max: 1000000 }); // 处置费用不足20万元按20万元计算, 3–5 倍
    expect(sw.suggested).to.equal(680000);
  });

  it('refuses levels the table does not have, naming the factor in Chinese', () => {
    expect(() => computeDiscretion(shipped, 'AIR-01', { levels: { exceedance: 2, area: 3, duration: 1 } })).to.throw('请为“废气类别”选择裁量等级（1至5）');
    expect(() => computeDiscretion(shipped, 'AIR-01', { levels: { ...air.levels, exceedance: 9 } })).to.throw('请为“超标倍数”选择裁量等级');
    expect(() => computeDiscretion(shipped, 'NOISE-01', air)).to.throw('没有该违法行为的裁量表');
  });

  it('a new table version applies to cases filed on or after its effective date; a case filed before keeps its computation', () => {
    const dir = benchmarkWith((d) => {
      fs.cpSync(path.join(d, '2026-1'), path.join(d, '2027-1'), { recursive: true });
      edit(path.join(d, '2027-1', 'AIR-01.json'), (t) => { t.band.percent = 10; t.factors[0].levels[1].score = 80; });
      edit(path.join(d, 'index.json'), (i) => { i.versions.push({ ...i.versions[0], version: '2027-1', effectiveDate: '2027-03-01', dir: '2027-1' }); });
    });
    const b = loadDiscretionBenchmark(dir);
    expect(versionFor(b, '2027-02-28').version).to.equal('2026-1');
    expect(versionFor(b, '2027-03-01').version).to.equal('2027-1');
    expect(() => versionFor(b, '2025-12-31')).to.throw('早于最早的裁量基准');
    const before = computeDiscretion(b, 'AIR-01', air, versionFor(b, '2027-02-28').version);
    expect(before).to.deep.include({ version: '2026-1', suggested: 496000, range: { low: 451000, high: 541000 } });
    const after = computeDiscretion(b, 'AIR-01', air, versionFor(b, '2027-03-01').version);
    expect(after).to.deep.include({ version: '2027-1', suggested: 640000, range: { low: 550000, high: 730000 } });
  });

  describe('refuses a benchmark that does not hold, naming the file and the field', () => {
    const refuses = (change: (dir: string) => void, message: RegExp) => expect(() => loadDiscretionBenchmark(benchmarkWith(change))).to.throw(message);
    it('a table for a code the violation library does not have', () => refuses((d) => edit(path.join(d, '2026-1', 'AIR-01.json'), (t) => { t.code = 'AIR-99'; }), /AIR-01\.json: \/code "AIR-99" is not a code of the violation library/));
    it('a level without a score', () => refuses((d) => edit(path.join(d, '2026-1', 'WATER-01.json'), (t) => { delete t.factors[1].levels[2].score; }), /WATER-01\.json: \/factors\/1\/levels\/2 must have required property 'score'/));
    it('weights that do not sum as the table says', () => refuses((d) => edit(path.join(d, '2026-1', 'PERMIT-01.json'), (t) => { t.factors[0].weight = 25; }), /PERMIT-01\.json: \/factors weights sum to 105, but \/weightTotal says 100/));
    it('a legal range other than the library\'s', () => refuses((d) => edit(path.join(d, '2026-1', 'AIR-01.json'), (t) => { t.legalRange.max = 2000000; }), /AIR-01\.json: \/legalRange .* is outside the legal range in the violation library \(10万元以上100万元以下\)/));
    it('a circumstance id used twice, or a 减轻 range out of order', () => {
      refuses((d) => edit(path.join(d, '2026-1', 'circumstances.json'), (c) => { c.mitigating[0].id = 'repeat'; }), /circumstances\.json: \/mitigating\/0\/id "repeat" is also \/aggravating\/0/);
      refuses((d) => edit(path.join(d, '2026-1', 'circumstances.json'), (c) => { c.reduction.suggestedPercent = 120; }), /circumstances\.json: \/reduction/);
    });
    it('versions not listed oldest first', () => refuses((d) => edit(path.join(d, 'index.json'), (i) => { i.versions.push({ ...i.versions[0], version: '2025-1', effectiveDate: '2025-01-01' }); }), /index\.json: \/versions\/1\/effectiveDate 2025-01-01 is not after/));
  });
});
