import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { type Collector } from '../src/collector.app';
import { runReport } from '../src/report/run-report';
import { requestEnvelope } from './support/envelopes';
import { tempDir } from './support/temp-dir';
import { startTestCollector } from '../src/testing';

async function report(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runReport(argv, { out: (text) => (out += text), err: (text) => (err += text), env: {} });
  return { code, out, err };
}

describe('mirrormesh-report against a running collector', () => {
  let collector: Collector;
  let removeDir: () => Promise<void>;

  beforeAll(async () => {
    const dir = await tempDir('report');
    removeDir = dir.remove;
    collector = await startTestCollector(dir.path);
    const agent = new Agent({ connect: { ca: collector.tls.cert } });
    const response = await request(new URL('/v2.1/track', collector.listeners.secureUrl), {
      method: 'POST',
      dispatcher: agent,
      body: JSON.stringify([
        requestEnvelope({ versionTag: 'V1MIR-LiveBookService', duration: '00:00:00.010' }),
        requestEnvelope({ versionTag: 'V1MIR-LiveBookService', duration: '00:00:00.030' }),
        requestEnvelope({ versionTag: 'V3MIR-BookServiceDelay', duration: '00:00:01.200' }),
        requestEnvelope({ versionTag: 'other', duration: '00:00:00.001' }),
      ]),
    });
    await response.body.dump();
    await agent.close();
  });

  afterAll(async () => {
    await collector.close();
    await removeDir();
  });

  it('prints the lab table with percentiles', async () => {
    const { code, out } = await report(['--url', collector.listeners.plainUrl]);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'name                    podVersion              resultCode  duration  requestCount     p50     p95     p99',
      '----------------------  ----------------------  ----------  --------  ------------  ------  ------  ------',
      'GET /books/:id/reviews  V1MIR-LiveBookService          200      20.0             2    10.0    30.0    30.0',
      'GET /books/:id/reviews  V3MIR-BookServiceDelay         200    1200.0             1  1200.0  1200.0  1200.0',
      '',
    ]);
  });

  it('prints JSON rows with --json and honours --contains and --since', async () => {
    const { code, out } = await report(['--json', `--url=${collector.listeners.plainUrl}`, '--contains', 'V3MIR', '--since', '1h']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      {
        name: 'GET /books/:id/reviews',
        podVersion: 'V3MIR-BookServiceDelay',
        resultCode: '200',
        duration: 1200,
        requestCount: 1,
        p50: 1200,
        p95: 1200,
        p99: 1200,
      },
    ]);
  });

  // Regression: `--since abc` went to the collector and its raw problem JSON was printed.
  it('refuses a bad --since itself, naming the option and the rule, and says what is wrong with usage errors', async () => {
    const badSince = await report(['--url', collector.listeners.plainUrl, '--since', 'later']);
    expect(badSince.code).toBe(2);
    expect(badSince.err).toContain('mirrormesh-report: --since must be a duration like 15m, 2h, 7d or an ISO 8601 date-time (got "later")');
    expect(badSince.err).not.toContain('{');
    const usage = await report(['--colour']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('unknown argument "--colour"');
  });

  it('exits 1 with one clear line when the collector is not reachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { code, err } = await report(['--url', `http://127.0.0.1:${port}`]);
    expect(code).toBe(1);
    expect(err).toBe(
      `mirrormesh-report: cannot reach the collector at http://127.0.0.1:${port} (ECONNREFUSED); is it running? (--url / COLLECTOR_URL)\n`,
    );
  });
});
