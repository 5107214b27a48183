import { html, type SafeHtml } from '../html.ts';

/** One value on the chart. */
export interface ChartPoint {
  /** The category (a period key) the point sits above; must be one of the chart's `categories`. */
  x: string;
  y: number;
  /** Where the point links: the report it came from. */
  href: string;
  /** Tooltip text (escaped). */
  label: string;
  /** Sources disagree on this value: drawn as a hollow red ring. */
  conflict?: boolean;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
  /** The values the line joins, one per category at most; the other points stand alone. */
  line?: { x: string; y: number }[];
}

export interface ChartOptions {
  /** The x axis, left to right. */
  categories: string[];
  series: ChartSeries[];
  /** Accessible name of the chart. */
  title: string;
  /** Shown after tick values (`%`). */
  unit?: string;
  width?: number;
  height?: number;
}

/** Colours a person can tell apart, also in grey print; the n-th series takes the n-th. */
const COLOURS = ['#0b5cad', '#c2410c', '#15803d', '#7e22ce'];
const PAD = { top: 16, right: 16, bottom: 56, left: 56 };

/**
 * A line chart as server-rendered SVG: no script, so it works offline and under a CSP without
 * inline script. Every point is a link (`<a href>`) with a `<title>` tooltip; every text goes
 * through the `html` template, so scraped names are escaped.
 */
export function lineChart(options: ChartOptions): SafeHtml {
  const { categories, series, title, unit = '', width = 600, height = 300 } = options;
  const values = series.flatMap((s) => s.points.map((p) => p.y));
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 5);
  const [lo, hi] = [ticks[0], ticks[ticks.length - 1]];
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, categories.length);
  const xOf = (cat: string) => PAD.left + step * (categories.indexOf(cat) + 0.5);
  const yOf = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const slanted = categories.length > 6;
  // Points sharing a period (two regions, or sources that disagree) stand side by side, not on top of each other.
  const shift = new Map<ChartPoint, number>();
  for (const cat of categories) {
    const here = series.flatMap((s) => s.points.filter((p) => p.x === cat));
    here.forEach((p, k) => shift.set(p, (k - (here.length - 1) / 2) * Math.min(14, step / (here.length + 1))));
  }
  const cx = (p: ChartPoint) => xOf(p.x) + (shift.get(p) ?? 0);
  const fmt = (v: number) => `${round(v)}${unit}`;

  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg" aria-label="${title}">
<title>${title}</title>
<g class="grid">${ticks.map((t) => html`<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${yOf(t)}" y2="${yOf(t)}" stroke="${t === 0 ? '#59636e' : '#d1d9e0'}"/><text x="${PAD.left - 6}" y="${yOf(t) + 4}" text-anchor="end" font-size="13" fill="#59636e">${fmt(t)}</text>`)}</g>
<g class="x-axis">${categories.map((c) => {
    const x = xOf(c);
    const y = height - PAD.bottom + 16;
    return slanted
      ? html`<text x="${x}" y="${y}" font-size="11" fill="#59636e" text-anchor="end" transform="rotate(-35 ${x} ${y})">${c}</text>`
      : html`<text x="${x}" y="${y}" font-size="13" fill="#59636e" text-anchor="middle">${c}</text>`;
  })}</g>
${series.map((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const line = (s.line ?? []).filter((p) => categories.includes(p.x));
    return html`<g class="series" data-series="${s.name}">
${line.length > 1 ? html`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${line.map((p) => `${xOf(p.x)},${yOf(p.y)}`).join(' ')}"/>` : ''}
${s.points.map(
      (p) => html`<a href="${p.href}" class="${p.conflict ? 'point conflict' : 'point'}" data-x="${p.x}" data-y="${p.y}"><title>${p.label}</title>${p.conflict ? html`<circle cx="${cx(p)}" cy="${yOf(p.y)}" r="7" fill="#fff" stroke="#cf222e" stroke-width="3"/>` : html`<circle cx="${cx(p)}" cy="${yOf(p.y)}" r="5" fill="${colour}"/>`}</a>`,
    )}
</g>`;
  })}
<g class="legend">${series.map((s, i) => html`<rect x="${PAD.left + i * 160}" y="${height - 14}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/><text x="${PAD.left + i * 160 + 16}" y="${height - 4}" font-size="13">${s.name}</text>`)}</g>
</svg>`;
}

/** About `count` round tick values (1, 2, 2.5 or 5 times a power of ten) covering [min, max]. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (min === max) [min, max] = [min - 1, max + 1];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(round(t));
  if (ticks[ticks.length - 1] < max) ticks.push(round(ticks[ticks.length - 1] + step));
  return ticks;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
