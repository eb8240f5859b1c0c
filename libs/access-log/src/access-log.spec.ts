import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccessLog, formatCommonLogLine, type AccessLogEntry } from './index';

const entry: AccessLogEntry = {
  time: new Date(Date.UTC(2026, 10, 21, 4, 5, 6)),
  remoteAddress: '127.0.0.1',
  method: 'GET',
  url: '/books/2/reviews?x=1',
  httpVersion: '1.1',
  status: 200,
  bytes: 512,
  durationMs: 3.24,
  versionTag: 'V1MIR-LiveBookService',
  requestId: 'req-1',
  fields: { cluster: 'bookservice', skipped: undefined },
};

describe('common log format', () => {
  it('writes the CLF columns then key=value pairs', () => {
    expect(formatCommonLogLine(entry)).toBe(
      '127.0.0.1 - - [21/Nov/2026:04:05:06 +0000] "GET /books/2/reviews?x=1 HTTP/1.1" 200 512 ' +
        'duration_ms=3.2 version=V1MIR-LiveBookService request_id=req-1 cluster=bookservice',
    );
  });

  it('keeps a hostile request target on one line and inside its quotes', () => {
    const line = formatCommonLogLine({ ...entry, url: '/a"b\nc', bytes: undefined, remoteAddress: undefined, requestId: 'x y' });
    expect(line).toContain('"GET /a\\x22b\\x0ac HTTP/1.1" 200 -');
    expect(line.startsWith('- - - [')).toBe(true);
    expect(line).toContain('request_id=x_y');
    expect(line).not.toContain('\n');
  });
});

describe('createAccessLog', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'access-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes JSON lines that keep every field', async () => {
    const file = join(dir, 'json.log');
    const log = createAccessLog({ format: 'json', destination: file });
    log.write(entry);
    log.write({ ...entry, status: 500 });
    await log.close();
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      method: 'GET',
      url: '/books/2/reviews?x=1',
      status: 200,
      duration_ms: 3.2,
      version_tag: 'V1MIR-LiveBookService',
      request_id: 'req-1',
      cluster: 'bookservice',
    });
    expect(lines[1]).toMatchObject({ status: 500 });
  });

  it('writes common lines', async () => {
    const file = join(dir, 'common.log');
    const log = createAccessLog({ format: 'common', destination: file });
    log.write(entry);
    await log.close();
    expect(readFileSync(file, 'utf8')).toBe(`${formatCommonLogLine(entry)}\n`);
  });
});

describe('createAccessLog after close', () => {
  it('drops later lines instead of throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'access-log-'));
    const file = join(dir, 'closed.log');
    const log = createAccessLog({ format: 'common', destination: file });
    log.write(entry);
    await log.close();
    expect(() => log.write(entry)).not.toThrow();
    await log.close();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
