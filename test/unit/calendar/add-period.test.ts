import { expect } from 'chai';
import { CalendarInputError, WorkCalendar, endOfShanghaiDay } from '../../../src/calendar/index.ts';

/** An instant given in Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe('calendar: addPeriod', () => {
  const cal = new WorkCalendar();

  describe('working days (P<n>WD)', () => {
    it('does not count the triggering day and ends at 24:00 of the nth working day', () => {
      const r = cal.addPeriod(sh('2026-03-02T09:00:00'), 'P5WD'); // Monday
      expect(r).to.deep.equal({ due: '2026-03-09', dueAt: endOfShanghaiDay('2026-03-09'), provisional: false });
      expect(r.dueAt.toISOString()).to.equal('2026-03-09T16:00:00.000Z');
    });

    it('counts across the year end through New Year and an adjusted Sunday (P7WD from 2025-12-26)', () => {
      // 12/29, 12/30, 12/31, [1/1–1/3 off], Sun 1/4 (adjusted), 1/5, 1/6, 1/7
      expect(cal.addPeriod(sh('2025-12-26T15:00:00'), 'P7WD')).to.include({ due: '2026-01-07', provisional: false });
    });

    it('skips National Day 2026 and counts the adjusted Saturday 10/10', () => {
      // 10/8, 10/9, Sat 10/10, [Sun 10/11 off], 10/12, 10/13, 10/14, 10/15
      expect(cal.addPeriod(sh('2026-09-30T10:00:00'), 'P7WD').due).to.equal('2026-10-15');
      expect(cal.addPeriod(sh('2026-09-30T10:00:00'), 'P1WD').due).to.equal('2026-10-08');
      expect(cal.addPeriod(sh('2026-10-09T10:00:00'), 'P1WD').due).to.equal('2026-10-10');
    });

    it('skips Spring Festival 2026 and counts both adjusted Saturdays', () => {
      // Sat 2/14 (adjusted), [2/15–2/23 off], 2/24 … 2/27, Sat 2/28 (adjusted)
      expect(cal.addPeriod(sh('2026-02-13T17:00:00'), 'P1WD').due).to.equal('2026-02-14');
      expect(cal.addPeriod(sh('2026-02-13T17:00:00'), 'P5WD').due).to.equal('2026-02-27');
      expect(cal.addPeriod(sh('2026-02-13T17:00:00'), 'P6WD').due).to.equal('2026-02-28');
      expect(cal.addPeriod(sh('2026-02-13T17:00:00'), 'P7WD').due).to.equal('2026-03-02');
    });

    it('skips Labour Day 2025 and counts the adjusted Sunday before it', () => {
      // Sun 4/27 (adjusted), 4/28, 4/29, 4/30, [5/1–5/5 off], 5/6
      expect(cal.addPeriod(sh('2025-04-25T10:00:00'), 'P5WD').due).to.equal('2025-05-06');
    });

    it('is provisional once it reaches into a year without an arrangement', () => {
      expect(cal.addPeriod(sh('2026-12-24T10:00:00'), 'P5WD')).to.include({ due: '2026-12-31', provisional: false });
      expect(cal.addPeriod(sh('2026-12-24T10:00:00'), 'P6WD')).to.include({ due: '2027-01-04', provisional: true });
      // 2027 Spring Festival, provisionally 2/5–2/8 and the make-up days 2/9–2/10 (放假办法 第六条)
      expect(cal.addPeriod(sh('2027-02-04T10:00:00'), 'P1WD')).to.include({ due: '2027-02-11', provisional: true });
    });
  });

  describe('calendar days (P<n>CD)', () => {
    it('adds n days after the triggering day', () => {
      expect(cal.addPeriod(sh('2026-03-02T09:00:00'), 'P15CD')).to.deep.equal({
        due: '2026-03-17', dueAt: endOfShanghaiDay('2026-03-17'), provisional: false,
      });
    });

    it('rolls a last day on a weekend to the next working day', () => {
      expect(cal.addPeriod(sh('2026-03-13T09:00:00'), 'P15CD').due).to.equal('2026-03-30'); // Sat 3/28 → Mon
    });

    it('rolls a last day in a holiday to the first working day after it', () => {
      expect(cal.addPeriod(sh('2025-09-16T09:00:00'), 'P15CD').due).to.equal('2025-10-09'); // 10/1 → 10/9
      expect(cal.addPeriod(sh('2026-02-03T09:00:00'), 'P15CD').due).to.equal('2026-02-24'); // 2/18 → 2/24
      expect(cal.addPeriod(sh('2026-04-20T09:00:00'), 'P15CD').due).to.equal('2026-05-06'); // 5/5 → 5/6
    });

    it('does not roll a maximum duration (rollOver: false): it ends on its last day, rest day or not', () => {
      expect(cal.addPeriod(sh('2026-03-13T09:00:00'), 'P15CD', { rollOver: false }).due).to.equal('2026-03-28'); // Saturday
      expect(cal.addPeriod(sh('2026-04-20T09:00:00'), 'P15CD', { rollOver: false }).due).to.equal('2026-05-05'); // Labour Day
      expect(cal.addPeriod(sh('2026-03-02T09:00:00'), 'P2WD', { rollOver: false }).due, 'working days are working days either way').to.equal('2026-03-04');
    });

    it('does not roll a last day that is an adjusted working weekend day', () => {
      expect(cal.addPeriod(sh('2026-01-30T09:00:00'), 'P15CD').due).to.equal('2026-02-14');
      expect(cal.addPeriod(sh('2026-09-25T09:00:00'), 'P15CD').due).to.equal('2026-10-10');
    });

    it('runs into provisional 2027 across the year end (P15CD from 2026-12-20)', () => {
      expect(cal.addPeriod(sh('2026-12-20T09:00:00'), 'P15CD')).to.include({ due: '2027-01-04', provisional: true });
      expect(cal.addPeriod(sh('2026-12-16T09:00:00'), 'P15CD')).to.include({ due: '2026-12-31', provisional: false });
      // 2027-01-01 (元旦, Friday) → Monday 1/4
      expect(cal.addPeriod(sh('2026-12-17T09:00:00'), 'P15CD')).to.include({ due: '2027-01-04', provisional: true });
    });
  });

  describe('ISO 8601 durations', () => {
    it('adds exact lengths to the instant', () => {
      const r = cal.addPeriod(sh('2026-09-30T10:00:00'), 'PT48H');
      expect(r).to.deep.equal({ due: '2026-10-02', dueAt: sh('2026-10-02T10:00:00'), provisional: false });
      expect(cal.addPeriod(sh('2026-09-30T10:00:00'), 'P15D').dueAt).to.deep.equal(sh('2026-10-15T10:00:00'));
      expect(cal.addPeriod(sh('2026-09-30T10:00:00'), 'P2W').dueAt).to.deep.equal(sh('2026-10-14T10:00:00'));
    });

    it('adds calendar months and years on the Shanghai date, clamping to the month end', () => {
      expect(cal.addPeriod(sh('2026-01-31T10:00:00'), 'P1M').dueAt).to.deep.equal(sh('2026-02-28T10:00:00'));
      expect(cal.addPeriod(sh('2028-01-31T10:00:00'), 'P1M').dueAt).to.deep.equal(sh('2028-02-29T10:00:00'));
      expect(cal.addPeriod(sh('2026-11-15T00:30:00'), 'P3M').dueAt).to.deep.equal(sh('2027-02-15T00:30:00'));
      expect(cal.addPeriod(sh('2028-02-29T08:00:00'), 'P1Y').dueAt).to.deep.equal(sh('2029-02-28T08:00:00'));
      // 2026-03-31 00:30 in Shanghai is still 03-30 in UTC: the month is Shanghai's
      expect(cal.addPeriod(sh('2026-03-31T00:30:00'), 'P1M')).to.include({ due: '2026-04-30' });
    });
  });

  it('rejects bad input with a message naming it', () => {
    expect(() => cal.addPeriod(sh('2026-03-02T09:00:00'), 'P7XD')).to.throw(CalendarInputError, /"P7XD" is not a period/);
    expect(() => cal.addPeriod(new Date('garbage'), 'P7WD')).to.throw(CalendarInputError, /start of the period is not a valid point in time/);
    expect(() => cal.addPeriod(sh('2100-12-20T09:00:00'), 'P15CD')).to.throw(CalendarInputError, /2101-01-04 超出/);
  });
});
