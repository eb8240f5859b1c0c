import { type AccessLogEntry } from './access-log-entry';
import { IsoTimeCache } from './iso-time-cache';
import { jsonString } from './json-string';
import { redactUrl } from './redact-url';

/** pino's info level: the lines were pino records and still read as such. */
const HEAD = '{"level":30,"time":"';
const TAIL = ',"msg":"request completed"}\n';

/** The entry's own keys, in the order they are written; `fields` with one of these names replace its value in place. */
const ENTRY_KEYS = new Set([
  'time_received',
  'remote_address',
  'method',
  'url',
  'http_version',
  'status',
  'bytes',
  'duration_ms',
  'version_tag',
  'request_id',
  'user_agent',
]);

type FieldValue = string | number | boolean | undefined;

/** One value as JSON, or undefined when the key is left out (as pino leaves out undefined). */
function jsonValue(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
      return undefined;
    default:
      return JSON.stringify(value);
  }
}

/** `,"key":` per field name: the names are few and come back on every line. */
const KEY_PREFIXES = new Map<string, string>();
const MAX_CACHED_KEYS = 256;

function keyPrefix(key: string): string {
  let prefix = KEY_PREFIXES.get(key);
  if (prefix === undefined) {
    prefix = `,${jsonString(key)}:`;
    if (KEY_PREFIXES.size < MAX_CACHED_KEYS) KEY_PREFIXES.set(key, prefix);
  }
  return prefix;
}

function pairs(values: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (const key in values) {
    if (!Object.prototype.hasOwnProperty.call(values, key)) continue;
    const value = jsonValue(values[key]);
    if (value !== undefined) out += keyPrefix(key) + value;
  }
  return out;
}

function hasEntryKey(fields: Readonly<Record<string, FieldValue>>): boolean {
  for (const key in fields) if (ENTRY_KEYS.has(key)) return true;
  return false;
}

/**
 * Writes access-log entries as JSON lines, byte for byte what pino wrote for them before
 * (`{"level":30,"time":…,"time_received":…,…,"msg":"request completed"}`), without pino's
 * generic serializer: the keys are known, so the line is concatenated directly.
 */
export class JsonLogLine {
  private readonly now = new IsoTimeCache();
  private readonly received = new IsoTimeCache();

  /** The line (newline included) for `entry`, logged at `nowMs` (epoch milliseconds). */
  format(entry: AccessLogEntry, nowMs: number): string {
    const fields = entry.fields;
    const head = `${HEAD}${this.now.format(nowMs)}"`;
    if (fields !== undefined && hasEntryKey(fields)) return `${head}${pairs(this.overridden(entry, fields))}${TAIL}`;
    let line = `${head},"time_received":${this.receivedTime(entry.time)}`;
    if (entry.remoteAddress !== undefined) line += `,"remote_address":${jsonString(entry.remoteAddress)}`;
    line += `,"method":${jsonString(entry.method)},"url":${jsonString(redactUrl(entry.url))},"http_version":${jsonString(entry.httpVersion)}`;
    line += `,"status":${jsonValue(entry.status) as string}`;
    if (entry.bytes !== undefined) line += `,"bytes":${jsonValue(entry.bytes) as string}`;
    line += `,"duration_ms":${jsonValue(roundedDuration(entry.durationMs)) as string}`;
    if (entry.versionTag !== undefined) line += `,"version_tag":${jsonString(entry.versionTag)}`;
    if (entry.requestId !== undefined) line += `,"request_id":${jsonString(entry.requestId)}`;
    if (entry.userAgent !== undefined) line += `,"user_agent":${jsonString(entry.userAgent)}`;
    if (fields !== undefined) line += pairs(fields);
    return line + TAIL;
  }

  /** The entry with its fields on top; a url given as a field is redacted like the entry's own. */
  private overridden(entry: AccessLogEntry, fields: Readonly<Record<string, FieldValue>>): Record<string, unknown> {
    const values: Record<string, unknown> = { ...this.entryValues(entry), ...fields };
    if (typeof values['url'] === 'string') values['url'] = redactUrl(values['url']);
    return values;
  }

  /** The entry as the record pino was given, for the rare line whose fields override one of its keys. */
  private entryValues(entry: AccessLogEntry): Record<string, unknown> {
    const time = entry.time.getTime();
    return {
      time_received: Number.isFinite(time) ? this.received.format(time) : null,
      remote_address: entry.remoteAddress,
      method: entry.method,
      url: entry.url,
      http_version: entry.httpVersion,
      status: entry.status,
      bytes: entry.bytes,
      duration_ms: roundedDuration(entry.durationMs),
      version_tag: entry.versionTag,
      request_id: entry.requestId,
      user_agent: entry.userAgent,
    };
  }

  /** An invalid Date is written as null: a log line must never throw inside a request's completion. */
  private receivedTime(time: Date): string {
    const ms = time.getTime();
    return Number.isFinite(ms) ? `"${this.received.format(ms)}"` : 'null';
  }
}

/** Tenths of a millisecond: enough for an access log, and short. */
function roundedDuration(durationMs: number): number {
  return Math.round(durationMs * 10) / 10;
}
