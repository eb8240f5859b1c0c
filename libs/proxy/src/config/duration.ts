const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Istio-style durations: `"250ms"`, `"10s"`, `"1.5s"`, `"2m"`, `"1h"`. */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

export const DURATION_RULE = 'must be a duration such as "250ms", "10s" or "1m"';

/** Milliseconds of a duration string already validated against DURATION_PATTERN. */
export function durationToMs(text: string): number {
  const match = DURATION_PATTERN.exec(text);
  if (match === null) throw new RangeError(`"${text}" ${DURATION_RULE}`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}
