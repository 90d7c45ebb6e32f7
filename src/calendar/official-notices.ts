/**
 * The State Council notices the official arrangements come from. `chinese-days` carries the
 * dates but not their source; an arrangement is cited by the notice that fixed it (and any
 * notice that later changed it), never by the package. The titles, numbers and dates are data,
 * in official-notices.json; a year with no number recorded is cited by its title alone.
 */
import { createRequire } from 'node:module';
import { parseIsoDate } from './dates.ts';

export interface Notice {
  /** 《…》 without the brackets, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
  title: string;
  /** 发文字号, e.g. 国办发明电〔2025〕7号. */
  number?: string;
  /** 成文日期, YYYY-MM-DD. */
  date?: string;
}

const NUMBER = /^国(办)?发明电〔\d{4}〕\d+号$/;

let cache: Map<number, Notice[]> | undefined;

function checked(year: string, notice: unknown): Notice {
  const what = `official-notices.json ${year}`;
  const n = (notice ?? {}) as Record<string, unknown>;
  if (typeof n.title !== 'string' || n.title.trim() === '') throw new Error(`${what}: each notice needs its title`);
  if (n.number !== undefined && (typeof n.number !== 'string' || !NUMBER.test(n.number))) {
    throw new Error(`${what}: "${String(n.number)}" is not a number like 国办发明电〔2025〕7号`);
  }
  // A notice is issued in the year before the arrangement, or (a change) within it.
  if (n.date !== undefined && ![Number(year) - 1, Number(year)].includes(parseIsoDate(n.date).year)) {
    throw new Error(`${what}: a notice dated ${String(n.date)} cannot fix the arrangement of ${year}`);
  }
  return { title: n.title, ...(n.number ? { number: n.number } : {}), ...(n.date ? { date: n.date as string } : {}) };
}

/** Every year's notices, the arrangement first and the notices that changed it after. */
export function officialNotices(): Map<number, Notice[]> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const raw = require('./official-notices.json') as Record<string, unknown>;
  const notices = new Map<number, Notice[]>();
  for (const [year, list] of Object.entries(raw)) {
    if (!/^\d{4}$/.test(year) || !Array.isArray(list) || list.length === 0) {
      throw new Error(`official-notices.json: "${year}" must be a year with a list of notices`);
    }
    notices.set(Number(year), list.map((n) => checked(year, n)));
  }
  cache = notices;
  return notices;
}

function chineseDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

/** 《title》（number，date）, the way an official document cites another one. */
export function citeNotice(notice: Notice): string {
  const details = [notice.number, notice.date && chineseDate(notice.date)].filter(Boolean);
  return `《${notice.title}》${details.length > 0 ? `（${details.join('，')}）` : ''}`;
}

/** How an official year's arrangement is cited, or undefined if no notice is recorded for it. */
export function officialSource(year: number): string | undefined {
  const notices = officialNotices().get(year);
  return notices?.map(citeNotice).join('；');
}
