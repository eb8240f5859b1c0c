/** Literal text (`15m`, `1.02:03:04.5`, `2026-12-01T07:54`) to the engine's values; undefined when unreadable. */

const msPerUnit: Readonly<Record<string, number>> = {
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  ms: 1,
  milli: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
  microsecond: 0.001,
  microseconds: 0.001,
  tick: 0.0001,
  ticks: 0.0001,
};

const unitForm = /^(-?\d+(?:\.\d+)?)\s*([a-z]+)$/i;
const clockForm = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/** A timespan literal's text to milliseconds. */
export function parseTimespan(text: string): number | undefined {
  const trimmed = text.trim();
  const unit = unitForm.exec(trimmed);
  if (unit) {
    const factor = msPerUnit[(unit[2] ?? '').toLowerCase()];
    return factor === undefined ? undefined : Number(unit[1]) * factor;
  }
  const clock = clockForm.exec(trimmed);
  if (clock) {
    const [, sign, days, hours, minutes, seconds, fraction] = clock;
    const ms =
      Number(days ?? 0) * 86_400_000 +
      Number(hours) * 3_600_000 +
      Number(minutes) * 60_000 +
      Number(seconds ?? 0) * 1000 +
      (fraction ? Number(`0.${fraction}`) * 1000 : 0);
    return sign ? -ms : ms;
  }
  if (/^-?\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed) * msPerUnit.d!; // a bare number is days
  return undefined;
}

const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A datetime literal's text to epoch milliseconds (UTC unless it says otherwise). */
export function parseDatetime(text: string): number | undefined {
  let iso = text.trim().replace(' ', 'T');
  if (iso.includes('T') && !hasZone.test(iso)) iso += 'Z';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A number literal's text (`42`, `2.5`, `1e3`, `0x10`). */
export function parseNumber(text: string): number | undefined {
  const value = Number(text.trim());
  return Number.isNaN(value) ? undefined : value;
}
