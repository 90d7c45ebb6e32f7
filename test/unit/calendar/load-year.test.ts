import { expect } from 'chai';
import { CalendarInputError, WorkCalendar } from '../../../src/calendar/index.ts';

const sh = (local: string) => new Date(`${local}+08:00`);

/**
 * A HYPOTHETICAL 2027 arrangement for tests only (the real one is not published yet):
 * Spring Festival 2/5–2/11 with Sat 2/13 worked, National Day 10/1–10/7 with Sat 10/9 worked.
 */
const hypothetical2027 = {
  holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
    '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
  workdays: ['2027-02-13', '2027-10-09'],
  reference: 'hypothetical notice for tests',
};

describe('calendar: loading an arrangement', () => {
  it('turns a provisional year into a loaded one', () => {
    const cal = new WorkCalendar();
    expect(cal.addPeriod(sh('2026-12-20T09:00:00'), 'P15CD')).to.include({ due: '2027-01-04', provisional: true });
    const arrangement = cal.loadYear(2027, hypothetical2027);
    expect(arrangement).to.deep.equal({ year: 2027, source: 'loaded', ...hypothetical2027 });
    expect(cal.years().find((y) => y.year === 2027)).to.deep.equal({ year: 2027, source: 'loaded' });
    expect(cal.addPeriod(sh('2026-12-20T09:00:00'), 'P15CD')).to.include({ due: '2027-01-04', provisional: false });
    expect(cal.day('2027-02-10')).to.deep.equal({ date: '2027-02-10', workday: false, name: '春节', provisional: false });
    expect(cal.day('2027-02-13')).to.deep.equal({ date: '2027-02-13', workday: true, adjusted: true, provisional: false });
    expect(cal.day('2027-04-05')).to.include({ workday: true, provisional: false }); // the notice is the whole truth
    expect(cal.addPeriod(sh('2027-02-04T10:00:00'), 'P1WD')).to.include({ due: '2027-02-12', provisional: false });
    expect(cal.addPeriod(sh('2027-12-20T10:00:00'), 'P15CD')).to.include({ due: '2028-01-04', provisional: true });
  });

  it('names the days of a loaded break after the festival they contain', () => {
    const cal = new WorkCalendar();
    cal.loadYear(2028, { holidays: ['2028-09-30', '2028-10-01', '2028-10-02', '2028-10-03', '2028-10-04', '2028-03-15'], workdays: [] });
    expect(cal.day('2028-09-30').name).to.equal('国庆节');
    expect(cal.day('2028-10-03').name).to.equal('中秋节、国庆节');
    expect(cal.day('2028-10-04').name).to.equal('国庆节');
    expect(cal.day('2028-03-15')).to.deep.equal({ date: '2028-03-15', workday: false, provisional: false });
  });

  it('can correct an official year', () => {
    const cal = new WorkCalendar();
    cal.loadYear(2026, { holidays: ['2026-01-01'], workdays: [] });
    expect(cal.yearArrangement(2026).source).to.equal('loaded');
    expect(cal.day('2026-02-17').workday).to.equal(true);
    expect(new WorkCalendar().day('2026-02-17').workday).to.equal(false); // other calendars are untouched
  });

  describe('rejects a bad arrangement, naming the problem, and changes nothing', () => {
    const cases: [string, number, { holidays: string[]; workdays: string[] }, RegExp][] = [
      ['a day both off and on', 2027, { holidays: ['2027-02-06', '2027-02-07'], workdays: ['2027-02-06'] },
        /2027-02-06 同时列为放假日和调休上班日/],
      ['a non-existent date', 2027, { holidays: ['2027-02-30'], workdays: [] }, /2027-02-30 不是存在的日期/],
      ['a date outside the year', 2027, { holidays: ['2026-12-31', '2027-01-01'], workdays: [] }, /2026-12-31 不在 2027 年/],
      ['a year before 2004', 2003, { holidays: ['2003-01-01'], workdays: [] }, /年份 2003 超出支持的范围 2004–2100/],
      ['a year after 2100', 2101, { holidays: [], workdays: [] }, /年份 2101 超出/],
      ['a weekday as adjusted workday', 2027, { holidays: [], workdays: ['2027-02-03'] },
        /调休上班日 2027-02-03 不是星期六或星期日/],
      ['a malformed date', 2027, { holidays: ['2027/02/06'], workdays: [] }, /holidays：「2027\/02\/06」不是 YYYY-MM-DD 格式的日期/],
    ];
    for (const [what, year, input, message] of cases) {
      it(what, () => {
        const cal = new WorkCalendar();
        cal.addClosure('2027-03-01', '防汛');
        const before = { years: cal.years(), y2027: cal.yearArrangement(2027), y2026: cal.yearArrangement(2026), day: cal.day('2027-02-06') };
        expect(() => cal.loadYear(year, input)).to.throw(CalendarInputError, message);
        const after = { years: cal.years(), y2027: cal.yearArrangement(2027), y2026: cal.yearArrangement(2026), day: cal.day('2027-02-06') };
        expect(after).to.deep.equal(before);
      });
    }

    it('a list that is not a list', () => {
      const cal = new WorkCalendar();
      expect(() => cal.loadYear(2027, { holidays: '2027-01-01' as unknown as string[], workdays: [] }))
        .to.throw(CalendarInputError, /holidays 应为 YYYY-MM-DD 日期的列表/);
      expect(cal.yearArrangement(2027).source).to.equal('provisional');
    });
  });
});

describe('calendar: local closures', () => {
  it('makes a working day a day off, under its own name', () => {
    const cal = new WorkCalendar();
    cal.addClosure('2026-07-15', '台风停工');
    expect(cal.day('2026-07-15')).to.deep.equal({ date: '2026-07-15', workday: false, name: '台风停工', closure: true, provisional: false });
    expect(cal.addPeriod(sh('2026-07-14T10:00:00'), 'P1WD').due).to.equal('2026-07-16');
    expect(cal.addPeriod(sh('2026-06-30T10:00:00'), 'P15CD').due).to.equal('2026-07-16');
    expect(cal.closures()).to.deep.equal([{ date: '2026-07-15', name: '台风停工' }]);
  });

  it('closes an adjusted working weekend too, and keeps holiday names', () => {
    const cal = new WorkCalendar();
    cal.addClosure('2026-10-10', '本地停工');
    cal.addClosure('2026-10-01', '本地停工');
    expect(cal.day('2026-10-10')).to.include({ workday: false, name: '本地停工', closure: true });
    expect(cal.day('2026-10-01')).to.deep.equal({ date: '2026-10-01', workday: false, name: '国庆节', provisional: false });
  });

  it('keeps a provisional day provisional', () => {
    const cal = new WorkCalendar();
    cal.addClosure('2027-03-01', '防汛');
    expect(cal.day('2027-03-01')).to.include({ workday: false, provisional: true });
  });

  it('rejects bad closures without recording them', () => {
    const cal = new WorkCalendar();
    expect(() => cal.addClosure('2026-02-30', 'x')).to.throw(CalendarInputError, /2026-02-30 不是存在的日期/);
    expect(() => cal.addClosure('2003-05-06', 'x')).to.throw(CalendarInputError, /2003/);
    expect(() => cal.addClosure('2026-07-15', '  ')).to.throw(CalendarInputError, /停止办公日 2026-07-15：须填写事由/);
    expect(cal.closures()).to.deep.equal([]);
  });
});
