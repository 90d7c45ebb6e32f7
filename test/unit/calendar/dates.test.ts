import { expect } from 'chai';
import { CalendarInputError, endOfShanghaiDay, parseIsoDate, shanghaiDate, startOfShanghaiDay } from '../../../src/calendar/index.ts';

describe('calendar: Shanghai dates', () => {
  it('reckons the date in UTC+8 whatever the instant', () => {
    expect(shanghaiDate(new Date('2026-09-30T15:59:59.999Z'))).to.equal('2026-09-30');
    expect(shanghaiDate(new Date('2026-09-30T16:00:00Z'))).to.equal('2026-10-01');
    expect(shanghaiDate(new Date('2026-09-30T16:30:00Z'))).to.equal('2026-10-01');
    expect(shanghaiDate(new Date('2026-12-31T23:00:00+08:00'))).to.equal('2026-12-31');
  });

  it('ends a day at 24:00 Shanghai time, i.e. the next day 00:00 +08:00', () => {
    expect(endOfShanghaiDay('2026-10-15').toISOString()).to.equal('2026-10-15T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-12-31').toISOString()).to.equal('2026-12-31T16:00:00.000Z');
    expect(startOfShanghaiDay('2027-01-01').toISOString()).to.equal('2026-12-31T16:00:00.000Z');
    expect(endOfShanghaiDay('2028-02-28').toISOString()).to.equal('2028-02-28T16:00:00.000Z');
  });

  it('parses existing dates, leap days included', () => {
    expect(parseIsoDate('2026-02-28')).to.deep.equal({ year: 2026, month: 2, day: 28 });
    expect(parseIsoDate('2028-02-29')).to.deep.equal({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).to.deep.equal({ year: 2000, month: 2, day: 29 });
  });

  it('rejects dates that do not exist, naming them', () => {
    for (const bad of ['2026-02-30', '2027-02-29', '2100-02-29', '2026-13-01', '2026-04-31', '2026-00-10']) {
      expect(() => parseIsoDate(bad), bad).to.throw(CalendarInputError, `${bad} 不是存在的日期`);
    }
  });

  it('rejects strings that are not YYYY-MM-DD', () => {
    for (const bad of ['2026-2-3', '20260203', '2026-02-03T00:00', '', 'tomorrow']) {
      expect(() => parseIsoDate(bad), bad).to.throw(CalendarInputError, /不是 YYYY-MM-DD 格式的日期/);
    }
    expect(() => parseIsoDate(20260203)).to.throw(CalendarInputError, /20260203/);
  });

  it('rejects invalid instants', () => {
    expect(() => shanghaiDate(new Date('nonsense'))).to.throw(CalendarInputError, /not a valid point in time/);
  });
});
