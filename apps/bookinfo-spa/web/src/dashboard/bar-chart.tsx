export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly kind: 'live' | 'mirror';
}

const WIDTH = 360;
const ROW = 30;
const LABEL = 110;
const VALUE = 70;

/** Horizontal bars, live beside mirror, as inline SVG; the numbers are also in the accessible name. */
export function BarChart({
  title,
  bars,
  format,
  minScale = Number.MIN_VALUE,
}: {
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly format: (value: number | null) => string;
  /** The value a full bar stands for at least: 0.4 % of errors must not look like a full bar. */
  readonly minScale?: number;
}) {
  const max = Math.max(...bars.map((b) => b.value ?? 0), minScale);
  const height = bars.length * ROW + 8;
  const room = WIDTH - LABEL - VALUE;
  const summary = bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${title}. ${summary}`} preserveAspectRatio="xMinYMin meet">
        <title>{`${title}. ${summary}`}</title>
        {bars.map((bar, i) => {
          const y = 4 + i * ROW;
          const width = bar.value === null ? 0 : Math.max(2, (bar.value / max) * room);
          return (
            <g key={bar.label} data-bar={bar.label}>
              <text x={LABEL - 8} y={y + ROW / 2} className="bar-label" textAnchor="end" dominantBaseline="middle">
                {bar.label}
              </text>
              <rect x={LABEL} y={y + 4} width={width} height={ROW - 10} rx={3} className={`bar bar-${bar.kind}`} />
              <text x={LABEL + width + 6} y={y + ROW / 2} className="bar-value" dominantBaseline="middle">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
