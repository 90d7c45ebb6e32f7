import { expect } from 'chai';
import { ApiClient, startServer, type ApiResponse, type TestServer } from '../helpers/server.ts';

const problem = (res: ApiResponse, detailPattern: RegExp, status = 400) => {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.contentType).to.contain('application/problem+json');
  expect(res.body.detail).to.match(detailPattern);
};

// HYPOTHETICAL: no 2027 arrangement has been published; these dates only exercise the API.
const HYPOTHETICAL_2027 = {
  holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workdays: ['2027-02-13', '2027-02-14'],
  reference: 'HYPOTHETICAL test arrangement',
};

describe('API: working-day calendar', () => {
  const label = 'calendar-api';
  let s: TestServer;
  before(async () => {
    s = await startServer({ label });
  });
  after(() => s.close());

  const put = (year: string | number, body: unknown, client = s.api) => client.request<any>('PUT', `/api/calendar/years/${year}`, body);
  const deadline = (from: string, period: string) => s.api.get(`/api/calendar/deadline?from=${encodeURIComponent(from)}&period=${encodeURIComponent(period)}`);
  const storedYears = async () => (await s.zhifa.db('calendar_years').orderBy('year')).map((r: { year: number }) => r.year);

  it('answers a day: a holiday with its name, an adjusted Saturday, a provisional year', async () => {
    expect((await s.api.get('/api/calendar/days/2026-10-01')).body).to.deep.equal({ date: '2026-10-01', workday: false, name: '国庆节', provisional: false });
    expect((await s.api.get('/api/calendar/days/2026-10-10')).body).to.include({ workday: true, adjusted: true, provisional: false });
    expect((await s.api.get('/api/calendar/days/2027-02-08')).body).to.include({ workday: false, name: '春节', provisional: true });
    expect((await s.api.as(undefined).get('/api/calendar/days/2026-10-01')).status).to.equal(401);
  });

  it('refuses days that do not exist or lie outside 2004–2100', async () => {
    problem(await s.api.get('/api/calendar/days/2026-02-30'), /2026-02-30 不是存在的日期/);
    problem(await s.api.get('/api/calendar/days/2101-01-01'), /超出日历覆盖的年份/);
    problem(await s.api.get('/api/calendar/days/tomorrow'), /不是 YYYY-MM-DD 格式的日期/);
  });

  it('counts P7WD over National Day, the start day not counted, ending at 24:00 Shanghai', async () => {
    const res = await deadline('2026-09-29', 'P7WD');
    expect(res.body).to.deep.equal({ due: '2026-10-14', dueAt: '2026-10-15T00:00:00+08:00', provisional: false });
  });

  it('rolls a P15CD whose last day is a rest day forward to the next working day', async () => {
    // 2026-09-16 + 15 days = 2026-10-01, National Day; 10-08 is the first working day after the break.
    expect((await deadline('2026-09-16', 'P15CD')).body).to.include({ due: '2026-10-08', dueAt: '2026-10-09T00:00:00+08:00' });
  });

  it('reads a UTC instant by its Shanghai date', async () => {
    // 15:59:59Z is 23:59:59 on 09-29 in Shanghai; one second later it is already 09-30.
    expect((await deadline('2026-09-29T15:59:59Z', 'P7WD')).body.due).to.equal('2026-10-14');
    expect((await deadline('2026-09-29T16:00:00Z', 'P7WD')).body.due).to.equal('2026-10-15');
    expect((await deadline('2026-09-30T00:00:00+08:00', 'P7WD')).body.due).to.equal('2026-10-15');
    expect((await deadline('2026-09-29T10:00:00+08:00', 'PT48H')).body).to.include({ dueAt: '2026-10-01T10:00:00+08:00' });
  });

  it('says a deadline reaching into a provisional year is provisional', async () => {
    expect((await deadline('2026-12-28', 'P10WD')).body.provisional).to.equal(true);
  });

  it('refuses a bad period or start, naming the problem', async () => {
    problem(await deadline('2026-09-29', 'P7XD'), /"P7XD" is not a period/);
    problem(await s.api.get('/api/calendar/deadline?from=2026-09-29'), /period is required/);
    problem(await s.api.get('/api/calendar/deadline?period=P7WD'), /from is required/);
    problem(await deadline('2026-02-30', 'P7WD'), /2026-02-30 不是存在的日期/);
    problem(await deadline('2026-02-30T10:00:00Z', 'P7WD'), /2026-02-30 不是存在的日期/);
    problem(await deadline('2026-09-29T10:00:00', 'P7WD'), /ISO date-time with an offset/);
    problem(await s.api.get('/api/calendar/deadline?from=2026-09-29T10:00:00+08:00&period=P7WD'), /%2B/);
    problem(await deadline('2100-12-30', 'P7WD'), /超出日历覆盖的年份/);
  });

  it('shows a year: source, rest days, adjusted days, closures', async () => {
    const res = await s.api.get('/api/calendar/years/2026');
    expect(res.body).to.include({ year: 2026, source: 'official' });
    expect(res.body.holidays).to.include.members(['2026-10-01', '2026-10-07']);
    expect(res.body.workdays).to.include.members(['2026-09-20', '2026-10-10']);
    expect(res.body.closures).to.deep.equal([]);
    expect(res.body.reference).to.equal('《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号，2025年11月4日）');
    const provisional = (await s.api.get('/api/calendar/years/2027')).body;
    expect(provisional).to.include({ source: 'provisional', reference: '按《全国年节及纪念日放假办法》第二条、第六条暂定（法定节日及其补假；调休以国务院办公厅通知为准）' });
    expect(provisional.holidays).to.include.members(['2027-02-09', '2027-02-10']); // 春节 make-up days (第六条)
  });

  it('loads a year, stores it and keeps it across a restart', async () => {
    const res = await put(2027, HYPOTHETICAL_2027);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body).to.include({ year: 2027 });
    expect(res.body.recomputed).to.be.a('number');
    expect(res.body.arrangement).to.include({ source: 'loaded', reference: HYPOTHETICAL_2027.reference });
    const check = async () => {
      expect((await s.api.get('/api/calendar/days/2027-02-12')).body).to.include({ workday: false, name: '春节', provisional: false });
      expect((await s.api.get('/api/calendar/days/2027-02-14')).body).to.include({ workday: true, adjusted: true, provisional: false });
      expect((await s.api.get('/api/calendar/years/2027')).body).to.include({ source: 'loaded' });
    };
    await check();
    await s.stop();
    s = await startServer({ label, db: s.db });
    await check();
  });

  it('declares a closure, shown on the day and in its year', async () => {
    const res = await s.api.post('/api/calendar/closures', { date: '2026-11-02', name: '台风停工' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ date: '2026-11-02', name: '台风停工' });
    expect((await s.api.get('/api/calendar/days/2026-11-02')).body).to.include({ workday: false, name: '台风停工', closure: true });
    expect((await s.api.get('/api/calendar/years/2026')).body.closures).to.deep.equal([{ date: '2026-11-02', name: '台风停工' }]);
  });

  it('refuses a bad arrangement with a 400 naming the problem, changing neither the DB nor the calendar', async () => {
    const before = await s.api.get('/api/calendar/years/2028');
    const stored = await storedYears();
    const ok = { holidays: ['2028-01-01'], workdays: [] };
    problem(await put(2028, { holidays: ['2028-01-01', '2028-01-08'], workdays: ['2028-01-08'] }), /2028-01-08 同时列为放假日和调休上班日/);
    problem(await put(2028, { holidays: ['2028-02-30'], workdays: [] }), /2028-02-30 不是存在的日期/);
    problem(await put(2028, { holidays: ['2027-12-31'], workdays: [] }), /2027-12-31 不在 2028 年/);
    problem(await put(2028, { holidays: [], workdays: ['2028-01-05'] }), /不是星期六或星期日/);
    problem(await put(2028, { holidays: '2028-01-01', workdays: [] }), /holidays 应为 "YYYY-MM-DD" 日期的列表/);
    problem(await put(2028, { holidays: [] }), /workdays 应为 "YYYY-MM-DD" 日期的列表/);
    problem(await put(2028, { ...ok, year: 2028 }), /未知的字段 year/);
    problem(await put(2028, { ...ok, reference: 42 }), /reference 应为不超过/);
    problem(await put(2028, [ok]), /应为 JSON 对象/);
    problem(await put(2003, { holidays: ['2003-01-01'], workdays: [] }), /年份 2003 超出支持的范围 2004–2100/);
    problem(await put(2101, { holidays: [], workdays: [] }), /年份 2101 超出支持的范围/);
    problem(await put('20x8', ok), /"20x8" is not a year/);
    expect((await s.api.get('/api/calendar/years/2028')).body).to.deep.equal(before.body);
    expect(await storedYears()).to.deep.equal(stored);
  });

  it('refuses a bad closure, changing nothing', async () => {
    const before = await s.api.get('/api/calendar/years/2026');
    problem(await s.api.post('/api/calendar/closures', { date: '2026-11-31', name: '停电' }), /2026-11-31 不是存在的日期/);
    problem(await s.api.post('/api/calendar/closures', { date: '2026-11-03' }), /「事由」应为 1 至/);
    problem(await s.api.post('/api/calendar/closures', { date: '2026-11-03', name: '  ' }), /「事由」应为 1 至/);
    problem(await s.api.post('/api/calendar/closures', { date: '2101-01-03', name: '停电' }), /超出支持的范围/);
    problem(await s.api.post('/api/calendar/closures', { name: '停电' }), /「日期」应为 YYYY-MM-DD/);
    expect((await s.api.get('/api/calendar/years/2026')).body).to.deep.equal(before.body);
    expect((await s.api.get('/api/calendar/days/2026-11-03')).body.workday).to.equal(true);
  });

  it('lets only administrators change the calendar', async () => {
    await s.zhifa.accounts.create({ username: 'clerk', password: 'pw', roles: ['staff'] });
    const clerk = await ApiClient.login(s.base, 'clerk', 'pw');
    const stored = await storedYears();
    problem(await put(2029, { holidays: ['2029-01-01'], workdays: [] }, clerk), /roles: admin/, 403);
    problem(await clerk.post('/api/calendar/closures', { date: '2026-11-03', name: '停电' }), /roles: admin/, 403);
    expect(await storedYears()).to.deep.equal(stored);
    expect((await clerk.get('/api/calendar/years/2029')).body.source).to.equal('provisional');
    expect((await clerk.get('/api/calendar/days/2026-11-03')).body.workday).to.equal(true);
  });

  it('brings a second process on the same database up to date on its next tick', async () => {
    const other = await startServer({ label, db: s.db });
    try {
      await put(2030, { holidays: ['2030-01-01', '2030-01-02'], workdays: [] });
      await s.api.post('/api/calendar/closures', { date: '2030-03-04', name: '搬迁停止办公' });
      expect((await other.api.get('/api/calendar/days/2030-01-02')).body).to.include({ workday: true, provisional: true });
      await other.zhifa.tick();
      expect((await other.api.get('/api/calendar/days/2030-01-02')).body).to.include({ workday: false, provisional: false });
      expect((await other.api.get('/api/calendar/days/2030-03-04')).body).to.include({ workday: false, closure: true });
      expect(await other.zhifa.calendarAdmin.refreshIfChanged()).to.equal(false);
    } finally {
      await other.stop();
    }
  });
});
