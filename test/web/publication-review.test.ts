import { expect } from 'chai';
import { openTask, startForDepartmentOf, submitTask, view } from '../helpers/fixtures.ts';
import { penaltyDecision } from '../helpers/publications.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

/** A decision's 双公示 fields on a page (the review's preview, the public page): name → text shown, tags stripped. */
const shownFields = (html: string, testid: string): Record<string, string> => {
  const dl = new RegExp(`data-testid="${testid}"[\\s\\S]*?<dl class="fields"[^>]*>([\\s\\S]*?)</dl>`).exec(html)?.[1] ?? '';
  return Object.fromEntries([...dl.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '')]));
};
const previewOf = (html: string) => /data-testid="publication-preview">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
/** The redaction table: 栏目, 原文, 公示为, 理由. */
const redactionRows = (html: string) => [...previewOf(html).matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td><mark>(.*?)<\/mark><\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => m.slice(1));

/**
 * 公示信息审核 (processes/publication.bpmn `review`, forms/publication-review.json): the reviewer
 * reads the text the public will read, every redaction marked with its reason (国办发〔2018〕118号:
 * personal information is not published), and may list more names and terms to hide.
 */
describe('Web: the publication review shows the text to be published, redactions marked', function () {
  let s: TestServer;
  let officer: WebSession;
  let officerApi: ApiClient;

  before(async () => {
    s = await startProcessServer('web-publication-review');
    officer = await webLogin(s.base, 'officer1', 'demo');
    officerApi = await ApiClient.login(s.base, 'officer1', 'demo');
  });
  after(() => s.close());

  const FACTS = '2026年2月现场检查发现废气排放口二氧化硫浓度超标1.5倍；员工张三（身份证号433101198805061232，电话13812345678）证实，运输车辆湘A12345由王某某驾驶。';
  /** A penalty decided on Monday 2 March 2026, at its publication review. */
  const atReview = async (party: string) => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    const id = await startForDepartmentOf(s, 'officer1', 'publication', { ...penaltyDecision(party), facts: FACTS });
    return { id, task: (await openTask(s, id, 'review')).id as string };
  };
  const publicItems = async (party: string) => {
    const res = await fetch(`${s.base}/api/public/publications?party=${encodeURIComponent(party)}`);
    expect(res.status).to.equal(200);
    return ((await res.json()) as { items: Array<{ id: number; fields: Record<string, unknown> }> }).items;
  };

  it('shows every 双公示 field as it will be published, the ID number and mobile number masked in <mark> and listed with why; the lists to redact are free text, not a staff picker', async () => {
    const { task } = await atReview('湘西某化工有限公司');
    const page = await officer.get(`/tasks/${task}`);
    expect(page.status).to.equal(200);
    const fields = shownFields(page.text, 'publication-preview');
    expect(fields).to.include({
      行政相对人名称: '湘西某化工有限公司', 行政处罚决定书文号: '湘西环罚〔2026〕12号', 处罚类别: '罚款', '罚款金额（万元）': '30', 处罚决定日期: '2026-03-02', 公示截止期: '2027-03-01',
      违法事实: '2026年2月现场检查发现废气排放口二氧化硫浓度超标1.5倍；员工张三（身份证号4****************2，电话138****5678）证实，运输车辆湘A12345由王某某驾驶。',
      处罚机关: '湘西土家族苗族自治州生态环境局',
    });
    expect(Object.keys(fields), 'all twenty fields of the platform').to.have.length(20);
    expect(previewOf(page.text)).to.include('<mark title="身份证号">4****************2</mark>').and.to.include('<mark title="手机号码">138****5678</mark>');
    expect(redactionRows(page.text)).to.deep.equal([
      ['违法事实', '433101198805061232', '4****************2', '身份证号'],
      ['违法事实', '13812345678', '138****5678', '手机号码'],
    ]);
    // Free-text lists: one input an entry, three empty ones to start with (the page's script adds more), never a staff picker.
    expect(page.text.match(/<input name="namesToRedact" value=""/g)).to.have.length(3);
    expect(page.text.match(/<input name="textsToRedact" value=""/g)).to.have.length(3);
    expect(page.text).not.to.match(/<select name="namesToRedact"|type="checkbox" name="namesToRedact"/);
  });

  it('previews and publishes the names and terms the reviewer adds: 张三, 王某某 and 湘A12345 are hidden on the review page and on the public page, which show the same text', async () => {
    const party = '吉首市某运输有限公司';
    const { id, task } = await atReview(party);
    const entries = { namesToRedact: ['张三', ' 王某某 ', ''], textsToRedact: ['', '湘A12345', ''] };
    const preview = await officer.post(`/tasks/${task}`, { ...entries, _preview: '1' });
    expect(preview.status).to.equal(200);
    expect((await view(s, id)).tasks.map((t: { elementId: string }) => t.elementId), 'a preview completes nothing').to.deep.equal(['review']);
    expect(await publicItems(party)).to.deep.equal([]);
    const previewed = shownFields(preview.text, 'publication-preview');
    expect(previewed['违法事实']).to.equal('2026年2月现场检查发现废气排放口二氧化硫浓度超标1.5倍；员工张某（身份证号4****************2，电话138****5678）证实，运输车辆***由王某驾驶。');
    expect(previewOf(preview.text)).to.include('<mark title="当事人以外自然人的姓名">王某</mark>').and.to.include('<mark title="审核人列明须隐去的内容">***</mark>');
    expect(redactionRows(preview.text)).to.deep.include.members([
      ['违法事实', '张三', '张某', '当事人以外自然人的姓名'],
      ['违法事实', '王某某', '王某', '当事人以外自然人的姓名'],
      ['违法事实', '湘A12345', '***', '审核人列明须隐去的内容'],
    ]);
    expect(preview.text, 'what was entered stays in the form').to.include('<input name="namesToRedact" value="张三"').and.to.include('<input name="namesToRedact" value="王某某"');

    const done = await officer.post(`/tasks/${task}`, { ...entries, fieldsConfirmed: 'on', redactionChecked: 'on' });
    expect(done.status, done.text.replace(/[\s\S]*<main>/, '').slice(0, 600)).to.equal(303);
    const v = await view(s, id);
    expect(v.variables).to.include({ published: true });
    expect(v.variables.namesToRedact).to.deep.equal(['张三', '王某某']);
    expect(v.variables.textsToRedact).to.deep.equal(['湘A12345']);
    const [item] = await publicItems(party);
    expect(JSON.stringify(item)).not.to.match(/王某某|湘A12345|张三/);
    const publicPage = await fetch(`${s.base}/public/publications/${item!.id}`);
    const publicHtml = await publicPage.text();
    expect(publicHtml).not.to.match(/王某某|湘A12345|张三/);
    expect(shownFields(publicHtml, 'publication-detail'), 'the public reads what the reviewer read, field by field').to.deep.equal(previewed);
  });

  it('refuses an empty, a one-character or an over-long entry with a Chinese message naming it, and publishes nothing', async () => {
    const party = '泸溪县某砂石场';
    const { id, task } = await atReview(party);
    const ok = { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true };
    const empty = await submitTask(s, officerApi, id, 'review', { ...ok, namesToRedact: ['张三', '  '] });
    expect(empty.status).to.equal(422);
    expect(empty.body.errors).to.deep.equal([{ field: 'namesToRedact', message: '「需隐去姓名的其他自然人（当事人以外）」第 2 项为空：每项填写一个要隐去的姓名或词语，不需要的请删去' }]);
    const single = await submitTask(s, officerApi, id, 'review', { ...ok, textsToRedact: ['湘'] });
    expect(single.body.errors).to.deep.equal([{ field: 'textsToRedact', message: '「其他需隐去的内容（车牌号、店招、门牌等）」第 1 项「湘」只有 1 个字：会把公示内容中所有的「湘」都隐去，请填写完整的姓名或词语' }]);

    const long = '运输车辆湘A12345由王某某驾驶并由其妻子李某某押车前往工地';
    expect([...long].length).to.equal(31);
    const page = await officer.post(`/tasks/${task}`, { textsToRedact: long, fieldsConfirmed: 'on', redactionChecked: 'on' });
    expect(page.status).to.equal(422);
    expect(page.text).to.include('「其他需隐去的内容（车牌号、店招、门牌等）」第 1 项超过 30 个字（「运输车辆湘A1234…」）：只填写要隐去的姓名或词语；整段内容不宜公开的，请选择「依法不予公示」并写明理由');
    const preview = await officer.post(`/tasks/${task}`, { textsToRedact: long, _preview: '1' });
    expect(preview.status, 'a preview says the same at once').to.equal(422);
    expect(preview.text).to.include('第 1 项超过 30 个字');

    const v = await view(s, id);
    expect(v.tasks.map((t: { elementId: string }) => t.elementId), 'still at the review').to.deep.equal(['review']);
    expect(v.variables.published).to.equal(undefined);
    expect(v.variables.textsToRedact).to.equal(undefined);
    expect(await publicItems(party)).to.deep.equal([]);
  });
});
