/** A period as people say it: P15CD 15 日, P5WD 5 个工作日, PT24H 24 小时; anything else as written. */
export function periodText(period: unknown): string {
  if (typeof period !== 'string' || !period) return '';
  const statutory = /^P(\d+)(WD|CD)$/.exec(period);
  if (statutory) return statutory[2] === 'WD' ? `${statutory[1]} 个工作日` : `${statutory[1]} 日`;
  const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(period);
  if (!iso) return period;
  const units = ['年', '个月', '周', '日', '小时', '分钟'];
  const parts = iso.slice(1).map((n, i) => (n ? `${n} ${units[i]}` : '')).filter(Boolean);
  return parts.length ? parts.join(' ') : period;
}

