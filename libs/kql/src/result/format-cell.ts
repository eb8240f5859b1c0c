import type { Cell, KqlType } from '../types';

/** Kusto counts time in 100 ns ticks: 10,000 to the millisecond. */
const ticksPerMs = 10_000;
const ticksPerSecond = 10_000_000;
const ticksPerDay = 864_000_000_000;

/** A datetime as the API writes it: ISO 8601 with 7 fractional digits ("2026-12-01T07:54:14.8310000Z"). */
export function formatDatetime(ms: number): string | null {
  const whole = Math.floor(ms);
  const date = new Date(whole);
  if (Number.isNaN(date.getTime())) return null;
  const extraTicks = Math.round((ms - whole) * ticksPerMs);
  const fraction = String(date.getUTCMilliseconds() * ticksPerMs + extraTicks).padStart(7, '0');
  return `${date.toISOString().slice(0, 19)}.${fraction}Z`;
}

/** A timespan as the API writes it: "[-][d.]hh:mm:ss[.fffffff]". */
export function formatTimespan(ms: number): string {
  let ticks = Math.round(Math.abs(ms) * ticksPerMs);
  const sign = ms < 0 && ticks > 0 ? '-' : '';
  const days = Math.floor(ticks / ticksPerDay);
  ticks -= days * ticksPerDay;
  const seconds = Math.floor(ticks / ticksPerSecond);
  const fraction = ticks - seconds * ticksPerSecond;
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${sign}${days > 0 ? `${days}.` : ''}${hh}:${mm}:${ss}${fraction > 0 ? `.${String(fraction).padStart(7, '0')}` : ''}`;
}

/** A number the API cannot carry as JSON (NaN, ±Infinity) is written as Kusto writes it, a string. */
function formatReal(value: number): number | string {
  if (Number.isFinite(value)) return value;
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}

/** One result cell as the Log Analytics API returns it, by its column's type. */
export function formatCell(value: Cell, type: KqlType): unknown {
  if (value === null || value === undefined) return type === 'string' ? '' : null;
  switch (type) {
    case 'datetime':
      return typeof value === 'number' ? formatDatetime(value) : null;
    case 'timespan':
      return typeof value === 'number' ? formatTimespan(value) : null;
    case 'dynamic':
      return JSON.stringify(value);
    case 'real':
    case 'long':
    case 'int':
      return typeof value === 'number' ? formatReal(value) : null;
    default:
      return value;
  }
}
