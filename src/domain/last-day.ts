import { shanghaiDate, shanghaiDateOfEnd } from '../calendar/dates.ts';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

function instant(due: unknown): number | null {
  if (due === null || due === undefined || due === '') return null;
  const t = due instanceof Date ? due.getTime() : typeof due === 'number' ? due : Date.parse(String(due));
  return Number.isNaN(t) ? null : t;
}

/**
 * The last day of a limit, in Shanghai. A limit is due at the end of its last day, stored as the
 * next day's 00:00; shown as a date and time it reads one day too late ("2026-12-19 00:00"), so
 * pages show the day it ends.
 */
export function lastDayOf(due: unknown): string | null {
  const t = instant(due);
  return t === null ? null : shanghaiDateOfEnd(new Date(t));
}

/**
 * A due time as people read it: "2026-12-18 届满" for a limit counted in days, and with the hour
 * for one counted in hours (a seizure reported within 24 hours: "2026-03-03 10:00 届满").
 */
export function dueText(due: unknown): string {
  const day = dueDay(due);
  return day ? `${day} 届满` : '';
}

/** The day a limit ends ("2026-12-18"), with the hour for a limit counted in hours ("2026-03-03 10:00"). */
export function dueDay(due: unknown): string | null {
  const t = instant(due);
  if (t === null) return null;
  const shanghai = t + SHANGHAI_OFFSET_MS;
  if (shanghai % DAY_MS === 0) return shanghaiDateOfEnd(new Date(t));
  const time = new Date(shanghai).toISOString().slice(11, 16);
  return `${shanghaiDate(new Date(t))} ${time}`;
}

/**
 * Why a due day reads （暂定）: it was counted over a year whose holiday arrangement the State
 * Council has not yet published, by the statutory holidays alone; shown on hover and to screen readers.
 */
export const PROVISIONAL_NOTE = '暂定：期限经过的年份，国务院办公厅尚未公布放假安排，暂按法定节日推算；公布并载入工作日历后自动重新计算。';
