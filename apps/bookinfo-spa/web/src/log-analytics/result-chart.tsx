import type { ChartData } from './chart-fit';
import { formatTick, formatTime, shortLabel, valueScale } from './chart-scale';

const WIDTH = 640;
const HEIGHT = 260;
const TOP = 12;
const RIGHT = 16;
const BOTTOM = 40;
/** Room for value labels; a barchart's category labels need more. */
const LEFT = 56;
const LEFT_BARS = 130;
/** Points get dots up to this many; beyond, the line alone reads better. */
const MAX_DOTS = 60;

/** `render timechart|columnchart|barchart` drawn as inline SVG: first column x, every other column a series. */
export function ResultChart({ chart }: { readonly chart: ChartData }) {
  const scale = valueScale(chart.series.flatMap((s) => s.values));
  const left = chart.kind === 'barchart' ? LEFT_BARS : LEFT;
  const plot = { x: left, y: TOP, w: WIDTH - left - RIGHT, h: HEIGHT - TOP - BOTTOM };
  const names = chart.series.map((s) => s.name).join(', ');
  const label = `${chart.kind} of ${names} by ${chart.xName}, ${chart.xs.length} points`;
  return (
    <figure className="chart query-chart" data-query-chart={chart.kind}>
      <figcaption>
        {chart.series.map((s, i) => (
          <span key={s.name} className="legend-item">
            <span className={`swatch series-fill-${i}`} aria-hidden="true" />
            {s.name}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="xMinYMin meet">
        <title>{label}</title>
        {chart.kind === 'barchart' ? <BarsAcross chart={chart} plot={plot} scale={scale} /> : <ValueAxis plot={plot} scale={scale} />}
        {chart.kind === 'timechart' && <Lines chart={chart} plot={plot} scale={scale} />}
        {chart.kind === 'columnchart' && <Columns chart={chart} plot={plot} scale={scale} />}
      </svg>
    </figure>
  );
}

interface Plot {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
type Scale = ReturnType<typeof valueScale>;

/** Horizontal grid lines with their values, for charts whose values go up. */
function ValueAxis({ plot, scale }: { readonly plot: Plot; readonly scale: Scale }) {
  return (
    <g className="axis">
      {scale.ticks.map((tick) => {
        const y = plot.y + plot.h - scale.at(tick) * plot.h;
        return (
          <g key={tick}>
            <line x1={plot.x} x2={plot.x + plot.w} y1={y} y2={y} className="grid-line" />
            <text x={plot.x - 6} y={y} textAnchor="end" dominantBaseline="middle" className="axis-label">
              {formatTick(tick)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Lines({ chart, plot, scale }: { readonly chart: ChartData; readonly plot: Plot; readonly scale: Scale }) {
  const first = chart.xs[0] ?? 0;
  const span = (chart.xs.at(-1) ?? first) - first;
  const xOf = (t: number) => plot.x + (span === 0 ? plot.w / 2 : ((t - first) / span) * plot.w);
  const yOf = (v: number) => plot.y + plot.h - scale.at(v) * plot.h;
  const ticks = span === 0 ? [first] : [first, first + span / 2, first + span];
  return (
    <>
      <g className="axis">
        {ticks.map((t) => (
          <text key={t} x={xOf(t)} y={plot.y + plot.h + 18} textAnchor="middle" className="axis-label">
            {formatTime(t, span)}
          </text>
        ))}
      </g>
      {chart.series.map((s, i) => {
        const points = s.values.flatMap((v, p) => (v === null ? [] : [{ x: xOf(chart.xs[p] ?? first), y: yOf(v) }]));
        return (
          <g key={s.name} data-series={s.name} data-points={points.length}>
            <polyline
              points={points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
              className={`series-line series-stroke-${i}`}
            />
            {points.length <= MAX_DOTS && points.map((p, k) => <circle key={k} cx={p.x} cy={p.y} r={3} className={`series-fill-${i}`} />)}
          </g>
        );
      })}
    </>
  );
}

function Columns({ chart, plot, scale }: { readonly chart: ChartData; readonly plot: Plot; readonly scale: Scale }) {
  const band = plot.w / chart.labels.length;
  const bar = (band * 0.8) / chart.series.length;
  const base = plot.y + plot.h - scale.at(Math.max(scale.min, 0)) * plot.h;
  const every = Math.ceil(chart.labels.length / 12);
  return (
    <>
      {chart.labels.map((label, p) =>
        p % every === 0 ? (
          <text key={p} x={plot.x + band * (p + 0.5)} y={plot.y + plot.h + 18} textAnchor="middle" className="axis-label">
            {shortLabel(label, Math.max(4, Math.floor((band * every) / 7)))}
          </text>
        ) : null,
      )}
      {chart.series.map((s, i) => (
        <g key={s.name} data-series={s.name} data-points={s.values.filter((v) => v !== null).length}>
          {s.values.map((v, p) => {
            if (v === null) return null;
            const top = plot.y + plot.h - scale.at(v) * plot.h;
            return (
              <rect
                key={p}
                x={plot.x + band * p + band * 0.1 + bar * i}
                y={Math.min(top, base)}
                width={Math.max(1, bar - 1)}
                height={Math.max(1, Math.abs(base - top))}
                className={`series-fill-${i}`}
              >
                <title>{`${chart.labels[p] ?? ''}: ${s.name} ${formatTick(v)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
    </>
  );
}

function BarsAcross({ chart, plot, scale }: { readonly chart: ChartData; readonly plot: Plot; readonly scale: Scale }) {
  const band = plot.h / chart.labels.length;
  const bar = (band * 0.8) / chart.series.length;
  const base = plot.x + scale.at(Math.max(scale.min, 0)) * plot.w;
  return (
    <>
      <g className="axis">
        {scale.ticks.map((tick) => {
          const x = plot.x + scale.at(tick) * plot.w;
          return (
            <g key={tick}>
              <line x1={x} x2={x} y1={plot.y} y2={plot.y + plot.h} className="grid-line" />
              <text x={x} y={plot.y + plot.h + 18} textAnchor="middle" className="axis-label">
                {formatTick(tick)}
              </text>
            </g>
          );
        })}
      </g>
      {chart.labels.map((label, p) => (
        <text key={p} x={plot.x - 6} y={plot.y + band * (p + 0.5)} textAnchor="end" dominantBaseline="middle" className="axis-label">
          {shortLabel(label, 18)}
        </text>
      ))}
      {chart.series.map((s, i) => (
        <g key={s.name} data-series={s.name} data-points={s.values.filter((v) => v !== null).length}>
          {s.values.map((v, p) => {
            if (v === null) return null;
            const end = plot.x + scale.at(v) * plot.w;
            return (
              <rect
                key={p}
                x={Math.min(end, base)}
                y={plot.y + band * p + band * 0.1 + bar * i}
                width={Math.max(1, Math.abs(end - base))}
                height={Math.max(1, bar - 1)}
                className={`series-fill-${i}`}
              >
                <title>{`${chart.labels[p] ?? ''}: ${s.name} ${formatTick(v)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
    </>
  );
}
