import { Router, type Request, type Response } from 'express';
import { shanghaiDate } from '../../../calendar/index.ts';
import { badRequest, ZhifaError } from '../../../errors.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';
import { requireWebRole, userOf } from '../shared/session.ts';

const SOURCE_LABELS = { official: '官方公布', loaded: '管理员载入', provisional: '暂定（按法定节日推算）' } as const;
const SOURCE_BADGES = { official: 'ok', loaded: 'ok', provisional: 'near' } as const;

/** The working-day calendar: where each year's arrangement comes from, loading a year, local closures. */
export function adminCalendar(deps: AdminDeps, page: AdminPage): Router {
  const r = Router();
  const { calendar, calendarAdmin } = deps;

  const render = (res: Response, opts: { error?: string; flash?: string; form?: Record<string, string> } = {}, status = 200) => {
    const thisYear = Number(shanghaiDate(deps.clock.now()).slice(0, 4));
    const years = calendar.years()
      .filter((y) => (y.year >= thisYear - 1 && y.year <= thisYear + 2) || y.source === 'loaded')
      .map((y) => {
        const a = calendar.yearArrangement(y.year);
        return { year: y.year, source: y.source, sourceLabel: SOURCE_LABELS[y.source], badge: SOURCE_BADGES[y.source], holidays: a.holidays.length, workdays: a.workdays.join('、'), reference: a.reference };
      });
    const closures = calendar.closures().filter((c) => Number(c.date.slice(0, 4)) >= thisYear - 1);
    page(res, 'admin-calendar', { title: '系统管理 · 工作日历', section: 'calendar', years, closures, error: opts.error, flash: opts.flash, form: opts.form ?? { year: String(thisYear + 1) } }, status);
  };

  // A refused change renders the page with its message and the input kept; nothing was stored.
  const refused = (res: Response, err: unknown, form: Record<string, string>) => {
    if (!(err instanceof ZhifaError && err.status === 400)) throw err;
    render(res, { error: err.detail, form }, 422);
  };

  r.get('/admin/calendar', (_req, res) => render(res));

  r.post('/admin/calendar/years', requireWebRole('admin'), async (req: Request, res) => {
    const form = { year: String(req.body?.year ?? ''), arrangement: String(req.body?.arrangement ?? '') };
    try {
      if (!/^\d{4}$/.test(form.year)) throw badRequest(`「年份」应为四位数字，如 2027（收到「${form.year}」）`);
      let body: unknown;
      try {
        body = JSON.parse(form.arrangement);
      } catch (err) {
        throw badRequest(`「安排」不是有效的 JSON：${(err as Error).message}`);
      }
      const change = await calendarAdmin.putYear(Number(form.year), body, userOf(req)!);
      render(res, { flash: `已载入 ${change.year} 年安排（放假 ${change.arrangement.holidays.length} 天，调休上班 ${change.arrangement.workdays.length} 天），重新计算了 ${change.recomputed} 个期限` });
    } catch (err) {
      refused(res, err, form);
    }
  });

  r.post('/admin/calendar/closures', requireWebRole('admin'), async (req, res) => {
    const form = { date: String(req.body?.date ?? ''), name: String(req.body?.name ?? '') };
    try {
      const added = await calendarAdmin.addClosure(form.date, form.name, userOf(req)!);
      render(res, { flash: `已增加 ${added.date}「${added.name}」为停止办公日，重新计算了 ${added.recomputed} 个期限` });
    } catch (err) {
      refused(res, err, form);
    }
  });

  return r;
}
