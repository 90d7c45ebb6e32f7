import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadHearingRightRules } from '../../../src/domain/penalty/hearing-right.ts';
import { loadCatalog } from '../../../src/domain/review-catalog.ts';
import { hearingConsequence, legalReviewConsequence } from '../../../src/domain/violation-consequences.ts';
import { loadViolationLibrary, VIOLATIONS_DIR, type ViolationEntry } from '../../../src/domain/violation-library.ts';
import { chineseNumber, describeViolation, provisionLabel, rangeText } from '../../../src/domain/violation-view.ts';

const RULES = path.resolve(import.meta.dirname, '../../../rules');
const hearing = loadHearingRightRules(path.join(RULES, 'hearing-right.json'));
const catalog = loadCatalog(path.join(RULES, 'legal-review-catalog.json'));
const shipped = loadViolationLibrary(VIOLATIONS_DIR);

/** A copy of the shipped library in a temporary folder, with one entry changed (or the index). */
function libraryWith(change: (entry: Record<string, unknown>) => void, file = 'AIR-01.json'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'violations-'));
  for (const f of fs.readdirSync(VIOLATIONS_DIR)) fs.copyFileSync(path.join(VIOLATIONS_DIR, f), path.join(dir, f));
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  change(data);
  fs.writeFileSync(path.join(dir, file), JSON.stringify(data));
  return dir;
}
const entry = (code: string): ViolationEntry => shipped.entries.find((e) => e.code === code)!;
const fine = (e: Record<string, unknown>) => (e.penalties as Array<Record<string, unknown>>)[0]!;

