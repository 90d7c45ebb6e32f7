import { expect } from 'chai';
import { Environment } from 'bpmn-elements';
import { createExpressions } from '../../../src/engine/expression-language.ts';
import { resolveAttribute } from '../../../src/engine/expressions.ts';

/** Ways a `${…}` in a diagram could try to reach the server: each must read as nothing. */
const HOSTILE = [
  "${services.constructor.constructor('return process')()}",
  "${content.constructor.constructor('return process')}",
  "${environment.constructor.constructor('return process')}",
  "${environment.variables.constructor}",
  "${content.__proto__}",
  '${this.constructor}',
  '${process.exit()}',
  '${globalThis.process}',
  "${require('fs')}",
  '${environment.expressions.resolveExpression}',
];

describe('engine: expressions in diagrams read data only', () => {
  const expressions = createExpressions();
  const context = () => ({ environment: new Environment({ variables: { amount: 5, list: [1, 2] } }), content: { id: 'task' } });

  for (const text of HOSTILE) {
    it(`evaluates ${text} to nothing, calling nothing`, () => {
      expect(expressions.resolveExpression(text, context())).to.equal(undefined);
      expect(expressions.resolveExpression(`审核 ${text}`, context())).to.equal('审核 ');
      expect(typeof process.exit).to.equal('function');
    });
  }

  it('still reads variables, paths, list items and literals', () => {
    expect(expressions.resolveExpression('${amount}', context())).to.equal(5);
    expect(expressions.resolveExpression('${environment.variables.list[1]}', context())).to.equal(2);
    expect(expressions.resolveExpression('${content.id}', context())).to.equal('task');
    expect(expressions.resolveExpression('${true}', context())).to.equal(true);
    expect(expressions.resolveExpression('案件 ${amount} 元', context())).to.equal('案件 5 元');
  });

  it('a condition that calls a function is refused, not run', () => {
    expect(() => expressions.resolveExpression("${amount > 1 && content.constructor.constructor('return process')()}", context())).to.throw(/unexpected/);
  });

  it('assignee, candidate groups and due dates never read through constructor', () => {
    for (const text of ['${content.constructor.constructor}', '${constructor}', '${__proto__.toString}']) {
      expect(resolveAttribute(text, { content: {} }), text).to.equal(undefined);
    }
  });
});
