import { type AccessLogEntry } from './access-log-entry';
import { redactUrl } from './redact-url';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The classic common log format (`host ident authuser [date] "request" status bytes`),
 * followed by `key=value` pairs for what CLF has no column for, so that the line still
 * parses with every CLF tool while `grep V2MIR` finds the mirrored requests.
 *
 *   127.0.0.1 - - [21/Nov/2026:04:35:42 +0000] "GET /books/2/reviews HTTP/1.1" 200 512 duration_ms=3.2 version=V1MIR-LiveBookService request_id=5f0c…
 */
export function formatCommonLogLine(entry: AccessLogEntry): string {
  const request = `${entry.method} ${sanitize(redactUrl(entry.url))} HTTP/${entry.httpVersion}`;
  const head = `${entry.remoteAddress ?? '-'} - - [${formatClfDate(entry.time)}] "${request}" ${entry.status} ${entry.bytes ?? '-'}`;
  const pairs: string[] = [`duration_ms=${entry.durationMs.toFixed(1)}`];
  if (entry.versionTag !== undefined) pairs.push(`version=${sanitizeValue(entry.versionTag)}`);
  if (entry.requestId !== undefined) pairs.push(`request_id=${sanitizeValue(entry.requestId)}`);
  for (const [key, value] of Object.entries(entry.fields ?? {})) {
    // A url given as a field is redacted like the request line's (the JSON format does the same).
    if (value !== undefined) pairs.push(`${key}=${sanitizeValue(key === 'url' ? redactUrl(String(value)) : String(value))}`);
  }
  return `${head} ${pairs.join(' ')}`;
}

/** `21/Nov/2026:04:35:42 +0000`, always in UTC. */
export function formatClfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/** A request line is client-controlled: keep it on one line and inside its quotes. */
// eslint-disable-next-line no-control-regex -- escaping control characters is the point
const UNSAFE = /[\x00-\x1f\x7f"\\]/g;

function sanitize(text: string): string {
  return text.replace(UNSAFE, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function sanitizeValue(text: string): string {
  return sanitize(text).replace(/\s/g, '_');
}
