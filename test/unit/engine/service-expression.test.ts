import { expect } from 'chai';
import { parseServiceExpression, resolveServiceArgs } from '../../../src/engine/services.ts';

describe('engine: service expressions in diagrams', () => {
  it('reads string literals and bare variable names as arguments', () => {
    expect(parseServiceExpression("${services.startClock('publication', 'P7WD', publicationDecisionDate)}")).to.deep.equal({
      name: 'startClock',
      args: [{ value: 'publication' }, { value: 'P7WD' }, { variable: 'publicationDecisionDate' }],
    });
    expect(parseServiceExpression('${services.findDecision}')).to.deep.equal({ name: 'findDecision', args: [] });
    expect(parseServiceExpression('${services.startClock(a.b)}'), 'no paths').to.equal(undefined);
    expect(parseServiceExpression('${services.startClock(true)}'), 'no other literals').to.equal(undefined);
    expect(parseServiceExpression("${services.startClock('x', 1 + 2)}"), 'no code').to.equal(undefined);
  });

  it('gives a variable\'s value as text when the task runs, and names a variable that is not set', () => {
    const args = parseServiceExpression("${services.startClock('publication', 'P7WD', decisionDate)}")!.args;
    expect(resolveServiceArgs(args, { decisionDate: '2026-03-02' }, 'task')).to.deep.equal(['publication', 'P7WD', '2026-03-02']);
    expect(() => resolveServiceArgs(args, {}, 'service task <startClock7> startClock')).to.throw('service task <startClock7> startClock: the process variable "decisionDate" given as an argument is not set');
    expect(() => resolveServiceArgs(args, { decisionDate: { y: 2026 } }, 'task')).to.throw(/not a text or a number/);
  });
});
