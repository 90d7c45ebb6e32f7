import { Router } from 'express';
import { Roles } from '../../auth/accounts.ts';
import { parseIsoDate, startOfShanghaiDay, type WorkCalendar } from '../../calendar/index.ts';
import { badRequest } from '../../errors.ts';
import type { CalendarAdmin } from '../../workflow/calendar-admin.ts';
import { calendarInput } from '../../workflow/calendar-input.ts';
import { actorOf, requireRole } from '../authenticate.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// An offset is required: a bare local time would be read in the server's time zone.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** When a limit starts: a bare date is that Shanghai day (itself not counted), a date-time is that instant. */
function parseFrom(from: unknown): Date {
  const example = 'a date YYYY-MM-DD or an ISO date-time with an offset, e.g. 2026-09-29T10:00:00+08:00';
  if (typeof from !== 'string' || from === '') throw badRequest(`from is required: ${example}`);
  if (DATE.test(from)) return calendarInput(() => startOfShanghaiDay(from));
  const match = DATE_TIME.exec(from);
  if (!match) {
    // An unencoded '+' in a query string arrives as a space.
    const hint = from.includes(' ') ? ' (send the "+" of an offset as %2B)' : '';
    throw badRequest(`from "${from}" is neither ${example}${hint}`);
  }
  calendarInput(() => parseIsoDate(match[1])); // Date would roll 02-30 over into March
  const at = new Date(from);
  if (Number.isNaN(at.getTime())) throw badRequest(`from "${from}" is not an existing time of day`);
  return at;
}

/** Shanghai wall time with its +08:00 offset: what a clerk reads, and still an exact instant. */
function shanghaiIso(at: Date): string {
  const wall = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  const ms = wall.slice(19, 23);
  return `${wall.slice(0, 19)}${ms === '.000' ? '' : ms}+08:00`;
}

function pathYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw badRequest(`"${text}" is not a year (four digits, e.g. 2027)`);
  return Number(text);
}

/** Reading the calendar needs a signed-in user; changing it needs an administrator. */
export function calendarRoutes(admin: CalendarAdmin, calendar: WorkCalendar): Router {
  const r = Router();

  r.get('/calendar/days/:date', (req, res) => {
    res.json(calendarInput(() => calendar.day(req.params.date)));
  });

  r.get('/calendar/deadline', (req, res) => {
    const { from, period } = req.query;
    if (typeof period !== 'string' || period === '') throw badRequest('period is required, e.g. P7WD (working days), P15CD (calendar days) or PT48H');
    const start = parseFrom(from);
    const due = calendarInput(() => calendar.addPeriod(start, period));
    res.json({ due: due.due, dueAt: shanghaiIso(due.dueAt), provisional: due.provisional });
  });

  r.get('/calendar/years/:year', (req, res) => {
    const year = pathYear(req.params.year);
    const arrangement = calendarInput(() => calendar.yearArrangement(year));
    const closures = calendar.closures().filter((c) => c.date.startsWith(`${year}-`));
    res.json({ ...arrangement, closures });
  });

  r.put('/calendar/years/:year', async (req, res) => {
    const actor = actorOf(req);
    requireRole(actor, Roles.admin);
    res.json(await admin.putYear(pathYear(req.params.year), req.body, actor));
  });

  r.post('/calendar/closures', async (req, res) => {
    const actor = actorOf(req);
    requireRole(actor, Roles.admin);
    const body = (req.body ?? {}) as { date?: unknown; name?: unknown };
    res.status(201).json(await admin.addClosure(body.date, body.name, actor));
  });

  return r;
}