describe('domain: the violation library (rules/violations/)', () => {
  it('loads the shipped library with its version and effective date, at least 12 violation types', () => {
    expect(shipped.version).to.equal('2026-1');
    expect(shipped.effectiveDate).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(shipped.entries.length).to.be.at.least(12);
    expect(shipped.entries.map((e) => e.code)).to.include.members(['EIA-01', 'AIR-01', 'WATER-01', 'WATER-02', 'PERMIT-01', 'SW-01', 'SW-03']);
  });

  it('every shipped entry cites the law, the article and the article\'s text quoted, and says whether it was checked', () => {
    for (const e of shipped.entries) {
      for (const p of [...e.violatedProvisions, ...e.penaltyProvisions, ...(e.dailyPenalty ?? [])]) {
        expect(shipped.laws, `${e.code}: law ${p.law}`).to.have.property(p.law);
        expect(p.article, `${e.code}`).to.be.a('number').above(0);
        expect(p.text, `${e.code}: ${p.law} ${p.article}`).to.match(/[\u4e00-\u9fff]{10,}/);
      }
      expect(e.verification.note, e.code).to.match(/\S/);
      expect(e.wording.basis, `${e.code}: the basis phrase names the law`).to.match(/^依据《/);
    }
    for (const law of Object.values(shipped.laws)) expect(law.source, law.name).to.match(/^https:\/\//);
  });

  it('quotes the provisions the issue names with their real wording', () => {
    expect(entry('EIA-01').penaltyProvisions[0]!.text).to.include('处建设项目总投资额百分之一以上百分之五以下的罚款');
    expect(entry('AIR-01').penaltyProvisions[0]!.text).to.include('并处十万元以上一百万元以下的罚款').and.to.include('（二）超过大气污染物排放标准');
    expect(entry('WATER-02').penaltyProvisions[0]!.text).to.include('私设暗管');
    expect(entry('PERMIT-01').penaltyProvisions[0]!.text).to.include('处20万元以上100万元以下的罚款');
    expect(entry('SW-03').penaltyProvisions[1]!.text).to.include('所需处置费用不足二十万元的，按二十万元计算');
  });

  it('refuses a malformed file, naming the file and the field', () => {
    const dir = libraryWith((e) => { delete e.penaltyProvisions; });
    expect(() => loadViolationLibrary(dir)).to.throw(/AIR-01\.json.*must have required property 'penaltyProvisions'/);
    const noText = libraryWith((e) => { (e.violatedProvisions as Array<Record<string, unknown>>)[0]!.text = ' '; });
    expect(() => loadViolationLibrary(noText)).to.throw(/AIR-01\.json: \/violatedProvisions\/0\/text/);
    const broken = libraryWith(() => {});
    fs.writeFileSync(path.join(broken, 'WATER-01.json'), '{ "code": "WATER-01", ');
    expect(() => loadViolationLibrary(broken)).to.throw(/WATER-01\.json cannot be read/);
  });

  it('refuses a penalty kind that rules/penalty-kinds.json does not have', () => {
    const dir = libraryWith((e) => { fine(e).kind = 'bigFine'; });
    expect(() => loadViolationLibrary(dir)).to.throw(/AIR-01\.json: \/penalties\/0\/kind "bigFine" is not a code of rules\/penalty-kinds\.json/);
  });

  it('refuses a range whose minimum exceeds its maximum, and a range that is no range at all', () => {
    const dir = libraryWith((e) => { fine(e).range = { type: 'amount', min: 1000000, max: 100000 }; });
    expect(() => loadViolationLibrary(dir)).to.throw(/AIR-01\.json: \/penalties\/0\/range: min\/max 1000000 > 100000/);
    const proportion = libraryWith((e) => { fine(e).range = { type: 'proportion', base: '建设项目总投资额', minPercent: 5, maxPercent: 1 }; }, 'EIA-01.json');
    expect(() => loadViolationLibrary(proportion)).to.throw(/EIA-01\.json: \/penalties\/0\/range: minPercent\/maxPercent 5 > 1/);
    const unknown = libraryWith((e) => { fine(e).range = { type: 'days', max: 3 }; });
    expect(() => loadViolationLibrary(unknown)).to.throw(/AIR-01\.json: \/penalties\/0\/range/);
  });

  it('refuses a 违法行为类型 not in rules/violation-types.json, an unknown law, a duplicate code and a listed file that is missing', () => {
    expect(() => loadViolationLibrary(libraryWith((e) => { e.violationType = 'atmosphere'; }))).to.throw(/\/violationType "atmosphere" is not a code of rules\/violation-types\.json/);
    expect(() => loadViolationLibrary(libraryWith((e) => { (e.penaltyProvisions as Array<Record<string, unknown>>)[0]!.law = 'airLaw'; }))).to.throw(/\/penaltyProvisions\/0\/law "airLaw"/);
    expect(() => loadViolationLibrary(libraryWith((e) => { e.code = 'AIR-02'; }))).to.throw(/\/code "AIR-02" is also the code of/);
    const missing = libraryWith((i) => { (i.entries as string[]).push('AIR-99.json'); }, 'index.json');
    expect(() => loadViolationLibrary(missing)).to.throw(/index\.json: lists AIR-99\.json, which does not exist/);
  });

  it('cites provisions as documents do, in Chinese numerals', () => {
    expect([10, 25, 31, 99, 100, 108, 112, 123].map(chineseNumber)).to.deep.equal(['十', '二十五', '三十一', '九十九', '一百', '一百零八', '一百一十二', '一百二十三']);
    expect(provisionLabel(entry('AIR-01').penaltyProvisions[0]!, shipped)).to.equal('《中华人民共和国大气污染防治法》第九十九条第二项');
    expect(provisionLabel(entry('SW-01').penaltyProvisions[0]!, shipped)).to.equal('《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第一项');
    expect(rangeText({ type: 'amount', min: 100000, max: 1000000 })).to.equal('10万元以上100万元以下');
    expect(rangeText({ type: 'amount', max: 50000 })).to.equal('5万元以下');
    expect(rangeText({ type: 'proportion', base: '建设项目总投资额', minPercent: 1, maxPercent: 5 })).to.equal('建设项目总投资额的1%以上5%以下');
  });

  it('computes the hearing right from rules/hearing-right.json rather than storing it', () => {
    // 50万–200万: always large for every kind of party.
    expect(hearingConsequence(entry('EIA-03'), hearing).level).to.equal('always');
    // Up to 5万: large only for a natural person; a company below 20万 has no hearing from the fine.
    const small = hearingConsequence(entry('EIA-02'), hearing);
    expect(small.level).to.equal('depends');
    expect(small.reasons).to.include('对法人及非法人组织：法定罚款最高5万元，未达到20万元');
    // 10万–100万 with 停产整治 possible: the kind and the amount both count.
    expect(hearingConsequence(entry('AIR-01'), hearing).reasons).to.include('拟停产整治的，当事人有权要求听证').and.to.include('对法人及非法人组织：拟罚款达到20万元的，当事人有权要求听证');
    // 3–5 times the disposal cost, at least 20万 counted: never below 60万.
    expect(hearingConsequence(entry('SW-03'), hearing).level).to.equal('always');
    const noHearing = { ...hearing, largeAmountAtLeast: { 法人及非法人组织: 2000000 }, kinds: [] };
    expect(hearingConsequence(entry('EIA-02'), noHearing)).to.deep.equal({ level: 'never', reasons: ['对法人及非法人组织：法定罚款最高5万元，未达到200万元'] });
  });

  it('computes the legal review from the catalog in force', () => {
    expect(legalReviewConsequence(entry('PERMIT-01'), catalog).level).to.equal('always');
    expect(legalReviewConsequence(entry('PERMIT-02'), catalog).reasons).to.include('情节严重的，拟吊销排污许可证的，须经法制审核（吊销许可证件）');
    const stricter = { ...catalog, rules: [{ id: 'fine', label: '大额罚款', when: { fineAmountAtLeast: 1000000 } }] };
    expect(legalReviewConsequence(entry('EIA-02'), stricter)).to.deep.equal({ level: 'never', reasons: ['对当事人：法定罚款最高5万元，未达到100万元'] });
  });

  it('describes an entry for the page and the API: names, not codes', () => {
    const view = describeViolation(entry('WATER-02'), shipped, hearing, catalog);
    expect(view.violationTypeLabel).to.equal('水污染防治违法行为');
    expect(view.penalties.map((p) => p.text)).to.include('罚款（10万元以上100万元以下）').and.to.include('情节严重的，报经有批准权的人民政府批准，责令关闭');
    expect(view.dailyPenalty!.map((p) => p.label)).to.deep.equal(['《中华人民共和国水污染防治法》第九十五条', '《中华人民共和国环境保护法》第五十九条第一款']);
  });
});
