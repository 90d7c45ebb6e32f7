import { expect } from 'chai';
import { startProcessServer, type TestServer } from '../helpers/server.ts';

const get = async (base: string, p: string) => {
  const res = await fetch(base + p, { redirect: 'manual' });
  return { status: res.status, text: await res.text() };
};
/** One violation type's section of the page. */
const section = (html: string, code: string) => html.match(new RegExp(`<section class="card" id="${code}"[\\s\\S]*?</section>`))?.[0] ?? '';

describe('Web: the violation library on the public platform (/public/violations), no sign-in', () => {
  let s: TestServer;
  before(async () => { s = await startProcessServer('web-violations'); });
  after(() => s.close());

  it('is linked from the public navigation and lists every violation type with the library\'s version and effective date', async () => {
    const home = await get(s.base, '/public');
    expect(home.text).to.include('<a href="/public/violations">违法行为库</a>');
    const res = await get(s.base, '/public/violations');
    expect(res.status).to.equal(200);
    expect(res.text).to.include('<h1>生态环境违法行为库</h1>');
    expect(res.text).to.match(/版本 2026-1，自 \d{4}-\d{2}-\d{2} 起施行/);
    expect(res.text.match(/data-testid="violation"/g)).to.have.length.of.at.least(12);
  });

  it('shows a violation type\'s provisions with their text, the penalty range and the hearing and review consequences, in Chinese', async () => {
    const air = section((await get(s.base, '/public/violations')).text, 'AIR-01');
    expect(air).to.include('<h2>超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物</h2>');
    expect(air).to.include('违法行为类型：大气污染防治违法行为');
    expect(air).to.include('<strong>《中华人民共和国大气污染防治法》第十八条</strong>：企业事业单位和其他生产经营者建设对大气环境有影响的项目');
    expect(air).to.include('<strong>《中华人民共和国大气污染防治法》第九十九条第二项</strong>：违反本法规定，有下列行为之一的');
    expect(air).to.include('<li>罚款（10万元以上100万元以下）</li>');
    expect(air).to.include('<h3>按日连续处罚</h3>').and.to.include('《中华人民共和国大气污染防治法》第一百二十三条第二项');
    expect(air).to.include('<h3>听证权利：视拟处罚情况而定</h3>').and.to.include('对法人及非法人组织：拟罚款达到20万元的，当事人有权要求听证');
    expect(air).to.include('<h3>法制审核：视拟处罚情况而定</h3>');
    expect(air, 'no codes where words belong').not.to.include('suspendProduction').and.not.to.include('>air<');
    const eia = section((await get(s.base, '/public/violations')).text, 'EIA-01');
    expect(eia).to.include('罚款（建设项目总投资额的1%以上5%以下）');
    const permit = section((await get(s.base, '/public/violations')).text, 'PERMIT-01');
    expect(permit).to.include('<h3>听证权利：是</h3>').and.to.include('<h3>法制审核：是</h3>');
  });
});
