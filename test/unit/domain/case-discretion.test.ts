import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { caseReviewDiscretion, decisionDiscretion } from '../../../src/domain/case-discretion.ts';
import { discretionBenchmark } from '../../../src/domain/discretion.ts';
import { violationLibrary } from '../../../src/domain/violation-library.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const src = { library: violationLibrary(), benchmark: discretionBenchmark() };

describe('case-discretion: the violation library and the benchmark at the case review and the decision', () => {
  it('penalty-case-review.violationCode offers every violation of the library by its Chinese name', () => {
    const field = JSON.parse(fs.readFileSync(path.join(ROOT, 'forms', 'penalty-case-review.json'), 'utf8')).properties.violationCode;
    expect(field.enum).to.deep.equal(src.library.entries.map((e) => e.code));
    expect(field['x-ui'].labels).to.deep.equal(Object.fromEntries(src.library.entries.map((e) => [e.code, e.name])));
  });

  it('a level missing for a factor of the table is refused on the levels, in Chinese', () => {
    const out = caseReviewDiscretion(src, { violationCode: 'AIR-01', discretionLevels: { exceedance: 3 } }, { filingDate: '2026-03-02' }, '2026-03-02');
    expect(out.errors).to.have.length(1);
    expect(out.errors[0]!.field).to.equal('discretionLevels');
    expect(out.errors[0]!.message).to.match(/^请为“排放区域”选择裁量等级/);
  });

  it('without a violation code the provisions must be typed in, and factor levels alone are refused', () => {
    expect(caseReviewDiscretion(src, {}, {}, '2026-03-02').errors.map((e) => e.field)).to.deep.equal(['violatedProvisions', 'penaltyProvisions']);
    expect(caseReviewDiscretion(src, { discretionLevels: { exceedance: 1 } }, {}, '2026-03-02').errors.map((e) => e.field)).to.deep.equal(['violationCode']);
  });

  it('the decision reads the recorded calculation: inside the range no deviation, outside only with a reason', () => {
    const review = caseReviewDiscretion(src, { violationCode: 'AIR-01', discretionLevels: { exceedance: 3, area: 2, duration: 2, pollutant: 3 } }, { filingDate: '2026-03-02' }, '2026-03-02');
    const caseVars = review.record;
    expect(decisionDiscretion({ decidedFineAmount: 568000 }, caseVars)).to.deep.equal({ errors: [], record: { discretionDeviation: null } });
    expect(decisionDiscretion({ decidedFineAmount: 1200000, discretionDeviationReason: '情节恶劣' }, caseVars).errors[0]!.field).to.equal('decidedFineAmount');
    expect(decisionDiscretion({ decidedFineAmount: 400000 }, caseVars).errors[0]!.field).to.equal('discretionDeviationReason');
    expect(decisionDiscretion({ decidedFineAmount: 400000, discretionDeviationReason: ' 主动整改 ' }, caseVars).record.discretionDeviation).to.deep.include({ reason: '主动整改', decidedFineAmount: 400000 });
    expect(decisionDiscretion({ decidedFineAmount: 1 }, { discretion: null }), 'no table: nothing to check').to.deep.equal({ errors: [], record: {} });
  });
});
