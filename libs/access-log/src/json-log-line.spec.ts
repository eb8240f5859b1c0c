import pino from 'pino';
import { type AccessLogEntry } from './access-log-entry';
import { JsonLogLine } from './json-log-line';

const NOW = Date.UTC(2026, 10, 21, 7, 30, 0, 123);

const base: AccessLogEntry = {
  time: new Date(Date.UTC(2026, 10, 21, 7, 29, 59, 987)),
  remoteAddress: '127.0.0.1',
  method: 'GET',
  url: '/books/2/reviews?x=1',
  httpVersion: '1.1',
  status: 200,
  bytes: 512,
  durationMs: 3.24,
  versionTag: 'V1MIR-LiveBookService',
  requestId: 'req-1',
  userAgent: 'curl/8.5.0',
  fields: { route: 'books', cluster: 'bookservice', error: undefined, mirror: false },
};

/** The line the access log wrote through pino before (same call, same options, the clock fixed). */
function pinoLine(entry: AccessLogEntry): string {
  let written = '';
  const logger = pino(
    { base: null, messageKey: 'msg', timestamp: () => `,"time":"${new Date(NOW).toISOString()}"` },
    { write: (line: string) => void (written += line) },
  );
  logger.info(
    {
      time_received: entry.time.toISOString(),
      remote_address: entry.remoteAddress,
      method: entry.method,
      url: entry.url,
      http_version: entry.httpVersion,
      status: entry.status,
      bytes: entry.bytes,
      duration_ms: Math.round(entry.durationMs * 10) / 10,
      version_tag: entry.versionTag,
      request_id: entry.requestId,
      user_agent: entry.userAgent,
      ...entry.fields,
    },
    'request completed',
  );
  return written;
}

const cases: Record<string, AccessLogEntry> = {
  'a sidecar line': base,
  'a book-service line without fields': { ...base, fields: undefined, userAgent: undefined },
  'optional fields absent': { ...base, remoteAddress: undefined, bytes: undefined, versionTag: undefined, requestId: undefined },
  'quotes and backslashes': { ...base, url: '/a"b\\c', userAgent: 'say "hi" \\o/' },
  'control characters': { ...base, url: '/a\nb\rc\td\u0000e\u001f\u007f', requestId: 'x\u0008y' },
  'unicode, emoji and U+2028': { ...base, url: '/büchër/書/😀?q=\u2028\u2029', userAgent: 'Mozilla/5.0 (été)' },
  'a user agent past 100 characters': { ...base, userAgent: `${'Mozilla/5.0 '.repeat(12)}"quoted"` },
  'durations rounded to a tenth': { ...base, durationMs: 0.04999 },
  'a non-finite duration': { ...base, durationMs: Number.NaN },
  'fields of every value type, and odd keys': { ...base, fields: { n: 1.5, t: true, s: 'v', u: undefined, 'we"ird\n': 'k' } },
  'fields overriding an entry key keep its position': { ...base, fields: { status: 599, route: 'r', url: '/other' } },
};

describe('JsonLogLine', () => {
  it.each(Object.entries(cases))('writes what pino wrote: %s', (_name, entry) => {
    expect(new JsonLogLine().format(entry, NOW)).toBe(pinoLine(entry));
  });

  it('writes one parseable line with the fields in order', () => {
    const line = new JsonLogLine().format(base, NOW);
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(Object.keys(JSON.parse(line) as object)).toEqual([
      'level',
      'time',
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
      'route',
      'cluster',
      'mirror',
      'msg',
    ]);
  });

  it('keeps a hostile request target inside its string and on one line', () => {
    const url = '/x","status":999,"y":"\n{"level":60}';
    const line = new JsonLogLine().format({ ...base, url }, NOW);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed.url).toBe(url);
    expect(parsed.status).toBe(200);
  });

  it('escapes a lone surrogate instead of writing invalid UTF-8', () => {
    const url = '/a\ud800b\udc00';
    const line = new JsonLogLine().format({ ...base, url }, NOW);
    expect(line).toContain('"url":"/a\\ud800b\\udc00"');
    expect((JSON.parse(line) as { url: string }).url).toBe(url);
  });

  it('writes an invalid received time as null rather than throwing', () => {
    const line = new JsonLogLine().format({ ...base, time: new Date(Number.NaN) }, NOW);
    expect((JSON.parse(line) as { time_received: unknown }).time_received).toBeNull();
  });

  it('formats each line with its own times', () => {
    const log = new JsonLogLine();
    const first = JSON.parse(log.format(base, NOW)) as { time: string; time_received: string };
    const later = JSON.parse(log.format({ ...base, time: new Date(NOW) }, NOW + 1)) as { time: string; time_received: string };
    expect(first).toMatchObject({ time: '2026-11-21T07:30:00.123Z', time_received: '2026-11-21T07:29:59.987Z' });
    expect(later).toMatchObject({ time: '2026-11-21T07:30:00.124Z', time_received: '2026-11-21T07:30:00.123Z' });
  });
});
