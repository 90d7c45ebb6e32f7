import { expect } from 'chai';
import { startInstance } from '../helpers/fixtures.ts';
import { publishPenalty, withdrawPublication } from '../helpers/publications.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';
import { webLogin } from '../helpers/web.ts';
import { insertPublication } from '../../src/store/publications.ts';

const get = async (base: string, p: string) => {
  const res = await fetch(base + p, { redirect: 'manual' });
  return { status: res.status, text: await res.text() };
};
/** The rows of the public list: [party, category, decision number] (a withdrawal notice shows 撤回公示 as its category). */
const rows = (html: string) =>
  [...html.matchAll(/<tr (?:class="withdrawn" )?data-testid="(?:publication|withdrawal-notice)">([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].slice(0, 3).map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
  );
const DAY = 86_400_000;
/** Handlebars writes = in attributes as &#x3D;: what a browser reads. */
const decoded = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

describe('Web: the public platform (/public, /public/lists), no sign-in', () => {
  let s: TestServer;
  let officer: ApiClient;
  let published: number;
  let caseId: string;

  before(async () => {
    s = await startProcessServer('web-public');
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    published = await publishPenalty(s, officer, '湘西某化工有限公司', '湘西环罚〔2026〕12号');
    // Permits and other decisions published earlier, stored as the publication service stores them.
    caseId = await startInstance(s, 'penalty', { party: '案卷', partyType: '法人及非法人组织', lead: '测试', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    const now = s.clock.now().getTime();
    const store = (i: number, kind: string, party: string, decisionDate: string, publishUntil: number) => insertPublication(s.zhifa.db, {
      case_id: caseId, instance_id: caseId, idempotency_key: `seed-${i}`, kind, party_name: party, decision_no: `湘西环许〔2026〕${i}号`,
      fields: { 行政相对人名称: party, 行政许可决定文书号: `湘西环许〔2026〕${i}号`, 许可类别: '普通', 许可决定日期: decisionDate },
      serious: false, decision_date: Date.parse(`${decisionDate}T00:00:00+08:00`), published_at: now, publish_until: publishUntil, published_by: 'officer1',
    });
    for (let i = 1; i <= 22; i++) await store(i, 'permit', `泸溪县某排污单位${String(i).padStart(2, '0')}`, `2026-01-${String(i + 5).padStart(2, '0')}`, now + 365 * DAY);
    await store(90, 'other', '<script>alert(1)</script>某厂', '2026-02-10', now + 365 * DAY);
    await store(91, 'permit', '即将期满的某厂', '2026-02-11', now + DAY);
  });
  after(() => s.close());

  it('lists published decisions to an anonymous visitor, newest decision first, 20 to a page', async () => {
    const page1 = await get(s.base, '/public');
    expect(page1.status).to.equal(200);
    expect(page1.text).to.include('登录').and.not.to.include('我的待办');
    const list = rows(page1.text);
    expect(list).to.have.length(20);
    expect(list[0]).to.deep.equal(['湘西某化工有限公司', '行政处罚', '湘西环罚〔2026〕12号']);
    expect(page1.text, 'the last day of the one-year period, not the midnight after it').to.include('<td>罚款</td><td>2027-03-01</td>');
    expect(page1.text).to.include(`href="/public/publications/${published}"`);
    expect(decoded(page1.text)).to.include('href="/public?page=2" rel="next"');
    const page2 = rows((await get(s.base, '/public?page=2')).text);
    expect(page2.map((r) => r[0])).to.deep.equal(['泸溪县某排污单位05', '泸溪县某排污单位04', '泸溪县某排污单位03', '泸溪县某排污单位02', '泸溪县某排污单位01']);
  });

  it('searches by party name (a wildcard taken literally), category and decision date range, and keeps the search across pages', async () => {
    expect(rows((await get(s.base, `/public?party=${encodeURIComponent('化工')}`)).text).map((r) => r[0])).to.deep.equal(['湘西某化工有限公司']);
    expect(rows((await get(s.base, `/public?party=${encodeURIComponent('%')}`)).text)).to.deep.equal([]);
    expect((await get(s.base, `/public?party=${encodeURIComponent('%')}`)).text).to.include('没有符合条件的公示信息');
    expect(rows((await get(s.base, '/public?category=other')).text).map((r) => r[1])).to.deep.equal(['其他行政执法决定']);
    const permits = await get(s.base, '/public?category=permit');
    expect(rows(permits.text).every((r) => r[1] === '行政许可')).to.equal(true);
    expect(decoded(permits.text)).to.include('href="/public?category=permit&page=2"');
    expect(permits.text, 'the chosen category stays selected').to.include('<option value="permit" selected>');
    expect(rows((await get(s.base, '/public?from=2026-01-10&to=2026-01-12')).text).map((r) => r[0])).to.deep.equal(['泸溪县某排污单位07', '泸溪县某排污单位06', '泸溪县某排污单位05']);
    expect(rows((await get(s.base, `/public?party=${encodeURIComponent('化工')}&category=permit`)).text)).to.deep.equal([]);
  });

  it('answers bad search input with Chinese messages on the page and lists nothing', async () => {
    for (const [query, message] of [
      ['from=2026-02-30', '「决定日期起」应为有效日期，如 2026-03-02'],
      ['category=bogus', '「类别」只能选择行政处罚、行政许可或其他行政执法决定'],
      ['from=2026-03-02&to=2026-03-01', '「决定日期起」不能晚于「决定日期止」'],
      ['page=0', '「页码」应为 1 至 1000 的整数'],
      ['party=a&party=b', '「当事人名称」只能填写一项'],
      [`party=${'某'.repeat(101)}`, '「当事人名称」不能超过 100 个字'],
    ]) {
      const res = await get(s.base, `/public?${encodeURI(query)}`);
      expect(res.status, query).to.equal(400);
      expect(res.text, query).to.include(message);
      expect(rows(res.text), query).to.deep.equal([]);
      // The API reads a search with the same function: the same refusals, in the same words.
      const api = await get(s.base, `/api/public/publications?${encodeURI(query)}`);
      expect(api.status, `API ${query}`).to.equal(400);
      expect(JSON.parse(api.text).errors, `API ${query}`).to.satisfy((errors: string[]) => errors.some((e) => e.startsWith(message)));
    }
  });

  it('takes a category by its Chinese name on the page as the API does', async () => {
    expect(rows((await get(s.base, `/public?category=${encodeURIComponent('其他行政执法决定')}`)).text).map((r) => r[1])).to.deep.equal(['其他行政执法决定']);
    const api = JSON.parse((await get(s.base, `/api/public/publications?category=${encodeURIComponent('其他行政执法决定')}`)).text);
    expect(api.items.map((i: { kind: string }) => i.kind)).to.deep.equal(['other']);
  });

  it('shows the 双公示 fields of a publication, as redacted at publication; a party called <script> stays text', async () => {
    const res = await get(s.base, `/public/publications/${published}`);
    expect(res.status).to.equal(200);
    for (const text of ['<dt>行政相对人名称</dt><dd>湘西某化工有限公司</dd>', '<dt>统一社会信用代码</dt><dd>91433100MA4L12345F</dd>', '<dt>处罚类别</dt><dd>罚款</dd>', '<dt>罚款金额（万元）</dt><dd>30</dd>', '员工张某证实']) expect(res.text).to.include(text);
    expect(res.text).not.to.include('张三');
    const list = await get(s.base, '/public?category=other');
    expect(list.text).to.include('&lt;script&gt;alert(1)&lt;/script&gt;某厂').and.not.to.include('<script>alert(1)');
    expect((await get(s.base, '/public/publications/999999')).status).to.equal(404);
    expect((await get(s.base, '/public/publications/abc')).status).to.equal(404);
  });

  it('takes a decision off the platform once its publication period ends', async () => {
    expect(rows((await get(s.base, `/public?party=${encodeURIComponent('即将期满')}`)).text)).to.have.length(1);
    const id = (await s.zhifa.db('publications').where({ party_name: '即将期满的某厂' }).first('id')).id;
    expect((await get(s.base, `/public/publications/${id}`)).status).to.equal(200);
    s.clock.set(new Date(s.clock.now().getTime() + DAY));
    expect(rows((await get(s.base, `/public?party=${encodeURIComponent('即将期满')}`)).text)).to.deep.equal([]);
    const gone = await get(s.base, `/public/publications/${id}`);
    expect(gone.status).to.equal(404);
    expect(gone.text).to.include('该公示信息不存在或已过公示期限').and.not.to.include('即将期满的某厂');
  });

  it('shows a withdrawn decision only as its withdrawal notice: the reason and the date, not the decision', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-03-05T02:00:00Z' });
    await withdrawPublication(s, officer, published, '湘西环罚〔2026〕12号', '经行政复议，原处罚决定被撤销。');
    const list = await get(s.base, `/public?party=${encodeURIComponent('化工')}`);
    expect(rows(list.text)).to.deep.equal([['湘西某化工有限公司', '撤回公示', '湘西环罚〔2026〕12号']]);
    expect(list.text).to.include('撤回原因：撤销；撤回日期：2026/03/05').and.to.include('经行政复议，原处罚决定被撤销。');
    const detail = await get(s.base, `/public/publications/${published}`);
    expect(detail.status).to.equal(200);
    expect(detail.text).to.include('<h1>撤回公示</h1>').and.to.include('<dt>撤回原因</dt><dd>撤销</dd>');
    expect(detail.text, 'the decision itself is no longer shown').not.to.include('二氧化硫').and.not.to.include('罚款金额');
  });

  it('publishes the five lists: certified personnel (name, certificate, validity only), procedures, random inspections, AV-recording matters, and the legal-review catalog in force', async () => {
    await s.zhifa.accounts.create({ username: 'retired1', password: 'demo', displayName: '过期证件', department: '执法支队', roles: ['staff'], certificate: { no: '43000000077', validUntil: new Date('2026-01-01T00:00:00Z') } });
    const res = await get(s.base, '/public/lists');
    expect(res.status).to.equal(200);
    expect(res.text).to.include('<td>张执法</td><td>43000000001</td><td>2030-12-31</td>');
    expect(res.text).to.include('43000000003');
    expect(res.text, 'an expired certificate is not listed').not.to.include('43000000077');
    expect(res.text, 'no other personal data').not.to.include('demo.zhifa.local').and.not.to.include('officer1');
    expect(res.text).to.include('<td>行政处罚（一般程序）</td>').and.to.include('<td>行政执法决定公示</td>');
    expect(res.text).to.include('排污许可证执行情况检查').and.to.include('危险废物规范化环境管理检查');
    expect(res.text).to.include('<td>现场实施查封、扣押</td><td><span class="badge overdue">全程音像记录</span>');
    expect(res.text).to.include('<td>公告送达</td>').and.to.include('<td>听证</td>').and.to.include('<td>现场检查（勘察）</td>');
    expect(res.text).to.include('重大执法决定法制审核目录清单').and.to.include('版本 2026-2').and.to.include('对法人或其他组织处以较大数额罚款 <span class="hint">（当事人为法人及非法人组织或个体工商户，罚款金额达到 200,000 元）</span>');

    // A revision saved by an administrator is the catalog in force, and the one published.
    const admin = await webLogin(s.base, 'admin', 'admin');
    const catalog = { title: '重大执法决定法制审核目录清单', version: '2026-3', rules: [{ id: 'fine-organisation', label: '对法人或其他组织处以五十万元以上罚款', when: { partyType: ['法人及非法人组织'], fineAmountAtLeast: 500000 } }] };
    const saved = await admin.post('/admin/catalog', { catalog: JSON.stringify(catalog) });
    expect(saved.status, saved.text.slice(0, 300)).to.be.oneOf([200, 303]);
    const after = await get(s.base, '/public/lists');
    expect(after.text).to.include('版本 2026-3').and.to.include('对法人或其他组织处以五十万元以上罚款').and.not.to.include('对公民处以较大数额罚款');
  });
});
