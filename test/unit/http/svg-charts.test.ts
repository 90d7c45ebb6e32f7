import { expect } from 'chai';
import { barChartSvg, escapeXml, wrapLabel } from '../../../src/http/web/dashboard/svg-charts.ts';

const series = [{ name: '未办结案件', color: '#3b6ea5' }, { name: '已逾期', color: '#c53030' }];
const bars = (svg: string) => [...svg.matchAll(/<rect x="150" y="[\d.]+" width="([\d.]+)"[^>]*data-series="([^"]+)" data-value="(\d+)"/g)].map((m) => ({ width: Number(m[1]), series: m[2], value: Number(m[3]) }));

describe('svg-charts: server-rendered bar charts', () => {
  it('draws one bar per series and group, on one scale: the largest value fills the plot width', () => {
    const svg = barChartSvg({ title: '按部门', series, groups: [{ label: '执法支队', values: [8, 2] }, { label: '综合科', values: [4, 0] }] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).to.equal(true);
    expect(svg.endsWith('</svg>')).to.equal(true);
    expect(bars(svg)).to.deep.equal([
      { width: 370, series: '未办结案件', value: 8 },
      { width: 92.5, series: '已逾期', value: 2 },
      { width: 185, series: '未办结案件', value: 4 },
      { width: 0, series: '已逾期', value: 0 },
    ]);
    expect(svg).to.include('>执法支队</text>').and.to.include('>综合科</text>').and.to.include('<title>按部门</title>');
  });

  it('escapes every text it writes: a department called <script> stays text, quotes cannot leave an attribute', () => {
    const svg = barChartSvg({ title: 'A&B "图"', series: [{ name: '<b>x</b>', color: '#123' }], groups: [{ label: '<script>alert(1)</script>', values: [1] }, { label: '" onload="alert(1)', values: [2] }] });
    expect(svg).not.to.include('<script>');
    expect(svg).not.to.include('<b>');
    expect(svg).not.to.match(/" onload="/);
    expect(svg).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).to.include('data-label="&quot; onload=&quot;alert(1)"');
    expect(svg).to.include('aria-label="A&amp;B &quot;图&quot;"');
  });

  it('refuses a colour that is not a hex colour, so no markup enters through a style', () => {
    expect(() => barChartSvg({ title: 't', series: [{ name: 's', color: 'red"/><script>' }], groups: [] })).to.throw(/hex colour/);
  });

  it('says 暂无数据 without groups, and draws negative or missing values as empty bars', () => {
    expect(barChartSvg({ title: 't', series, groups: [] })).to.include('暂无数据');
    const svg = barChartSvg({ title: 't', series, groups: [{ label: 'x', values: [-3] }] });
    expect(bars(svg).map((b) => b.value)).to.deep.equal([0, 0]);
  });

  it('wraps long labels onto more lines, never cutting them, and the chart grows to hold them', () => {
    const short = barChartSvg({ title: 't', series, groups: [{ label: '执法支队', values: [1, 1] }] });
    const svg = barChartSvg({ title: 't', series, groups: [{ label: '行政处罚一般程序（含听证与法制审核及集体讨论）', values: [1, 1] }] });
    const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(lines.join('')).to.equal('行政处罚一般程序（含听证与法制审核及集体讨论）');
    expect(lines).to.deep.equal(['行政处罚一般程序', '（含听证与法制审核及', '集体讨论）']);
    expect(svg).not.to.include('…');
    const height = (s: string) => Number(/viewBox="0 0 \d+ ([\d.]+)"/.exec(s)![1]);
    expect(height(svg)).to.be.greaterThan(height(short));
    const long = '法定期限执行情况·行政执法决定公示·第三十五条规定的期限';
    expect(wrapLabel(long).join('')).to.equal(long);
    for (const line of wrapLabel(long)) expect([...line].length).to.be.at.most(10);
    expect(svg).to.include('<title>行政处罚一般程序（含听证与法制审核及集体讨论）</title>');
    expect(escapeXml(`<&>"'`)).to.equal('&lt;&amp;&gt;&quot;&#39;');
  });
});
