import { expect } from 'chai';
import { WorkCalendar, statutoryHolidays } from '../../../src/calendar/index.ts';
import { addDays, isWeekend } from '../../../src/calendar/dates.ts';
import { lunarToSolar, qingming } from '../../../src/calendar/lunar.ts';

describe('calendar: provisional years (statutory rules only)', () => {
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

  it('marks every day of 2027 provisional, off on weekends and statutory days only, with no adjusted weekends', () => {
    const statutory = new Set(statutoryHolidays(2027).map((s) => s.date));
    for (let d = '2027-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      const day = cal.day(d);
      expect(day.provisional, d).to.equal(true);
      expect(day.adjusted, d).to.equal(undefined);
      expect(day.workday, d).to.equal(!isWeekend(d) && !statutory.has(d));
    }
    expect(cal.day('2027-02-08')).to.deep.equal({ date: '2027-02-08', workday: false, name: '春节', provisional: true });
    expect(cal.day('2027-02-09')).to.deep.equal({ date: '2027-02-09', workday: true, provisional: true });
    expect(cal.yearArrangement(2027)).to.deep.equal({
      year: 2027, source: 'provisional', holidays: [...statutory].sort(), workdays: [],
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
    expect(() => cal.day('2101-01-01')).to.throw(/2101-01-01 is outside the years the calendar covers \(2004–2100\)/);
    expect(() => cal.day('2003-12-31')).to.throw(/2003-12-31 is outside/);
  });
});
