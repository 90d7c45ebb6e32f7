import { TimerEventDefinition } from 'bpmn-elements';
import type { Clock } from '../clock.ts';
import { parseInstant, type PeriodResolver } from './periods.ts';

type TimerType = 'timeDuration' | 'timeDate' | 'timeCycle';
interface Parsed { expireAt: Date; repeat?: number; delay: number }
interface ResolvedTimers { expireAt?: Date; timeout?: number; [key: string]: unknown }

/**
 * bpmn-elements' timer reads the wall clock and knows only ISO 8601. Zhifa's timer measures
 * from the injected clock and reads working-day periods through the calendar hook, so a
 * moved clock fires a due timer on the next resume and `P7WD` skips holidays.
 */
export function createTimerEventDefinition(clock: Clock, periods: PeriodResolver) {
  const Base = TimerEventDefinition as unknown as new (...args: unknown[]) => {
    parse(type: TimerType, value: string): Parsed;
    _getTimers(message: unknown): ResolvedTimers;
  };

  class ZhifaTimerEventDefinition extends Base {
    override parse(timerType: TimerType, value: string): Parsed {
      const now = clock.now();
      const text = String(value).trim();
      if (timerType === 'timeDate') {
        const at = parseInstant(text);
        if (!at) throw new TypeError(`timeDate "${text}" is not an ISO 8601 date or date-time`);
        return { expireAt: at, delay: at.getTime() - now.getTime() };
      }
      const cycle = /^R(\d*)\/(.+)$/.exec(text);
      const period = cycle ? cycle[2]! : text;
      const { dueAt } = periods.resolve(now, period);
      const repeat = cycle ? (cycle[1] ? Number(cycle[1]) : -1) : undefined;
      return { expireAt: dueAt, delay: dueAt.getTime() - now.getTime(), ...(repeat !== undefined && { repeat }) };
    }

    override _getTimers(message: unknown): ResolvedTimers {
      const result = super._getTimers(message);
      // The base class measured the timeout against the wall clock; measure it against ours.
      if (result.expireAt) result.timeout = new Date(result.expireAt).getTime() - clock.now().getTime();
      return result;
    }
  }

  return ZhifaTimerEventDefinition;
}
