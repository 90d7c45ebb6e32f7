import { addDays, shanghaiDate } from '../../calendar/dates.ts';
import type { Clock } from '../../clock.ts';
import type { ServiceRegistry } from '../../engine/services.ts';
import { isIsoDate } from '../date-rules.ts';

/** 民事诉讼法 art. 95: service by public notice takes effect when 30 days have passed since publication. */
export const PUBLIC_NOTICE_DAYS = 30;

/**
 * The day a notice counts as served, from which the party's periods run (处罚法 arts. 45, 64):
 * the receipt's date for direct, left-at-premises, postal and electronic service; 30 days after
 * publication for 公告送达. Never the day the officer typed it in.
 */
export function noticeServedOn(v: Record<string, unknown>): string {
  if (v.noticeServiceMethod === '公告送达') {
    if (!isIsoDate(v.noticePublishedOn)) throw new Error('公告送达 needs noticePublishedOn');
    return addDays(v.noticePublishedOn, PUBLIC_NOTICE_DAYS);
  }
  if (!isIsoDate(v.noticeReceivedOn)) throw new Error(`${String(v.noticeServiceMethod)} needs noticeReceivedOn`);
  return v.noticeReceivedOn;
}

/**
 * `${services.noticeServedOn}` sets noticeServedOn from the recorded service of the notice, and
 * noticeServiceLater when that day is still to come (公告送达), so the diagram waits for it before
 * the party's periods start.
 */
export function registerNoticeServices(registry: ServiceRegistry, clock: Clock): void {
  registry.register('noticeServedOn', ({ variables }) => {
    const servedOn = noticeServedOn(variables);
    return { noticeServedOn: servedOn, noticeServiceLater: servedOn > shanghaiDate(clock.now()) };
  });
}
