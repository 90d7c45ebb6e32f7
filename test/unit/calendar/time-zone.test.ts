import { expect } from 'chai';
import { WorkCalendar, shanghaiDate, statutoryHolidays } from '../../../src/calendar/index.ts';

/** Runs `fn` as if the server were configured with time zone `tz` (Node re-reads TZ when it changes). */
function inTimeZone<T>(tz: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('calendar: independent of the server time zone', () => {
  // 2026-09-30T16:30Z is 10-01 00:30 in Shanghai: the first day of National Day, not 09-30.
  const nearMidnight = new Date('2026-09-30T16:30:00Z');

  function compute() {
    const cal = new WorkCalendar();
    return {
      zoneOffset: new Date('2026-07-01T00:00:00Z').getTimezoneOffset(),
      date: shanghaiDate(nearMidnight),
      cd: cal.addPeriod(nearMidnight, 'P15CD'),
      wd: cal.addPeriod(new Date('2026-10-09T16:30:00Z'), 'P1WD'), // Sat 10-10 00:30 Shanghai
      month: cal.addPeriod(new Date('2026-03-30T16:30:00Z'), 'P1M'), // 03-31 00:30 Shanghai
      day: cal.day('2027-02-05'),
      statutory2027: statutoryHolidays(2027),
      remaining: cal.workingDaysBetween(nearMidnight, new Date('2026-10-09T16:00:00Z')),
    };
  }

  it('reckons days in Shanghai when the server runs in UTC', () => {
    const r = inTimeZone('UTC', compute);
    expect(r.zoneOffset).to.equal(0); // the switch really took effect
    expect(r.date).to.equal('2026-10-01');
    expect(r.cd).to.deep.include({ due: '2026-10-16', provisional: false }); // not 10-15, as 09-30 + 15 would give
    expect(r.cd.dueAt.toISOString()).to.equal('2026-10-16T16:00:00.000Z');
    expect(r.wd.due).to.equal('2026-10-12'); // counted from Saturday 10-10, not Friday 10-09
    expect(r.month.due).to.equal('2026-04-30');
    expect(r.day).to.deep.equal({ date: '2027-02-05', workday: false, name: '春节', provisional: true });
    expect(r.remaining).to.equal(2); // 10-08 and 10-09
  });

  it('gives the same answers in Shanghai, Los Angeles and UTC+14', () => {
    const utc = inTimeZone('UTC', compute);
    for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      const { zoneOffset, ...rest } = inTimeZone(tz, compute);
      expect(zoneOffset, tz).to.not.equal(0);
      const { zoneOffset: _ignored, ...expected } = utc;
      expect(rest, tz).to.deep.equal(expected);
    }
  });
});
