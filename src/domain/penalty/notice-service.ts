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

  registry.register('startNewNotice', ({ variables }) => newNotice(variables));
}

/**
 * What a notice and the party's answer to it recorded: the dates and the outcome of the statement
 * and hearing. A new notice (a heavier penalty, 处罚法 art. 45) starts them afresh; the earlier
 * ones stay on the case in previousNotices, and every document issued stays on the record.
 */
export const NOTICE_ROUND_VARIABLES = [
  'noticeDate', 'noticeServiceMethod', 'noticeRecipient', 'noticeReceivedOn', 'noticePublishedOn', 'noticeServedOn', 'noticeServiceLater',
  'statementWaived', 'statementWaivedOn', 'statementWaiverWay', 'statementReceivedOn', 'statementWay', 'statementContent', 'statementAttachments',
  'statementReviewDate', 'statementReviewResult', 'statementReviewReason',
  'hearingRequestedOn', 'hearingRequestWay', 'hearingRequestNote', 'hearingNoticeDate', 'hearingDate', 'hearingPlace', 'hearingHost', 'hearingHostExternal',
  'hearingHostPost', 'hearingClerk', 'publicHearing', 'hearingHeldOn', 'partyAttended', 'hearingRecord', 'hearingReport', 'hearingHeld',
] as const;

/** `${services.startNewNotice}`: the current notice round moved to previousNotices, its variables cleared (null). */
export function newNotice(v: Record<string, unknown>): Record<string, unknown> {
  const round: Record<string, unknown> = { proposedPenaltyKinds: v.proposedPenaltyKinds, proposedFineAmount: v.proposedFineAmount, proposedPenalty: v.proposedPenalty };
  const cleared: Record<string, unknown> = {};
  for (const name of NOTICE_ROUND_VARIABLES) {
    if (v[name] !== undefined && v[name] !== null) round[name] = v[name];
    cleared[name] = null;
  }
  const previous = Array.isArray(v.previousNotices) ? v.previousNotices : [];
  return { ...cleared, previousNotices: [...previous, round] };
}
