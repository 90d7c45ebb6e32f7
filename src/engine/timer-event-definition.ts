import { TimerEventDefinition } from 'bpmn-elements';
import type { Clock } from '../clock.ts';
import { NEVER, resolveDue } from './due.ts';
import { parseInstant, type PeriodResolver } from './periods.ts';
import type { RunContexts } from './run-context.ts';
import { INSTANCE_SETTING } from './service-implementation.ts';

type TimerType = 'timeDuration' | 'timeDate' | 'timeCycle';
interface Parsed { expireAt: Date; repeat?: number; delay: number }
interface ResolvedTimers { expireAt?: Date; timeout?: number; timerType?: TimerType; timeDuration?: string; zhifaFrom?: string; [key: string]: unknown }
interface TimerMessage { content: Record<string, unknown> }

/**
 * bpmn-elements' timer reads the wall clock and knows only ISO 8601. Zhifa's timer measures
 * from the injected clock, reads working-day periods through the calendar hook, and follows
 * case clocks (`clock:decision`). A duration is always derived again from the moment the timer
 * was armed (kept as `zhifaFrom` in its state), so a resume never moves it, while a calendar
 * change or a paused or extended clock does.
 */
export function createTimerEventDefinition(clock: Clock, periods: PeriodResolver, contexts: RunContexts) {
  const Base = TimerEventDefinition as unknown as new (...args: unknown[]) => {
    environment: { settings: Record<string, unknown> };
    parse(type: TimerType, value: string): Parsed;
    _getTimers(message: TimerMessage): ResolvedTimers;
  };

  class ZhifaTimerEventDefinition extends Base {
    override parse(timerType: TimerType, value: string): Parsed {
      return this.expiry(timerType, String(value).trim(), clock.now());
    }

    override _getTimers(message: TimerMessage): ResolvedTimers {
      const result = super._getTimers(message);
      const from = typeof message.content.zhifaFrom === 'string' ? new Date(message.content.zhifaFrom) : clock.now();
      result.zhifaFrom = from.toISOString();
      // The base class keeps the earlier of the stored and a fresh expiry; a duration must follow
      // its clock or calendar both ways, so it is derived again from when it was armed.
      if (typeof result.timeDuration === 'string' && !result.timeDate && !result.timeCycle) {
        result.timerType = 'timeDuration';
        result.expireAt = this.expiry('timeDuration', result.timeDuration.trim(), from).expireAt;
      }
      if (result.expireAt) result.timeout = new Date(result.expireAt).getTime() - clock.now().getTime();
      return result;
    }

    private expiry(timerType: TimerType, text: string, from: Date): Parsed {
      if (timerType === 'timeDate') {
        const at = parseInstant(text);
        if (!at) throw new TypeError(`timeDate "${text}" is not an ISO 8601 date or date-time`);
        return { expireAt: at, delay: at.getTime() - from.getTime() };
      }
      const cycle = /^R(\d*)\/(.+)$/.exec(text);
      const period = cycle ? cycle[2]! : text;
      const instanceId = String(this.environment.settings[INSTANCE_SETTING] ?? '');
      const expireAt = resolveDue(period, from, periods, contexts.get(instanceId).clocks) ?? NEVER;
      const repeat = cycle ? (cycle[1] ? Number(cycle[1]) : -1) : undefined;
      return { expireAt, delay: expireAt.getTime() - from.getTime(), ...(repeat !== undefined && { repeat }) };
    }
  }

  return ZhifaTimerEventDefinition;
}
