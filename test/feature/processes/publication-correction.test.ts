import { expect } from 'chai';
import { completeTask, openTask, startInstance, submitTask, view } from '../../helpers/fixtures.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';

/** What a penalty case hands to the publication call activity (here: started directly). */
const penaltyCase = (party: string) => ({
  publicationKind: 'penalty', party, partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', legalRepresentative: '李四',
  penaltyDecisionNo: '湘西环罚〔2026〕31号', violationType: '超标排放大气污染物', facts: '废气排放口二氧化硫浓度超标。',
  legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项', decidedPenaltyKinds: ['fine'], decidedFineAmount: 300000, decisionDate: '2026-03-02',
});
const REVIEW_OK = { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true };

/**
 * 更正公示: 国办发〔2018〕118号 (发现公开的行政执法信息不准确的，要及时予以更正), done within the same
 * 3 working days as a withdrawal (处罚法 art. 48), processes/publication-correction.bpmn.
 */
describe('Feature: 更正公示 (processes/publication-correction.bpmn)', () => {
  let s: TestServer;
  let officer: ApiClient;
  const anonymous = () => new ApiClient(s.base);

  before(async () => {
    s = await startProcessServer('publication-correction');
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
  });
  after(() => s.close());

  /** A penalty decided and published on Monday 2 March; found wrong on Thursday 5 March. */
  const correctionStarted = async (party: string, businessKey: string) => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    const id = await startInstance(s, 'publication', penaltyCase(party), businessKey);
    await completeTask(s, officer, id, 'review', REVIEW_OK);
    const publicationId = (await view(s, id)).variables.publicationId as number;
    await s.api.post('/api/dev/clock', { set: '2026-03-05T02:00:00Z' });
    const cid = await startInstance(s, 'publication-correction', { publicationId }, businessKey);
    return { id, cid, publicationId };
  };

  it('Given a published fine found wrong, the correction is due within 3 working days; once done, the public page shows the corrected amount and a correction notice: what was wrong, what it is now, why and when', async () => {
    const { id, cid, publicationId } = await correctionStarted('泸溪县某化工厂', '湘西环罚〔2026〕31号');
    const task = await openTask(s, cid, 'correct');
    // 3 working days from Thursday 5 March: 6, 9, 10 March.
    expect(task.dueAt).to.equal('2026-03-10T16:00:00.000Z');
    expect(task.candidateGroups).to.deep.equal(['officers']);
    const clocks = (await view(s, cid)).clocks as Array<{ name: string; status: string; dueAt: string }>;
    expect(clocks.find((c) => c.name === 'correction')).to.include({ status: 'running', dueAt: '2026-03-10T16:00:00.000Z' });

    await s.api.post('/api/dev/clock', { set: '2026-03-06T02:00:00Z' });
    await completeTask(s, officer, cid, 'correct', {
      publicationCorrections: [{ field: '罚款金额（万元）', correctedValue: '3' }],
      correctionExplanation: '罚款金额录入错误：处罚决定书载明罚款人民币三万元。',
    });
    const v = await view(s, cid);
    expect(v.status).to.equal('completed');
    expect(v.variables).to.include({ publicationCorrected: true, publicationCorrectedAt: '2026-03-06T02:00:00.000Z', publicationCorrectedBy: 'officer1' });
    expect((v.clocks as Array<{ name: string; status: string }>).find((c) => c.name === 'correction')?.status).to.equal('stopped');

    const items = (await anonymous().get('/api/public/publications?party=泸溪县某化工厂')).body.items as any[];
    expect(items).to.have.length(1);
    expect(items[0]).to.include({ status: 'published' });
    expect(items[0].fields['罚款金额（万元）']).to.equal(3);
    expect(items[0].corrections).to.deep.equal([{ 更正项目: '罚款金额（万元）', 原公示内容: '30', 更正后内容: '3', 更正说明: '罚款金额录入错误：处罚决定书载明罚款人民币三万元。', 更正日期: '2026-03-06T02:00:00.000Z' }]);

    const page = await fetch(`${s.base}/public/publications/${publicationId}`);
    const html = await page.text();
    const notice = /data-testid="correction-notice"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(notice).to.include('<h2>更正公告</h2>').and.to.include('<dd>罚款金额（万元）</dd>').and.to.include('<dd>30</dd>').and.to.include('<dd>3</dd>')
      .and.to.include('罚款金额录入错误：处罚决定书载明罚款人民币三万元。').and.to.match(/<dt>更正日期<\/dt><dd>2026\/03\/06<\/dd>/);
    const history = await s.zhifa.db('history').where({ instance_id: id, kind: 'publication.corrected' }).select('data');
    expect(history.map((h: { data: string }) => JSON.parse(h.data).fields), 'recorded on the decision\'s case').to.deep.equal([['罚款金额（万元）']]);
  });

  it('does not repeat a wrong party name in the notice, and refuses a correction of the decision date, of a value left unchanged, or of a withdrawn item (422; nothing changes)', async () => {
    const { cid, publicationId } = await correctionStarted('古丈县某茶厂', '湘西环罚〔2026〕32号');
    const date = await submitTask(s, officer, cid, 'correct', { publicationCorrections: [{ field: '处罚决定日期', correctedValue: '2026-03-03' }], correctionExplanation: '日期有误。' });
    expect(date.status, 'not among the correctable items').to.equal(422);
    const same = await submitTask(s, officer, cid, 'correct', { publicationCorrections: [{ field: '处罚依据', correctedValue: '《中华人民共和国大气污染防治法》第九十九条第二项' }], correctionExplanation: '无。' });
    expect(same.status).to.equal(422);
    expect(JSON.stringify(same.body)).to.include('「处罚依据」更正后的内容与原公示内容相同');
    expect((await view(s, cid)).status).to.equal('running');

    await completeTask(s, officer, cid, 'correct', { publicationCorrections: [{ field: '行政相对人名称', correctedValue: '古丈县某茶业有限公司' }], correctionExplanation: '当事人名称录入错误。' });
    const item = (await anonymous().get('/api/public/publications?party=古丈县某茶业有限公司')).body.items[0];
    expect(item.partyName, 'the search finds the corrected name').to.equal('古丈县某茶业有限公司');
    expect(item.corrections[0]).to.include({ 更正项目: '行政相对人名称', 原公示内容: '（原公示内容有误，不再显示）', 更正后内容: '古丈县某茶业有限公司' });
    expect((await anonymous().get('/api/public/publications?party=古丈县某茶厂')).body.items).to.deep.equal([]);

    const wid = await startInstance(s, 'publication-withdrawal', { publicationId, withdrawalReason: '撤销' }, '湘西环罚〔2026〕32号');
    await completeTask(s, officer, wid, 'withdraw', { withdrawalReason: '撤销', withdrawalExplanation: '原处罚决定被撤销。' });
    const late = await startInstance(s, 'publication-correction', { publicationId }, '湘西环罚〔2026〕32号');
    const refused = await submitTask(s, officer, late, 'correct', { publicationCorrections: [{ field: '处罚依据', correctedValue: '《中华人民共和国大气污染防治法》第九十九条' }], correctionExplanation: '依据条款有误。' });
    expect(refused.status).to.equal(422);
    expect(JSON.stringify(refused.body)).to.include('已撤回，不能更正');
  });
});
