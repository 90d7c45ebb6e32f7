import { shanghaiDate, type WorkCalendar } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import type { ServiceRegistry } from '../engine/services.ts';
import { isIsoDate } from './date-rules.ts';
import { PAYMENT_PERIOD, paymentLastDay } from './fine-payment.ts';

/**
 * `${services.paymentDeadline('P15CD')}` sets paymentLastDay: the last day to pay the fine,
 * counted from the day the decision was served (variable serviceDate; today when it is
 * missing). The payment form counts the surcharge from it.
 */
export function registerPaymentServices(registry: ServiceRegistry, calendar: WorkCalendar, clock: Clock): void {
  registry.register('paymentDeadline', ({ args: [period], variables }) => {
    const servedOn = isIsoDate(variables.serviceDate) ? variables.serviceDate : shanghaiDate(clock.now());
    return { paymentLastDay: paymentLastDay(calendar, servedOn, period || PAYMENT_PERIOD) };
  });
}
