import { expect } from 'chai';
import { WorkCalendar } from '../../../src/calendar/index.ts';
import { endOfWeek, workingDaysLeft } from '../../../src/domain/supervision-week.ts';

describe('dashboard: this week in Shanghai', () => {
  it('ends at 24:00 Shanghai on the Sunday of the current Monday-first week, whatever the UTC date', () => {
    expect(endOfWeek(new Date('2026-03-02T01:00:00Z'))).to.deep.equal({ lastDay: '2026-03-08', end: new Date('2026-03-08T16:00:00Z') });
    // Sunday 23:30 Shanghai is still this week; Sunday 16:00 UTC is already Monday in Shanghai.
    expect(endOfWeek(new Date('2026-03-08T15:30:00Z')).lastDay).to.equal('2026-03-08');
    expect(endOfWeek(new Date('2026-03-08T16:00:00Z')).lastDay).to.equal('2026-03-15');
  });

  it('counts the working days left this week from the calendar: an adjusted working Saturday counts, a holiday does not', () => {
    const calendar = new WorkCalendar();
    expect(workingDaysLeft(calendar, new Date('2026-03-04T02:00:00Z'), '2026-03-08'), 'Wed–Fri').to.equal(3);
    // 2026: 9–13 Feb working, Sat 14 Feb adjusted working day, 15 Feb Spring Festival holiday begins.
    expect(workingDaysLeft(calendar, new Date('2026-02-12T02:00:00Z'), endOfWeek(new Date('2026-02-12T02:00:00Z')).lastDay), 'Thu, Fri and the adjusted Saturday').to.equal(3);
  });
});
