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

const LINE_HEIGHT = 14;
const LABEL_CHARS = 10;

/**
 * Long names wrap onto as many lines as they need (never cut: a department or procedure is read
 * whole), at most LABEL_CHARS characters a line, broken after punctuation where one is near.
 */
export function wrapLabel(label: string, max = LABEL_CHARS): string[] {
  const chars = [...label];
  const lines: string[] = [];
  while (chars.length > max) {
    let cut = max;
    for (let i = max; i > max / 2; i--) if (/[（(·、，,\s-]/.test(chars[i]!)) { cut = i; break; }
    lines.push(chars.splice(0, cut).join('').trimEnd());
  }
  if (chars.length || !lines.length) lines.push(chars.join(''));
  return lines;
}

/**
 * A horizontal grouped bar chart: one group per label (department, procedure), one bar per
 * series, the value written at the end of each bar. Bars share one scale, the largest value.
 * The chart grows downwards as labels wrap and as the legend needs more rows.
 */
export function barChartSvg(chart: BarChart): string {
  for (const s of chart.series) if (!COLOR.test(s.color)) throw new Error(`chart colour must be a hex colour, got ${s.color}`);
  const barsHeight = chart.series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  const title = escapeXml(chart.title);
  const legend: string[] = [];
  let x = 0;
  let legendY = 26;
  for (const s of chart.series) {
    const w = 14 + [...s.name].length * 12 + 14;
    if (x > 0 && x + w > WIDTH) {
      x = 0;
      legendY += 16;
    }
    legend.push(`<rect x="${x}" y="${legendY}" width="10" height="10" fill="${s.color}"/><text x="${x + 14}" y="${legendY + 9}" font-size="11" fill="#616e7c">${escapeXml(s.name)}</text>`);
    x += w;
  }
  const top0 = TOP + (legendY - 26);
  const max = Math.max(1, ...chart.groups.flatMap((g) => g.values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0))));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / max;
  const body: string[] = [];
  let top = top0;
  for (const g of chart.groups) {
    const lines = wrapLabel(g.label);
    const height = Math.max(barsHeight, lines.length * LINE_HEIGHT);
    const label = escapeXml(g.label);
    body.push(`<g class="bar-group" data-label="${label}"><title>${label}</title>`);
    const firstLine = top + height / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2 + 4;
    body.push(`<text x="${LABEL_WIDTH - 8}" y="${firstLine}" font-size="12" text-anchor="end" fill="#1f2933">${lines.length === 1 ? escapeXml(lines[0]!) : lines.map((l, i) => `<tspan x="${LABEL_WIDTH - 8}" dy="${i === 0 ? 0 : LINE_HEIGHT}">${escapeXml(l)}</tspan>`).join('')}</text>`);
    const barsTop = top + (height - barsHeight) / 2;
    chart.series.forEach((s, si) => {
      const raw = g.values[si] ?? 0;
      const value = Number.isFinite(raw) && raw > 0 ? raw : 0;
      const y = barsTop + si * (BAR_HEIGHT + BAR_GAP);
      const w = Math.round(value * scale * 10) / 10;
      body.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="${s.color}" data-series="${escapeXml(s.name)}" data-value="${value}"/>`);
      body.push(`<text x="${LABEL_WIDTH + w + 4}" y="${y + BAR_HEIGHT - 3}" font-size="11" fill="#1f2933">${value}</text>`);
    });
    body.push('</g>');
    top += height + GROUP_GAP;
  }
  if (!chart.groups.length) body.push(`<text x="0" y="${top0 + 16}" font-size="12" fill="#616e7c">暂无数据</text>`);
  const height = (chart.groups.length ? top - GROUP_GAP : top0 + 30) + 8;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${title}" viewBox="0 0 ${WIDTH} ${height}" width="100%" style="max-width:${WIDTH}px">`,
    `<title>${title}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="600" fill="#1f2933">${title}</text>`,
    ...legend,
    ...body,
    '</svg>',
  ].join('');
}
