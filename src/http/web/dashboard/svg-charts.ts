/**
 * Server-rendered bar charts: the dashboard needs no client script (the pages' CSP forbids inline
 * ones anyway) and prints as it looks. The markup is built here, so every text that goes into it
 * (department and procedure names come from users and diagrams) is escaped here.
 */

export interface ChartSeries {
  name: string;
  /** A CSS colour; series colours are fixed by the caller, never user data. */
  color: string;
}

export interface ChartGroup {
  label: string;
  values: number[];
}

export interface BarChart {
  title: string;
  series: ChartSeries[];
  groups: ChartGroup[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const COLOR = /^#[0-9a-fA-F]{3,8}$/;
const WIDTH = 560;
const LABEL_WIDTH = 150;
const BAR_HEIGHT = 14;
const BAR_GAP = 3;
const GROUP_GAP = 14;
const TOP = 48;
const VALUE_ROOM = 40;

/** Long names are cut so that the label column stays readable; the full name is the bar group's tooltip. */
function shorten(label: string, max = 10): string {
  const chars = [...label];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : label;
}

/**
 * A horizontal grouped bar chart: one group per label (department, procedure), one bar per
 * series, the value written at the end of each bar. Bars share one scale, the largest value.
 */
export function barChartSvg(chart: BarChart): string {
  for (const s of chart.series) if (!COLOR.test(s.color)) throw new Error(`chart colour must be a hex colour, got ${s.color}`);
  const groupHeight = chart.series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  const body = chart.groups.length ? chart.groups.length * (groupHeight + GROUP_GAP) : 30;
  const height = TOP + body + 8;
  const max = Math.max(1, ...chart.groups.flatMap((g) => g.values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0))));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / max;
  const title = escapeXml(chart.title);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${title}" viewBox="0 0 ${WIDTH} ${height}" width="100%" style="max-width:${WIDTH}px">`,
    `<title>${title}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="600" fill="#1f2933">${title}</text>`,
  ];
  let x = 0;
  for (const s of chart.series) {
    out.push(`<rect x="${x}" y="26" width="10" height="10" fill="${s.color}"/><text x="${x + 14}" y="35" font-size="11" fill="#616e7c">${escapeXml(s.name)}</text>`);
    x += 14 + [...s.name].length * 12 + 14;
  }
  if (!chart.groups.length) out.push(`<text x="0" y="${TOP + 16}" font-size="12" fill="#616e7c">暂无数据</text>`);
  chart.groups.forEach((g, gi) => {
    const top = TOP + gi * (groupHeight + GROUP_GAP);
    const label = escapeXml(g.label);
    out.push(`<g class="bar-group" data-label="${label}"><title>${label}</title>`);
    out.push(`<text x="${LABEL_WIDTH - 8}" y="${top + groupHeight / 2 + 4}" font-size="12" text-anchor="end" fill="#1f2933">${escapeXml(shorten(g.label))}</text>`);
    chart.series.forEach((s, si) => {
      const raw = g.values[si] ?? 0;
      const value = Number.isFinite(raw) && raw > 0 ? raw : 0;
      const y = top + si * (BAR_HEIGHT + BAR_GAP);
      const w = Math.round(value * scale * 10) / 10;
      out.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="${s.color}" data-series="${escapeXml(s.name)}" data-value="${value}"/>`);
      out.push(`<text x="${LABEL_WIDTH + w + 4}" y="${y + BAR_HEIGHT - 3}" font-size="11" fill="#1f2933">${value}</text>`);
    });
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}
