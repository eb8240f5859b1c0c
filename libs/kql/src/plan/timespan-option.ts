import { KqlError, messages } from '../errors';
import type { TimeRange } from './time-range';

const duration = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** An ISO 8601 duration without years or months (whose length varies): PT15M, P1D, P1DT12H. */
function parseDuration(text: string): number | undefined {
  const match = duration.exec(text);
  if (!match || text.toUpperCase() === 'P' || text.toUpperCase().endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return ((((weeks ?? 0) * 7 + (days ?? 0)) * 24 + (hours ?? 0)) * 60 + (minutes ?? 0)) * 60_000 + (seconds ?? 0) * 1000;
}

function parseInstant(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const withZone = /T/.test(text) && !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? `${text}Z` : text;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Log Analytics' `timespan` parameter to the rows' `timestamp` bounds (from inclusive, to exclusive):
 * a duration ends now; `start/end`, `start/duration` and `duration/end` are intervals.
 */
export function parseTimespanOption(value: string, now: number): TimeRange {
  const fail = () => new KqlError('EvaluationError', messages.badTimespanOption(value));
  const parts = value.trim().split('/');
  if (parts.length === 1) {
    const length = parseDuration(parts[0]!);
    if (length === undefined) throw fail();
    return { from: now - length, to: now + 1 };
  }
  if (parts.length !== 2) throw fail();
  const [first, second] = parts as [string, string];
  const start = parseInstant(first);
  const end = parseInstant(second);
  if (start !== undefined && end !== undefined) return { from: start, to: end };
  if (start !== undefined) {
    const length = parseDuration(second);
    if (length !== undefined) return { from: start, to: start + length };
  }
  if (end !== undefined) {
    const length = parseDuration(first);
    if (length !== undefined) return { from: end - length, to: end };
  }
  throw fail();
}
