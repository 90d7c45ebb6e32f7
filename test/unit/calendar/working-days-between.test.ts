import { expect } from 'chai';
import { WorkCalendar, endOfShanghaiDay } from '../../../src/calendar/index.ts';

const sh = (local: string) => new Date(`${local}+08:00`);

describe('calendar: workingDaysBetween (remaining working days)', () => {
  const cal = new WorkCalendar();

  it('gives n right after a PnWD limit starts, whatever the holidays in between', () => {
    for (const [start, period] of [['2025-12-26T15:00:00', 'P7WD'], ['2026-09-30T10:00:00', 'P7WD'], ['2026-02-13T17:00:00', 'P6WD']]) {
      const from = sh(start);
      const n = Number(period.slice(1, -2));
      expect(cal.workingDaysBetween(from, cal.addPeriod(from, period).dueAt), `${period} from ${start}`).to.equal(n);
    }
  });

  it('counts the working days after today up to the deadline day', () => {
    const due = endOfShanghaiDay('2026-10-09'); // Friday after National Day
    expect(cal.workingDaysBetween(sh('2026-09-30T10:00:00'), due)).to.equal(2);
    expect(cal.workingDaysBetween(sh('2026-10-08T09:00:00'), due)).to.equal(1);
    expect(cal.workingDaysBetween(sh('2026-10-09T09:00:00'), due)).to.equal(0); // last day
    expect(cal.workingDaysBetween(sh('2026-10-09T23:59:59'), due)).to.equal(0);
  });

  it('is negative once the deadline has passed, and never 0 then', () => {
    const due = endOfShanghaiDay('2026-10-09');
    expect(cal.workingDaysBetween(due, due)).to.equal(-1); // 24:00 has come: missed
    expect(cal.workingDaysBetween(sh('2026-10-10T09:00:00'), due)).to.equal(-1); // adjusted Saturday
    expect(cal.workingDaysBetween(sh('2026-10-11T09:00:00'), due)).to.equal(-1); // Sunday
    expect(cal.workingDaysBetween(sh('2026-10-12T09:00:00'), due)).to.equal(-2);
    expect(cal.workingDaysBetween(sh('2026-10-14T09:00:00'), due)).to.equal(-4);
  });

  it('handles deadlines that are not at midnight', () => {
    expect(cal.workingDaysBetween(sh('2026-03-02T09:00:00'), sh('2026-03-04T10:00:00'))).to.equal(2);
    expect(cal.workingDaysBetween(sh('2026-03-04T11:00:00'), sh('2026-03-04T10:00:00'))).to.equal(-1);
  });
});
