import { expect } from 'chai';
import { readableFields } from '../../../src/domain/readable-values.ts';

/** A form's submitted values as a person reads them: the form's titles and labels, 是/否, names, tables. */
describe('Unit: readableFields', () => {
  const schema = {
    properties: {
      reviewOpinion: { type: 'string', title: '审核意见', enum: ['agree', 'problems'], 'x-ui': { widget: 'radio', labels: { agree: '同意', problems: '存在问题' } } },
      checkProcedure: { type: 'boolean', title: '执法程序合法' },
      investigators: { type: 'array', title: '调查人员', items: { type: 'string' }, 'x-ui': { widget: 'officer-picker' } },
      kinds: { type: 'array', title: '拟处罚种类', items: { type: 'string', enum: ['fine', 'warning'] }, 'x-ui': { labels: { fine: '罚款', warning: '警告' } } },
      reviewOpinionDate: { type: 'string', format: 'date', title: '审核意见日期' },
      evidence: { type: 'array', title: '证据清单', items: { type: 'object', properties: { name: { type: 'string', title: '证据名称' }, kind: { type: 'string', title: '证据种类' } } } },
      remarks: { type: 'string', title: '审核说明', 'x-ui': { widget: 'textarea' } },
      unused: { type: 'string', title: '未填写' },
    },
  };
  const names: Record<string, string> = { officer1: '张执法', officer2: '李执法' };

  it('renders each filled field under its title in the form\'s order, leaving out empty and undeclared ones', () => {
    const fields = readableFields(schema, {
      handler: 'officer1', remarks: '第一行\n第二行', evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }], reviewOpinionDate: '2026-03-11',
      kinds: ['fine', 'warning'], investigators: ['officer1', 'officer2'], checkProcedure: false, reviewOpinion: 'problems', unused: '',
    }, (u) => names[u] ?? u);
    expect(fields).to.deep.equal([
      { title: '审核意见', text: '存在问题' },
      { title: '执法程序合法', text: '否' },
      { title: '调查人员', text: '张执法、李执法' },
      { title: '拟处罚种类', text: '罚款、警告' },
      { title: '审核意见日期', text: '2026-03-11' },
      { title: '证据清单', table: { columns: ['证据名称', '证据种类'], rows: [['现场检查笔录', '勘验笔录、现场笔录']] } },
      { title: '审核说明', text: '第一行\n第二行', long: true },
    ]);
  });
});
