import { expect } from 'chai';
import { amountInWords } from '../../../src/domain/amount-words.ts';

describe('amountInWords: a fine in capital numerals (处罚法 art. 59: the decision states the penalty)', () => {
  const cases: Array<[number, string]> = [
    [250000, '贰拾伍万元整'],
    [300000, '叁拾万元整'],
    [5000, '伍仟元整'],
    [1020.03, '壹仟零贰拾元零叁分'],
    [100000001, '壹亿零壹元整'],
    [10050, '壹万零伍拾元整'],
    [5000.5, '伍仟元零伍角'],
    [10.5, '壹拾元零伍角'],
    [0.07, '柒分'],
    [0, '零元整'],
    [20000.3, '贰万元零叁角'], [12.34, '壹拾贰元叁角肆分'],
  ];
  for (const [n, words] of cases) it(`${n} → ${words}`, () => expect(amountInWords(n)).to.equal(words));
  it('refuses a negative amount', () => expect(() => amountInWords(-1)).to.throw(RangeError));
});
