import { expect } from 'chai';
import { documentProblems, visibleText } from '../../../src/domain/document-quality.ts';

/** The document checker reads a 文书 as the party would (issue 12, "Documents"). */
describe('domain: document quality checker', () => {
  const clean = '<p>湘西某化工有限公司：</p><p>依据《中华人民共和国水污染防治法》第八十三条第二项，本机关拟对你单位罚款人民币伍万元整（50,000.00元）。</p><p>执法人员：张执法（执法证号 43000001）</p>';

  it('passes a finished document', () => {
    expect(documentProblems(clean)).to.deep.equal([]);
  });

  for (const [name, html, expected] of [
    ['an empty basis', '<p>依据，本机关拟作出如下处罚</p>', '「依据」之后没有内容'],
    ['an empty value after a colon', '<p>当事人：。</p>', '冒号之后没有内容'],
    ['a colon at the end of a line', '<p>法定代表人：</p><p>下一行</p>', '冒号之后没有内容'],
    ['empty brackets', '<p>湘西某化工有限公司（）</p>', '括号中没有内容'],
    ['empty quotes', '<p>违反“”的规定</p>', '引号或书名号中没有内容'],
    ['an empty amount', '<p>罚款人民币 元</p>', '金额为空'],
    ['doubled full stops', '<p>罚款伍万元。。</p>', '标点重复'],
    ['a full stop then a comma', '<p>罚款伍万元。，</p>', '标点重复'],
    ['doubled commas', '<p>甲，，乙</p>', '标点重复'],
    ['an enumeration comma before a full stop', '<p>甲、乙、。</p>', '标点重复'],
    ['undefined', '<p>罚款 undefined 元</p>', '程序用语「undefined」'],
    ['null', '<p>地址：null</p>', '程序用语「null」'],
    ['NaN', '<p>罚款 NaN 元</p>', '程序用语「NaN」'],
    ['an object', '<p>依据[object Object]的规定</p>', '程序用语「[object Object]」'],
    ['a demo user name', '<p>执法人员：officer1、officer2</p>', '出现用户名「officer1」'],
  ] as const) {
    it(`fails on ${name}`, () => {
      const problems = documentProblems(html);
      expect(problems.some((p) => p.startsWith(expected)), JSON.stringify(problems)).to.equal(true);
    });
  }

  it('fails on a user name passed in, but not on the same letters inside another word', () => {
    expect(documentProblems('<p>承办人：zhangsan</p>', { usernames: ['zhangsan'] })[0]).to.match(/^出现用户名「zhangsan」/);
    expect(documentProblems('<p>编号 zhangsan2 号</p>', { usernames: ['zhangsan'] })).to.deep.equal([]);
  });

  it('reads the text as shown: tags dropped, entities decoded', () => {
    expect(visibleText('<p>甲&amp;乙</p><p>丙</p>')).to.equal('甲&乙\n丙');
  });
});
