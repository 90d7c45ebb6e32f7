/**
 * The days off fixed by 全国年节及纪念日放假办法 (as amended by the State Council on
 * 10 November 2024, in force from 2025) for holidays of all citizens. Used for years whose
 * State Council arrangement has not been published: such years are provisional, and this is
 * our best knowledge of them.
 *
 * 第二条 lists the holidays of all citizens (全体公民放假的节日): 元旦 1 day (1月1日); 春节
 * 4 days (农历除夕、正月初一至初三); 清明节 1 day; 劳动节 2 days (5月1日、2日); 端午节 1 day;
 * 中秋节 1 day; 国庆节 3 days (10月1日至3日). The half days and the children's day of 第三条
 * are for some citizens only and close no office.
 *
 * 第六条: 全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假。部分公民放假的假日，
 * 如果适逢星期六、星期日，则不补假。 The article says "on a working day"; the State Council's
 * notices give the make-up day (补休) on the next one: 2014 清明 on Saturday 4/5 → Monday 4/7,
 * 2015 端午 on Saturday 6/20 → Monday 6/22, 2016 劳动节 on Sunday 5/1 → Monday 5/2, 2017 元旦 on
 * Sunday → Monday 1/2. So makeUpDays() gives each statutory day on a Saturday or Sunday the
 * first following weekday that is neither a statutory day nor already a make-up day.
 *
 * Deliberately NOT modelled, because only the yearly State Council notice decides them
 * (第七条 leaves 调休 to it): bridging days, adjusted working weekends, and the extra day when
 * 中秋 coincides with 国庆. A provisional year therefore has every day off the 办法 itself
 * guarantees and no more; a notice may still add days off and turn weekends into working days,
 * either way, which is why its deadlines stay marked provisional.
 */
import { addDays, isWeekend } from './dates.ts';
import { lunarNewYearsEve, lunarToSolar, qingming } from './lunar.ts';

export interface StatutoryDay {
  date: string;
  name: string;
}

export const HOLIDAY_NAMES = {
  newYear: '元旦',
  springFestival: '春节',
  qingming: '清明节',
  labourDay: '劳动节',
  dragonBoat: '端午节',
  midAutumn: '中秋节',
  nationalDay: '国庆节',
} as const;

/** What a provisional year's arrangement rests on, shown with it (admin page, API). */
export const PROVISIONAL_SOURCE = '按《全国年节及纪念日放假办法》第二条、第六条暂定（法定节日及其补假；调休以国务院办公厅通知为准）';

/** How a make-up day is named: after the festival whose weekend day it makes up. */
export const MAKE_UP_SUFFIX = '（补假）';

const byDateOrder = (a: StatutoryDay, b: StatutoryDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Statutory days off in `year` (2004–2100), sorted by date; a date shared by two festivals is listed once with both names. */
export function statutoryHolidays(year: number): StatutoryDay[] {
  const n = HOLIDAY_NAMES;
  const eve = lunarNewYearsEve(year);
  const days: StatutoryDay[] = [
    { date: `${year}-01-01`, name: n.newYear },
    ...[0, 1, 2, 3].map((i) => ({ date: addDays(eve, i), name: n.springFestival })),
    { date: qingming(year), name: n.qingming },
    { date: `${year}-05-01`, name: n.labourDay },
    { date: `${year}-05-02`, name: n.labourDay },
    { date: lunarToSolar(year, 5, 5), name: n.dragonBoat },
    { date: lunarToSolar(year, 8, 15), name: n.midAutumn },
    { date: `${year}-10-01`, name: n.nationalDay },
    { date: `${year}-10-02`, name: n.nationalDay },
    { date: `${year}-10-03`, name: n.nationalDay },
  ];
  const byDate = new Map<string, string>();
  for (const { date, name } of days) {
    const existing = byDate.get(date);
    byDate.set(date, existing && existing !== name ? `${existing}、${name}` : name);
  }
  return [...byDate.entries()].map(([date, name]) => ({ date, name })).sort(byDateOrder);
}

/**
 * The make-up days (补假) 第六条 owes in `year`, sorted: one for each statutory day on a
 * Saturday or Sunday, on the first following weekday that is not already off. 2027: 除夕 is
 * Friday 2/5 and 初一, 初二 fall on the weekend, 初三 is Monday 2/8, so 2/9 and 2/10 are owed.
 * Every festival lies between January and early October, so a make-up day never leaves the year.
 */
export function makeUpDays(year: number): StatutoryDay[] {
  const statutory = statutoryHolidays(year);
  const off = new Set(statutory.map((s) => s.date));
  const owed: StatutoryDay[] = [];
  for (const { date, name } of statutory) {
    if (!isWeekend(date)) continue;
    let day = addDays(date, 1);
    while (isWeekend(day) || off.has(day)) day = addDays(day, 1);
    off.add(day);
    owed.push({ date: day, name: `${name}${MAKE_UP_SUFFIX}` });
  }
  return owed;
}

/** What a provisional year has off: the statutory days and the make-up days they owe, sorted. */
export function provisionalHolidays(year: number): StatutoryDay[] {
  return [...statutoryHolidays(year), ...makeUpDays(year)].sort(byDateOrder);
}
