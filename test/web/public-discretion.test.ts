import { expect } from 'chai';
import { startProcessServer, type TestServer } from '../helpers/server.ts';

const get = async (base: string, p: string) => {
  const res = await fetch(base + p, { redirect: 'manual' });
  return { status: res.status, text: await res.text() };
};
/** One violation type's table on the page. */
const section = (html: string, code: string) => html.match(new RegExp(`<section class="card" id="${code}"[\\s\\S]*?</section>`))?.[0] ?? '';

describe('Web: the discretion benchmark on the public platform (/public/discretion), no sign-in', () => {
  let s: TestServer;
  before(async () => { s = await startProcessServer('web-discretion'); });
  after(() => s.close());

  it('is linked from the public navigation and from the violation library, and shows the version and effective date', async () => {
    const home = await get(s.base, '/public');
    expect(home.text).to.include('<a href="/public/discretion">裁量基准</a>');
    const violations = (await get(s.base, '/public/violations')).text;
    expect(violations).to.include('<a href="/public/discretion">生态环境行政处罚裁量基准</a>');
    expect(section(violations, 'AIR-01')).to.include('<a href="/public/discretion#AIR-01">该违法行为的裁量基准</a>');
    expect(section(violations, 'NOISE-01'), 'no table, no link').not.to.include('/public/discretion#');
    const res = await get(s.base, '/public/discretion');
    expect(res.status).to.equal(200);
    expect(res.text).to.include('<h1>生态环境行政处罚裁量基准</h1>');
    expect(res.text).to.include('版本 2026-1，自 2026-01-01 起施行（现行版本）。立案日期在某一版本生效日期当日或者之后的案件，适用该版本');
    expect(res.text).to.include('环执法〔2019〕42号');
    expect(res.text.match(/data-testid="discretion-table"/g)).to.have.length.of.at.least(6);
  });

  it('shows a table\'s factors with levels, scores and weights, and the 从重/从轻/减轻/不予处罚 rules, in Chinese', async () => {
    const page = (await get(s.base, '/public/discretion')).text;
    const air = section(page, 'AIR-01');
    expect(air).to.include('<h2>超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物</h2>');
    expect(air).to.include('法定罚款幅度：10万元以上100万元以下');
    expect(air).to.include('<th scope="row" rowspan="5">超标倍数</th><td rowspan="5">情节</td><td rowspan="5">40</td><td>1级：超标0.5倍以下</td><td>20</td>');
    expect(section(page, 'EIA-01')).to.include('法定罚款幅度：建设项目总投资额的1%以上5%以下');
    expect(page).to.include('主动消除或者减轻违法行为危害后果的：裁量分值减10分，可以依法减轻处罚（《中华人民共和国行政处罚法》第三十二条第一项）');
    expect(page).to.include('初次违法且危害后果轻微并及时改正的：可以不予处罚（《中华人民共和国行政处罚法》第三十三条第一款）');
    expect(page).to.include('两年内因同类环境违法行为受到行政处罚的：裁量分值加10分');
    expect(page, 'no factor ids where words belong').not.to.include('exceedance').and.not.to.include('removedHarm');
  });

  it('answers 404 in Chinese for a version that does not exist', async () => {
    const res = await get(s.base, '/public/discretion?version=1999-1');
    expect(res.status).to.equal(404);
    expect(res.text).to.include('没有该版本的裁量基准');
  });
});
