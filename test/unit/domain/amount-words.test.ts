import { expect } from 'chai';
import { amountInFigures, amountInWords, yuanInFigures, yuanInWords } from '../../../src/domain/amount-words.ts';

describe('amountInWords: a fine in capital numerals (处罚法 art. 59: the decision states the penalty)', () => {
  const cases: Array<[number, string]> = [
    [250000, '贰拾伍万元整'],
    [300000, '叁拾万元整'],
    [5000, '伍仟元整'],
    [50000, '伍万元整'],
    [1005, '壹仟零伍元整'],
    [1020.03, '壹仟零贰拾元零叁分'],
    [100000001, '壹亿零壹元整'],
    [100000000, '壹亿元整'],
    [200001000, '贰亿零壹仟元整'],
    [10050, '壹万零伍拾元整'],
    [100050, '壹拾万零伍拾元整'],
    [5000.5, '伍仟元零伍角'],
    [10.5, '壹拾元零伍角'],
    [0.07, '柒分'],
    [0.05, '伍分'],
    [0, '零元整'],
    [20000.3, '贰万元零叁角'],
    [12.34, '壹拾贰元叁角肆分'],
    [12345.67, '壹万贰仟叁佰肆拾伍元陆角柒分'],
  ];
  for (const [n, words] of cases) it(`${n} → ${words}`, () => expect(amountInWords(n)).to.equal(words));
  it('refuses a negative amount', () => expect(() => amountInWords(-1)).to.throw(RangeError));
  it('yuanInWords is the same implementation', () => expect(yuanInWords(250000)).to.equal(amountInWords(250000)));
});

describe('amountInFigures: amounts on documents in figures', () => {
  it('writes figures with thousands separators and fen', () => {
    expect(yuanInFigures(250000)).to.equal('250,000.00');
    expect(amountInFigures(1020.03)).to.equal('1,020.03');
  });
});
