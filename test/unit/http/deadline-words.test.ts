import { expect } from 'chai';
import { WorkCalendar } from '../../../src/calendar/index.ts';
import { dueText } from '../../../src/http/web/shared/last-day.ts';
import { periodText } from '../../../src/http/web/shared/period-text.ts';
import { dueUnit, remaining } from '../../../src/http/web/shared/remaining.ts';

/** Deadlines in the words of a clerk: the last day, the period in days or working days, the time left in the unit the limit counts. */
describe('Deadline words', () => {
  const at = (iso: string) => ({ now: () => new Date(iso) });

  it('names a limit in days by its last day, and one in hours by its hour', () => {
    expect(dueText('2026-12-18T16:00:00.000Z'), '24:00 on 18 December Shanghai').to.equal('2026-12-18 届满');
    expect(dueText('2026-03-03T02:00:00.000Z'), '24 hours after a seizure at 10:00').to.equal('2026-03-03 10:00 届满');
    expect(dueText(null)).to.equal('');
  });

  it('says periods as people do', () => {
    expect(periodText('P15CD')).to.equal('15 日');
    expect(periodText('P5WD')).to.equal('5 个工作日');
    expect(periodText('PT24H')).to.equal('24 小时');
  });

  it('counts the time left in the unit of the limit: calendar days for the filing and decision clocks, working days otherwise', () => {
    expect(dueUnit('clock:filing')).to.equal('calendar');
    expect(dueUnit('clock:statement')).to.equal('working');
    expect(dueUnit('P10WD')).to.equal('working');
    expect(dueUnit('PT24H')).to.equal('hours');
    const calendar = new WorkCalendar();
    // Friday 6 March 2026, 10:00; the limit ends on Monday 16 March.
    const clock = at('2026-03-06T02:00:00Z');
    const due = '2026-03-16T16:00:00.000Z';
    expect(remaining(calendar, clock, due, 'calendar')).to.include({ days: 10, level: 'ok', text: '剩余 10 日' });
    expect(remaining(calendar, clock, due, 'working')).to.include({ days: 6, text: '剩余 6 个工作日' });
    expect(remaining(calendar, at('2026-03-17T02:00:00Z'), due, 'calendar')).to.include({ days: -1, level: 'overdue', text: '已逾期 1 日' });
    expect(remaining(calendar, at('2026-03-16T02:00:00Z'), due, 'calendar')).to.include({ days: 0, level: 'near', text: '今日到期' });
    expect(remaining(calendar, clock, '2026-03-06T12:00:00Z', 'hours')).to.include({ level: 'near', text: '剩余 10 小时' });
  });
});
