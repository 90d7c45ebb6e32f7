import { expect } from 'chai';
import { WorkCalendar } from '../../../src/calendar/index.ts';
import { amountDue, paymentLastDay } from '../../../src/domain/fine-payment.ts';
import { FormRegistry } from '../../../src/domain/forms.ts';

describe('domain: paying a fine and its surcharge (Penalty Law Arts. 66, 72)', () => {
  it('gives 15 calendar days from service, a last day off rolling to the next working day', () => {
    const calendar = new WorkCalendar();
    expect(paymentLastDay(calendar, '2026-03-11')).to.equal('2026-03-26');
    // 16 September + 15 = 1 October, National Day: the period ends on Thursday 8 October.
    expect(paymentLastDay(calendar, '2026-09-16')).to.equal('2026-10-08');
  });

  it('adds 3 % of the fine for each day after the last day, never more than the fine', () => {
    expect(amountDue(50000, '2026-03-26', '2026-03-26')).to.deep.equal({ fine: 50000, overdueDays: 0, surcharge: 0, capped: false, total: 50000 });
    expect(amountDue(50000, '2026-03-26', '2026-03-01')).to.include({ overdueDays: 0, surcharge: 0 });
    expect(amountDue(300000, '2026-03-27', '2026-04-06')).to.deep.equal({ fine: 300000, overdueDays: 10, surcharge: 90000, capped: false, total: 390000 });
    // Day 34 is the first to reach 100 % (33 × 3 % = 99 %).
    expect(amountDue(5000, '2026-03-26', '2026-04-28')).to.include({ overdueDays: 33, surcharge: 4950, capped: false });
    expect(amountDue(5000, '2026-03-26', '2026-04-29')).to.include({ overdueDays: 34, surcharge: 5000, capped: true, total: 10000 });
    expect(amountDue(5000, '2026-03-26', '2026-05-25')).to.include({ overdueDays: 60, surcharge: 5000, capped: true, total: 10000 });
  });

  it('reckons in fen, so a surcharge is exact to the fen', () => {
    // 3 % of 333.33 is 9.9999: 10.00 yuan a day, not 9.9999.
    expect(amountDue(333.33, '2026-03-26', '2026-03-27')).to.include({ surcharge: 10, total: 343.33 });
    expect(amountDue(0.1, '2026-03-26', '2026-03-28')).to.include({ surcharge: 0.01, total: 0.11 });
  });

  it('refuses a payment form whose rule names fields the form does not have', () => {
    const form = { type: 'object', properties: { paidOn: { type: 'string', format: 'date' } }, 'x-zhifa': { finePayment: { paidOn: 'paidOn', paidAmount: 'amount' } } };
    expect(() => new FormRegistry().add('payment', form)).to.throw('x-zhifa.finePayment: "amount" is not a field of the form');
  });
});
