import { expect } from 'chai';
import { yuanInFigures, yuanInWords } from '../../../src/domain/amount-words.ts';

describe('domain: amounts on documents in capitals and figures', () => {
  for (const [n, words] of [
    [50000, '伍万元整'],
    [250000, '贰拾伍万元整'],
    [5000, '伍仟元整'],
    [300000, '叁拾万元整'],
    [1005, '壹仟零伍元整'],
    [100050, '壹拾万零伍拾元整'],
    [12345.67, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [10.5, '壹拾元零伍角整'],
    [0.05, '伍分'],
    [0, '零元整'],
    [100000000, '壹亿元整'],
    [200001000, '贰亿零壹仟元整'],
  ] as const) {
    it(`${n} → ${words}`, () => expect(yuanInWords(n)).to.equal(words));
  }
  it('writes figures with thousands separators and fen', () => {
    expect(yuanInFigures(250000)).to.equal('250,000.00');
  });
});
