import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { startForDepartmentOf, startInstance } from '../helpers/fixtures.ts';
import { startProcessServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

const publication = (party: string) => ({
  publicationKind: 'penalty', party, partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', legalRepresentative: '李四',
  penaltyDecisionNo: '湘西环罚〔2026〕12号', violationType: '超标排放大气污染物', facts: '废气排放口二氧化硫浓度超标。', legalBasis: '《中华人民共和国大气污染防治法》第九十九条',
  decidedPenaltyKinds: ['fine'], penaltyContent: '罚款人民币三十万元', decidedFineAmount: 300000, decisionDate: '2026-03-02',
});
const penalty = (party: string) => ({ party, partyType: '法人及非法人组织', lead: '群众举报', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });

const METRICS = ['openCases', 'openTasks', 'tasksDueThisWeek', 'clocksDueThisWeek', 'overdue', 'pausedClocks'];
/** Attribute text as the browser reads it (handlebars escapes = and &). */
const unescape = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();
/** Each row of a dashboard table: its link query and its six figures. */
function dashboardRows(html: string, testid: string): Array<{ query: string; figures: number[] }> {
  const table = new RegExp(`data-testid="${testid}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr data-row="[^"]*">([\s\S]*?)<\/tr>/g)].map((m) => {
    const tds = [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!);
    const query = /href="\/dashboard\/cases\?metric=openCases&([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    return { query, figures: tds.slice(1).map((c) => Number(text(c))) };
  });
}
const counted = (html: string) => Number(/计 (\d+) 项/.exec(html)?.[1]);
const listed = (html: string) => [...html.matchAll(/<tr data-case="([^"]+)">/g)].map((m) => m[1]);

/** A CSV as Excel reads it: the BOM, then rows of cells (quoted cells may hold commas). */
function parseCsv(body: string): string[][] {
  expect(body.charCodeAt(0), 'UTF-8 byte order mark').to.equal(0xfeff);
  return body.slice(1).split('\r\n').filter((l) => l !== '').map((line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].filter((m) => m.index! < line.length || m[1]).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

async function download(session: WebSession, path: string): Promise<{ type: string; disposition: string; body: Buffer }> {
  const res = await fetch(session.base + path, { headers: { cookie: session.cookie } });
  expect(res.status, path).to.equal(200);
  return { type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}
const sheetRows = (book: ExcelJS.Workbook, name: string) => {
  const out: unknown[][] = [];
  book.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
};

/** Every figure of the dashboard and the statistics page lists the cases it counts, from the same query; lists and statistics export to CSV and XLSX with the same numbers. */
describe('Web: dashboard drill-down and export', function () {
  this.timeout(60_000);
  let s: TestServer;
  let admin: WebSession;
  let manager1: WebSession;

  before(async () => {
    s = await startProcessServer('web-dashboard-export');
    await s.zhifa.accounts.create({ username: 'officer9', password: 'demo', displayName: '孙执法', department: '综合科', groups: [{ id: 'officers', name: '承办人员' }], roles: ['staff'], certificate: { no: '43000000009', validUntil: new Date('2030-12-31T16:00:00Z') } });
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    await startForDepartmentOf(s, 'officer1', 'publication', publication('湘西某化工有限公司'));
    await startForDepartmentOf(s, 'officer9', 'publication', publication('综合科某建材厂, "东区"'));
    const c = await startForDepartmentOf(s, 'officer1', 'penalty', penalty('吉首某砂场'));
    await startInstance(s, 'penalty', penalty('管理员录入某厂'));
    expect((await s.api.post(`/api/instances/${c}/clocks/filing/pause`, { reason: '等待鉴定' })).status).to.equal(200);
    await s.api.post('/api/dev/clock', { set: '2026-03-16T02:00:00Z' });
    [admin, manager1] = await Promise.all([webLogin(s.base, 'admin', 'admin'), webLogin(s.base, 'manager1', 'demo')]);
  });
  after(() => s.close());

  it('each figure of the dashboard (totals, by department, by procedure) links to a list that counts the same number', async () => {
    const page = unescape((await admin.get('/dashboard')).text);
    const rows = [...dashboardRows(page, 'by-department'), ...dashboardRows(page, 'by-process')];
    expect(rows.length).to.be.greaterThan(3);
    let nonZero = 0;
    for (const { query, figures } of rows) {
      for (const [i, metric] of METRICS.entries()) {
        expect(page, 'the figure links to its list').to.include(`href="/dashboard/cases?metric=${metric}&${query}"`);
        const list = await admin.get(`/dashboard/cases?metric=${metric}&${query}`);
        expect(list.status).to.equal(200);
        expect(counted(list.text), `${metric} ${decodeURIComponent(query)}`).to.equal(figures[i]);
        if (figures[i]) nonZero++;
      }
    }
    expect(nonZero, 'the data exercise the lists').to.be.greaterThan(8);
    const total = Number(text(/data-testid="total-open-cases">([\s\S]*?)<\/strong>/.exec(page)![1]!));
    expect(listed((await admin.get('/dashboard/cases?metric=openCases')).text)).to.have.length(total).and.to.have.length(4);
  });

  it('a manager\'s list keeps to their department, and names the cases it counts', async () => {
    const list = (await manager1.get('/dashboard/cases?metric=overdue')).text;
    expect(list).to.include('湘西某化工有限公司').and.not.to.include('综合科某建材厂').and.not.to.include('管理员录入某厂');
    expect((await manager1.get('/dashboard/cases?metric=openCases&department=综合科')).text).to.include('共 0 件案件，计 0 项');
    const bad = await manager1.get('/dashboard/cases?metric=everything');
    expect(bad.status).to.equal(400);
    expect(bad.text).to.include('不认识要查看的统计项');
  });

  it('a list exports to CSV (UTF-8 with BOM) and XLSX with the rows and counts the page shows', async () => {
    const page = (await admin.get('/dashboard/cases?metric=openTasks')).text;
    const ids = listed(page);
    const csv = await download(admin, '/dashboard/cases?metric=openTasks&format=csv');
    expect(csv.type).to.match(/^text\/csv; charset=utf-8/);
    expect(csv.disposition).to.include("filename*=UTF-8''");
    const rows = parseCsv(csv.body.toString('utf8'));
    expect(rows[0]).to.deep.equal(['立案编号', '当事人', '执法程序', '部门', '登记日期', '计数', '所计事项']);
    expect(rows.slice(1)).to.have.length(ids.length);
    expect(rows.slice(1).reduce((n, r) => n + Number(r[5]), 0)).to.equal(counted(page));
    expect(rows.map((r) => r[1])).to.include('综合科某建材厂, "东区"');

    const xlsx = await download(admin, '/dashboard/cases?metric=openTasks&format=xlsx');
    expect(xlsx.type).to.include('spreadsheetml');
    const sheet = sheetRows(await readXlsx(xlsx.body), '案件清单');
    expect(sheet[0]).to.deep.equal(rows[0]);
    expect(sheet.slice(1).reduce((n: number, r) => n + Number(r[5]), 0)).to.equal(counted(page));
    expect(sheet.slice(1).map((r) => r[1])).to.deep.equal(rows.slice(1).map((r) => r[1]));
  });

  it('the statistics export (XLSX and CSV) has the statistics page\'s figures, and each figure lists its cases', async () => {
    const page = unescape((await admin.get('/dashboard/statistics?from=2026-01-01&to=2026-03-16')).text);
    const outcomes = [...(/data-testid="cases-by-outcome"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '').matchAll(/<tr data-row="[^"]*"><td>([^<]*)<\/td><td>([^<]*)<\/td><td><a href="([^"]+)">(\d+)<\/a><\/td><\/tr>/g)]
      .map((m) => ({ procedure: m[1], outcome: m[2], href: m[3]!, cases: Number(m[4]) }));
    expect(outcomes.reduce((n, o) => n + o.cases, 0)).to.equal(4);
    for (const o of outcomes) expect(counted((await admin.get(o.href)).text), o.href).to.equal(o.cases);

    const book = await readXlsx((await download(admin, '/dashboard/statistics/export?format=xlsx&from=2026-01-01&to=2026-03-16')).body);
    expect(book.worksheets.map((w) => w.name)).to.include.members(['案件办理结果', '法定期限执行情况', '法制审核意见', '行政执法决定公示']);
    expect(sheetRows(book, '案件办理结果').slice(1)).to.deep.equal(outcomes.map((o) => [o.procedure, o.outcome, o.cases]));

    const timeliness = [...(/data-testid="timeliness"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '').matchAll(/<tr data-row="[^"]*">([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => text(c[1]!)));
    expect(timeliness.length).to.be.greaterThan(0);
    expect(sheetRows(book, '法定期限执行情况').slice(1).map((r) => r.map(String))).to.deep.equal(timeliness);
    const links = [...(/data-testid="timeliness"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '').matchAll(/<a href="([^"]+)">(\d+)<\/a>/g)];
    expect(links.length).to.equal(timeliness.length * 4);
    for (const [, href, n] of links) expect(counted((await admin.get(href!)).text), href).to.equal(Number(n));

    const csv = parseCsv((await download(admin, '/dashboard/statistics/export?format=csv&from=2026-01-01&to=2026-03-16')).body.toString('utf8'));
    const start = csv.findIndex((r) => r[0] === '案件办理结果');
    expect(csv.slice(start + 2, start + 2 + outcomes.length)).to.deep.equal(outcomes.map((o) => [o.procedure, o.outcome, String(o.cases)]));
  });
});
