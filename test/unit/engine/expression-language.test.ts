import { expect } from 'chai';
import { createExpressions } from '../../../src/engine/expression-language.ts';

describe('engine: conditions in diagrams', () => {
  const { resolveExpression } = createExpressions();
  const ctx = { environment: { variables: { opinion: 'agree', fineAmount: 250000, hearingHeld: false, partyType: '自然人', kinds: ['罚款'] } } };
  const r = (e: string) => resolveExpression(e, ctx);

  it('compares variables with literals, by bare name (Camunda style) or by path', () => {
    expect(r("${opinion == 'agree'}")).to.equal(true);
    expect(r('${environment.variables.opinion != "agree"}')).to.equal(false);
    expect(r('${fineAmount >= 200000}')).to.equal(true);
    expect(r('${fineAmount < 200000}')).to.equal(false);
    expect(r("${partyType == '自然人'}")).to.equal(true);
  });

  it('combines with &&, || and !, with parentheses', () => {
    expect(r('${fineAmount > 0 && !hearingHeld}')).to.equal(true);
    expect(r("${(opinion == 'problems' || hearingHeld) && fineAmount > 0}")).to.equal(false);
    expect(r('${!hearingHeld}')).to.equal(true);
    expect(r("${opinion == 'agree' || fineAmount > 1}"), 'a true left side still reads the right').to.equal(true);
  });

  it('keeps the default meaning of plain expressions, and reads a bare name as a variable', () => {
    expect(r('${environment.variables.fineAmount}')).to.equal(250000);
    expect(r('${opinion}')).to.equal('agree');
    expect(r('${true}')).to.equal(true);
    expect(r('no expression')).to.equal('no expression');
    expect(r('${missing == null}')).to.equal(true);
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => r('${fineAmount >= }')).to.throw(/ends too early/);
    expect(() => r('${fineAmount ; 1 == 1}')).to.throw(/cannot read the expression/);
  });
});
