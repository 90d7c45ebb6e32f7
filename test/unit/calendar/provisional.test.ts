import { expect } from 'chai';
import { WorkCalendar, makeUpDays, provisionalHolidays, statutoryHolidays } from '../../../src/calendar/index.ts';
import { addDays, isWeekend } from '../../../src/calendar/dates.ts';
import { lunarToSolar, qingming } from '../../../src/calendar/lunar.ts';

describe('calendar: provisional years (statutory rules of 全国年节及纪念日放假办法)', () => {
  const cal = new WorkCalendar();

  it('computes the 2027 statutory holidays', () => {
    expect(statutoryHolidays(2027)).to.deep.equal([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' }, // 除夕 (lunar New Year is Saturday 6 February)
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('marks every day of 2027 provisional, off on weekends, statutory days and make-up days only, with no adjusted weekends', () => {
    const off = new Set(provisionalHolidays(2027).map((s) => s.date));
    for (let d = '2027-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      const day = cal.day(d);
      expect(day.provisional, d).to.equal(true);
      expect(day.adjusted, d).to.equal(undefined);
      expect(day.workday, d).to.equal(!isWeekend(d) && !off.has(d));
    }
    expect(cal.day('2027-02-08')).to.deep.equal({ date: '2027-02-08', workday: false, name: '春节', provisional: true });
    expect(cal.day('2027-02-11')).to.deep.equal({ date: '2027-02-11', workday: true, provisional: true });
    expect(cal.yearArrangement(2027)).to.deep.equal({
      year: 2027, source: 'provisional', holidays: [...off].sort(), workdays: [],
      reference: '按《全国年节及纪念日放假办法》第二条、第六条暂定（法定节日及其补假；调休以国务院办公厅通知为准）',
    });
  });

  describe('make-up days (补假), 放假办法 第六条: a holiday of all citizens on a Saturday or Sunday is made up on the next working day', () => {
    it('2027 春节: 除夕 Fri 2/5 to 初三 Mon 2/8, 初一 and 初二 on the weekend, so Tue 2/9 and Wed 2/10 are off', () => {
      expect(makeUpDays(2027)).to.deep.equal([
        { date: '2027-02-09', name: '春节（补假）' },
        { date: '2027-02-10', name: '春节（补假）' },
        { date: '2027-05-03', name: '劳动节（补假）' }, // 5/1 Sat, 5/2 Sun
        { date: '2027-05-04', name: '劳动节（补假）' },
        { date: '2027-10-04', name: '国庆节（补假）' }, // 10/2 Sat, 10/3 Sun
        { date: '2027-10-05', name: '国庆节（补假）' },
      ]);
      expect(cal.day('2027-02-09')).to.deep.equal({ date: '2027-02-09', workday: false, name: '春节（补假）', provisional: true });
      expect(cal.day('2027-02-10')).to.include({ workday: false, name: '春节（补假）' });
    });

    it('2027-02-04 + P3WD (start day not counted) is Monday 15 February, not 11 February', () => {
      // 2/5–2/8 statutory, 2/9–2/10 make-up: 2/11 is the 1st working day, 2/12 the 2nd, 2/15 the 3rd.
      const due = cal.addPeriod(new Date('2027-02-04T02:00:00Z'), 'P3WD');
      expect(due).to.deep.include({ due: '2027-02-15', provisional: true });
      expect(due.dueAt.toISOString()).to.equal('2027-02-15T16:00:00.000Z');
    });

    it('a single-day holiday on a Sunday is made up on Monday (元旦 2034, 清明 2032)', () => {
      expect(cal.day('2034-01-02')).to.deep.equal({ date: '2034-01-02', workday: false, name: '元旦（补假）', provisional: true });
      expect(cal.day('2034-01-03')).to.include({ workday: true });
      expect(cal.day('2032-04-05')).to.include({ workday: false, name: '清明节（补假）' }); // 清明 Sunday 4/4
    });

    it('a holiday on a Saturday is made up on Monday, not on the Sunday (元旦 2028)', () => {
      expect(cal.day('2028-01-02')).to.deep.equal({ date: '2028-01-02', workday: false, provisional: true });
      expect(cal.day('2028-01-03')).to.include({ workday: false, name: '元旦（补假）' });
      expect(cal.day('2028-01-04')).to.include({ workday: true });
    });

    it('owes nothing for a holiday on a weekday (2027: 元旦 Fri, 清明 Mon, 端午 Wed, 中秋 Wed)', () => {
      for (const d of ['2026-12-31', '2027-01-04', '2027-04-06', '2027-06-10', '2027-09-16']) expect(cal.day(d).workday, d).to.equal(true);
    });

    it('gives a make-up day only on a weekday that is not already off, so a long break pushes it on', () => {
      for (let year = 2027; year <= 2100; year++) {
        const statutory = new Set(statutoryHolidays(year).map((s) => s.date));
        const owed = makeUpDays(year);
        expect(owed.length, String(year)).to.equal([...statutory].filter(isWeekend).length);
        for (const { date } of owed) {
          expect(isWeekend(date) || statutory.has(date), date).to.equal(false);
          expect(date.slice(0, 4), date).to.equal(String(year));
        }
        expect(new Set(owed.map((o) => o.date)).size, String(year)).to.equal(owed.length);
      }
    });

    it('agrees with the published arrangements under the 2024 text: every provisional day off of 2025 and 2026 was off', () => {
      for (const year of [2025, 2026]) {
        const official = new Set(cal.yearArrangement(year).holidays);
        for (const { date } of provisionalHolidays(year)) expect(official.has(date), `${date} off in the official ${year}`).to.equal(true);
      }
      expect(makeUpDays(2026).map((d) => d.date)).to.deep.equal(['2026-04-06', '2026-05-04', '2026-10-05']);
      expect(makeUpDays(2025).map((d) => d.date)).to.deep.equal(['2025-06-02']); // 端午 Sat 5/31
    });
  });

  it('lists a day shared by two festivals once, under both names (2028: 中秋 on 10/3)', () => {
    expect(cal.day('2028-10-03')).to.include({ workday: false, name: '中秋节、国庆节', provisional: true });
    expect(statutoryHolidays(2028)).to.have.length(12);
  });

  it('gets lunar New Year right for known years', () => {
    const known = { 2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26', 2029: '02-13', 2030: '02-03', 2031: '01-23', 2050: '01-23' };
    for (const [year, date] of Object.entries(known)) expect(lunarToSolar(Number(year), 1, 1)).to.equal(`${year}-${date}`);
  });

  it('computes Qingming on 4 or 5 April, including 2100 (not a leap year)', () => {
    expect(qingming(2027)).to.equal('2027-04-05');
    expect(qingming(2028)).to.equal('2028-04-04');
    expect(qingming(2100)).to.equal('2100-04-05');
    for (let y = 2004; y <= 2100; y++) expect(qingming(y)).to.match(/^\d{4}-04-0[45]$/);
  });

  it('reproduces the statutory days inside every official arrangement since 2008', () => {
    // 2008–2024 rules: 元旦, lunar 1/1–1/3, 清明, 5/1, 端午, 中秋, 10/1–3; 2025 added 除夕 and 5/2.
    for (let year = 2008; year <= 2026; year++) {
      const official = new Set(cal.yearArrangement(year).holidays);
      const core = [
        `${year}-01-01`, lunarToSolar(year, 1, 1), lunarToSolar(year, 1, 2), lunarToSolar(year, 1, 3), qingming(year),
        `${year}-05-01`, lunarToSolar(year, 5, 5), lunarToSolar(year, 8, 15), `${year}-10-01`, `${year}-10-02`, `${year}-10-03`,
      ];
      const expected = year >= 2025 ? statutoryHolidays(year).map((s) => s.date) : core;
      for (const d of expected) expect(official.has(d), `${d} should be off in the official ${year} arrangement`).to.equal(true);
    }
  });

  it('covers every year up to 2100 and no further', () => {
    expect(statutoryHolidays(2100)).to.have.length.within(12, 13);
    expect(cal.day('2100-12-31').provisional).to.equal(true);
    expect(() => cal.day('2101-01-01')).to.throw(/2101-01-01 超出日历覆盖的年份（2004–2100）/);
    expect(() => cal.day('2003-12-31')).to.throw(/2003-12-31 超出/);
  });
});
