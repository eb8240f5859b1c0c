/** The value axis of a chart: from 0 (or the lowest value, when below 0) to the highest value. */
export interface ValueScale {
  readonly min: number;
  readonly max: number;
  /** 0 at `min`, 1 at `max`. */
  at(value: number): number;
  readonly ticks: readonly number[];
}

export function valueScale(values: readonly (number | null)[]): ValueScale {
  const present = values.filter((v): v is number => v !== null);
  const min = Math.min(0, ...present);
  const highest = Math.max(0, ...present);
  // An all-zero series still gets an axis one unit tall, so it is drawn on the baseline.
  const max = highest > min ? highest : min + 1;
  return { min, max, at: (value) => (value - min) / (max - min), ticks: [min, (min + max) / 2, max] };
}

/** An axis label: at most 3 decimals, thousands grouped. */
export function formatTick(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** A time on the x axis: `08:01` within a day, otherwise `12-01 08:01` (UTC, as the API's times). */
export function formatTime(ms: number, spanMs: number): string {
  const iso = new Date(ms).toISOString();
  return spanMs < 86_400_000 ? iso.slice(11, 16) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

/** A category label that fits under a bar. */
export function shortLabel(label: string, max = 14): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}
