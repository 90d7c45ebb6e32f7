import { expect } from 'chai';
import { publicView, readPublicSearch } from '../../../src/domain/publication/public-search.ts';
import type { Publication } from '../../../src/store/publications.ts';

describe('domain: the public publication search and view (one function for the API and the page)', () => {
  it('reads a search, taking a category by its Chinese name or its key', () => {
    expect(readPublicSearch({ party: ' 化工 ', category: '行政处罚', from: '2026-03-01', to: '2026-03-02', page: '2', limit: '10' })).to.deep.equal({
      search: { party: '化工', category: '行政处罚', kind: 'penalty', from: '2026-03-01', to: '2026-03-02', page: 2, limit: 10 },
      errors: [],
    });
    expect(readPublicSearch({ category: 'permit' }).search).to.include({ kind: 'permit', page: 1, limit: undefined });
  });

  it('reports every problem in Chinese', () => {
    const { errors } = readPublicSearch({ party: ['a', 'b'], category: 'x', from: '2026-03-05', to: '2026-03-01', page: '0', limit: '501' });
    expect(errors).to.deep.equal([
      '「当事人名称」只能填写一项',
      '「类别」只能选择行政处罚、行政许可或其他行政执法决定（penalty、permit、other）',
      '「决定日期起」不能晚于「决定日期止」',
      '「页码」应为 1 至 1000 的整数',
      '「每页条数」应为 1 至 500 的整数',
    ]);
    expect(readPublicSearch({ from: '2026-02-30' }).errors).to.deep.equal(['「决定日期起」应为有效日期，如 2026-03-02（收到“2026-02-30”）']);
  });

  it('shows a withdrawn decision only as its withdrawal notice, never its fields', () => {
    const p: Publication = {
      id: 1, caseId: 'c', instanceId: 'i', kind: 'penalty', status: 'withdrawn', partyName: '某厂', decisionNo: '湘西环罚〔2026〕1号', fields: { 处罚类别: '罚款', 违法事实: '秘密' }, serious: false,
      decisionDate: Date.UTC(2026, 2, 1), publishedAt: Date.UTC(2026, 2, 2), publishUntil: Date.UTC(2029, 2, 2), publishedBy: 'a', withdrawnAt: Date.UTC(2026, 2, 9), withdrawalReason: '撤销', withdrawalExplanation: null, withdrawnBy: 'b', creditRepairNo: null, creditRepairOn: null,
    };
    const withdrawn = publicView(p);
    expect(withdrawn.fields).to.equal(undefined);
    expect(JSON.stringify(withdrawn)).not.to.include('秘密');
    expect(withdrawn.notice).to.include({ 撤回原因: '撤销', 撤回日期: '2026-03-09T00:00:00.000Z' });
    expect(publicView({ ...p, status: 'published' }).fields).to.deep.equal(p.fields);
  });
});
