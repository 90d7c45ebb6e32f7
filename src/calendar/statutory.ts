/**
 * The statutory days off fixed by 全国年节及纪念日放假办法 (as amended in 2024, in force from
 * 2025) for holidays of all citizens. Used for years whose State Council arrangement has not
 * been published: such years are provisional, and this is our best knowledge of them.
 *
 * Deliberately NOT modelled, because only the yearly State Council notice decides them:
 * bridging days, adjusted working weekends, the substitute day off (补假) owed when a
 * statutory day falls on a weekend, and the extra day when 中秋 coincides with 国庆.
 */
import { addDays } from './dates.ts';
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
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, name]) => ({ date, name }));
}
