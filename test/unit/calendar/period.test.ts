import { expect } from 'chai';
import { CalendarInputError, parsePeriod } from '../../../src/calendar/index.ts';

describe('calendar: parsePeriod', () => {
  it('reads working-day and calendar-day limits', () => {
    expect(parsePeriod('P7WD')).to.deep.equal({ unit: 'WD', count: 7, text: 'P7WD' });
    expect(parsePeriod('P15CD')).to.deep.equal({ unit: 'CD', count: 15, text: 'P15CD' });
    expect(parsePeriod('P90CD')).to.include({ unit: 'CD', count: 90 });
  });

  it('reads ISO 8601 durations with their components', () => {
    expect(parsePeriod('P1M')).to.deep.equal({
      unit: 'ISO', text: 'P1M', years: 0, months: 1, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0,
    });
    expect(parsePeriod('PT1M')).to.include({ months: 0, minutes: 1 });
    expect(parsePeriod('P2W')).to.include({ unit: 'ISO', weeks: 2 });
    expect(parsePeriod('P1Y2M3DT4H5M6S')).to.include({ years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 });
    expect(parsePeriod('PT48H')).to.include({ hours: 48 });
    expect(parsePeriod('P15D')).to.include({ unit: 'ISO', days: 15 });
  });

  it('rejects anything else, naming the string', () => {
    for (const bad of ['P7XD', '7WD', 'P-7WD', 'P1.5WD', 'P', 'PT', 'P1DT', 'p7wd', 'P7 WD', '', 'P1H', 'P1.5D', 'seven days']) {
      expect(() => parsePeriod(bad), bad).to.throw(CalendarInputError, `"${bad}" is not a period`);
    }
  });

  it('rejects zero or absurd day counts', () => {
    expect(() => parsePeriod('P0WD')).to.throw(CalendarInputError, /P0WD.*between 1 and/);
    expect(() => parsePeriod('P0CD')).to.throw(CalendarInputError, /P0CD/);
    expect(() => parsePeriod('P99999WD')).to.throw(CalendarInputError, /P99999WD/);
  });
});
