import { type Point } from './drift';

export interface ChartSeries {
  readonly name: string;
  readonly unit: string;
  readonly colour: string;
  readonly points: readonly Point[];
}

const WIDTH = 800;
const PANEL_HEIGHT = 200;
const MARGIN = { left: 70, right: 20, top: 30, bottom: 30 };

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panel(series: ChartSeries, top: number, maxT: number): string {
  const values = series.points.map((p) => p.value);
  const [lo, hi] = [Math.min(0, ...values), Math.max(1e-9, ...values) * 1.1];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (t: number): number => MARGIN.left + (maxT === 0 ? 0 : (t / maxT) * plotW);
  const y = (v: number): number => top + MARGIN.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const line = series.points.map((p) => `${x(p.tS).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const axisY = top + MARGIN.top + plotH;
  return [
    `<text x="${MARGIN.left}" y="${top + 18}" font-size="14">${escapeXml(`${series.name} (${series.unit})`)}</text>`,
    `<line x1="${MARGIN.left}" y1="${axisY}" x2="${WIDTH - MARGIN.right}" y2="${axisY}" stroke="#888"/>`,
    `<line x1="${MARGIN.left}" y1="${top + MARGIN.top}" x2="${MARGIN.left}" y2="${axisY}" stroke="#888"/>`,
    `<text x="${MARGIN.left - 6}" y="${top + MARGIN.top + 4}" font-size="11" text-anchor="end">${hi.toFixed(1)}</text>`,
    `<text x="${MARGIN.left - 6}" y="${axisY}" font-size="11" text-anchor="end">${lo.toFixed(1)}</text>`,
    `<text x="${WIDTH - MARGIN.right}" y="${axisY + 16}" font-size="11" text-anchor="end">${(maxT / 60).toFixed(1)} min</text>`,
    `<polyline fill="none" stroke="${series.colour}" stroke-width="1.5" points="${line}"/>`,
  ].join('\n');
}

/** One panel per series, stacked, sharing the time axis: a self-contained SVG, no dependencies. */
export function renderSoakChart(title: string, series: readonly ChartSeries[]): string {
  const maxT = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.tS)));
  const height = 30 + series.length * PANEL_HEIGHT;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="20" font-size="16" text-anchor="middle">${escapeXml(title)}</text>`,
    ...series.map((s, i) => panel(s, 30 + i * PANEL_HEIGHT, maxT)),
    '</svg>',
    '',
  ].join('\n');
}
