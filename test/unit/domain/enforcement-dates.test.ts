import { expect } from 'chai';
import { WorkCalendar } from '../../../src/calendar/index.ts';
import { addMonths, enforcementDates } from '../../../src/domain/enforcement-dates.ts';
import { amountDueOnSchedule } from '../../../src/domain/fine-payment.ts';
import { applyDeferral } from '../../../src/domain/payment-schedule.ts';

describe('domain: enforcement dates after non-payment (行政强制法 arts. 53, 54; 行政诉讼法 arts. 45, 46)', () => {
  const calendar = new WorkCalendar();

  it('counts months to the corresponding day, or the last day of a shorter month (民法典 art. 203)', () => {
    expect(addMonths('2026-03-14', 6)).to.equal('2026-09-14');
    expect(addMonths('2026-08-31', 6)).to.equal('2027-02-28');
    expect(addMonths('2027-08-31', 6)).to.equal('2028-02-29');
    expect(addMonths('2026-11-30', 3)).to.equal('2027-02-28');
  });

  it('waits for the later of the 10 working days after the 催告 and the remedy periods, then gives 3 months, each last day off rolling to a working day', () => {
    // Received 14 March: 复议 by 13 May, 诉讼 by 14 September; 催告 received 3 April: 20 April (清明 4–6 April).
    expect(enforcementDates(calendar, { serviceDate: '2026-03-14', reminderServedOn: '2026-04-03' })).to.deep.equal({
      reconsiderationLastDay: '2026-05-13', litigationLastDay: '2026-09-14', remedyLastDay: '2026-09-14', reminderLastDay: '2026-04-20',
      enforceableAt: '2026-09-14T16:00:00.000Z', courtApplicationLastDay: '2026-12-14', courtApplicationDueAt: '2026-12-14T16:00:00.000Z',
    });
    // Received 1 April: six months end on 1 October, National Day: 8 October.
    expect(enforcementDates(calendar, { serviceDate: '2026-04-01' }).litigationLastDay).to.equal('2026-10-08');
  });

  it('after an upheld 复议 counts the 15 days to sue; after a judgment, from the judgment; a withdrawn remedy leaves the periods from receipt', () => {
    const base = { serviceDate: '2026-03-14', reminderServedOn: '2026-04-01' };
    expect(enforcementDates(calendar, { ...base, remedyKind: '行政复议', remedyOutcome: '维持', remedyDecidedOn: '2026-06-01' })).to.include({ remedyLastDay: '2026-06-16', courtApplicationLastDay: '2026-09-16' });
    expect(enforcementDates(calendar, { ...base, remedyKind: '行政诉讼', remedyOutcome: '维持', remedyDecidedOn: '2026-06-01' })).to.include({ remedyLastDay: '2026-06-01', enforceableAt: '2026-06-01T16:00:00.000Z' });
    expect(enforcementDates(calendar, { ...base, remedyKind: '行政复议', remedyOutcome: '当事人撤回', remedyDecidedOn: '2026-06-01' }).remedyLastDay).to.equal('2026-09-14');
  });

  it('处罚法 art. 66: a deferred or instalment part accrues the surcharge only after its own due day, capped at that part', () => {
    const schedule = [{ dueOn: '2026-04-15', amount: 2000 }, { dueOn: '2026-05-15', amount: 3000 }];
    expect(amountDueOnSchedule(schedule, '2026-04-15')).to.include({ surcharge: 0, total: 5000 });
    expect(amountDueOnSchedule(schedule, '2026-04-20')).to.include({ surcharge: 300, total: 5300, overdueDays: 5 });
    expect(amountDueOnSchedule(schedule, '2026-06-14'), 'the first part capped, the second 30 days × 3 %').to.include({ surcharge: 2000 + 2700, capped: true });
    // A due day on a rest day (Sunday 3 May, 劳动节) rolls to the next working day; the clock restarts from service.
    expect(applyDeferral(calendar, { serviceDate: '2026-03-14', paymentSchedule: [{ dueOn: '2026-05-03', amount: 5000 }] })).to.deep.equal({
      paymentSchedule: [{ dueOn: '2026-05-06', amount: 5000 }], paymentLastDay: '2026-05-06', paymentPeriod: 'P53CD',
    });
  });
});
