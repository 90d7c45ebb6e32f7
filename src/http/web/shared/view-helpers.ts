import type Handlebars from 'handlebars';
import { dueText } from './last-day.ts';

const SHANGHAI = 'Asia/Shanghai';
const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: SHANGHAI, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: SHANGHAI, year: 'numeric', month: '2-digit', day: '2-digit' });

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'number' ? v : String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Helpers the templates use; each returns plain values so Handlebars still escapes them. */
export function registerViewHelpers(hbs: typeof Handlebars): void {
  hbs.registerHelper('datetime', (v: unknown) => {
    const d = toDate(v);
    return d ? dateTime.format(d) : '—';
  });
  hbs.registerHelper('date', (v: unknown) => {
    const d = toDate(v);
    return d ? dateOnly.format(d) : '—';
  });
  // A limit's last day ("2026-12-18 届满"), never the next day's 00:00 it is stored as.
  hbs.registerHelper('due', (v: unknown) => dueText(v) || '—');
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('includes', (list: unknown, v: unknown) => Array.isArray(list) && list.includes(v));
  hbs.registerHelper('list', (...args: unknown[]) => args.slice(0, -1));
  hbs.registerHelper('json', (v: unknown) => JSON.stringify(v, null, 2));
  hbs.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '、') : ''));
}
