/** Milliseconds in an Application Insights timespan (`d.hh:mm:ss.fffffff`); NaN when malformed. */
export function timespanToMs(value: string): number {
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(value);
  if (match === null) return Number.NaN;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  const wholeSeconds = ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
  return wholeSeconds * 1000 + (fraction === '' ? 0 : Number(`0.${fraction}`) * 1000);
}
