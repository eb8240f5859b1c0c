/** The time ranges offered, as Log Analytics' `timespan` parameter (ISO 8601); `all` sends none. */
export const TIMESPANS = [
  { value: 'PT15M', label: 'Last 15 min' },
  { value: 'PT1H', label: 'Last hour' },
  { value: 'P1D', label: 'Last 24 hours' },
  { value: 'all', label: 'All time' },
] as const;

export type TimespanChoice = (typeof TIMESPANS)[number]['value'];

/** Log Analytics' Logs page opens on the last 24 hours too. */
export const DEFAULT_TIMESPAN: TimespanChoice = 'P1D';

export function isTimespanChoice(value: string): value is TimespanChoice {
  return TIMESPANS.some((t) => t.value === value);
}
