import { shanghaiDate, type WorkCalendar } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import type { ServiceRegistry } from '../engine/services.ts';
import { isIsoDate } from './date-rules.ts';
import { enforcementDates } from './enforcement-dates.ts';
import { amountDueOnSchedule, PAYMENT_PERIOD, paymentLastDay, scheduleOf } from './fine-payment.ts';
import { applyDeferral } from './payment-schedule.ts';

/**
 * `${services.paymentDeadline('P15CD')}` sets paymentLastDay: the last day to pay the fine,
 * counted from the day the party received the decision (serviceDate, 处罚法 art. 67; today when
 * it is missing). The payment clock (`startClock('payment', 'P15CD', serviceDate)`) counts the
 * same period from the same day, so the task, the overdue timer and the surcharge agree.
 * `${services.enforcementDates}` sets the remedy, 催告 and court-application dates
 * (enforcement-dates.ts) and, once a 催告 was received, what is owed on its last day.
 * `${services.applyDeferral}` puts an approved deferral or instalments in force (payment-schedule.ts).
 */
export function registerPaymentServices(registry: ServiceRegistry, calendar: WorkCalendar, clock: Clock): void {
  registry.register('paymentDeadline', ({ args: [period], variables }) => {
    const servedOn = isIsoDate(variables.serviceDate) ? variables.serviceDate : shanghaiDate(clock.now());
    return { paymentLastDay: paymentLastDay(calendar, servedOn, period || PAYMENT_PERIOD) };
  });
  registry.register('enforcementDates', ({ variables }) => {
    const dates = enforcementDates(calendar, variables);
    const schedule = scheduleOf(variables);
    const owed = schedule && dates.reminderLastDay ? amountDueOnSchedule(schedule, dates.reminderLastDay) : undefined;
    return { ...dates, ...(owed && { reminderAmountDue: owed.total, reminderSurcharge: owed.surcharge }) };
  });
  registry.register('applyDeferral', ({ variables }) => applyDeferral(calendar, variables));
}
