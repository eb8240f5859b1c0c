import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_LOG_FORMATS, createAccessLog, REDACTED, type AccessLogEntry } from './index';

const SECRETS = ['s3cr3t-token', 'AKIAEXAMPLE', 'sig-deadbeef', 'hunter2'];

const entry: AccessLogEntry = {
  time: new Date(Date.UTC(2026, 10, 21, 4, 5, 6)),
  remoteAddress: '127.0.0.1',
  method: 'GET',
  url: `/books/2?access_token=${SECRETS[0]}&X-Amz-Credential=${SECRETS[1]}&page=2;sig=${SECRETS[2]}#password=${SECRETS[3]}`,
  httpVersion: '1.1',
  status: 200,
  bytes: 512,
  durationMs: 3.2,
  requestId: 'req-1',
};

describe('access log: a line never carries a secret query value', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'access-log-redaction-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(ACCESS_LOG_FORMATS)('in the %s format, including a url given as a field', async (format) => {
    const file = join(dir, `${format}.log`);
    const log = createAccessLog({ format, destination: file });
    log.write(entry);
    log.write({ ...entry, fields: { url: `/override?token=${SECRETS[0]}`, cluster: 'live' } });
    await log.close();
    const text = readFileSync(file, 'utf8');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain(`access_token=${REDACTED}`);
    expect(text).toContain('page=2');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
  });
});
