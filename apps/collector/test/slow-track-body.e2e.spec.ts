import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { type Collector } from '../src/collector.app';
import { tempDir } from './support/temp-dir';
import { startTestCollector } from '../src/testing';

/** Generous for a busy 2-core machine: the bounds below are 1 s, checked every second. */
const ANSWER_WITHIN_MS = 5_000;

/** Writes `head`, then nothing; resolves with what the server answered once it closed. */
function stall(socket: Socket, head: string): Promise<{ answer: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    const giveUp = setTimeout(() => socket.destroy(), ANSWER_WITHIN_MS * 2);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ answer, ms: performance.now() - t0 });
    });
    socket.write(head);
  });
}

/**
 * Regression: the collector serves fastify from its own HTTPS and HTTP servers, which had no
 * request bound: half a track body, then silence, held the connection without an answer.
 */
describe('stalled track body is never cut on the collector listeners', () => {
  let collector: Collector;
  let removeDir: () => Promise<void>;

  beforeAll(async () => {
    const dir = await tempDir('slow-track');
    removeDir = dir.remove;
    collector = await startTestCollector(dir.path, { HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await collector.close();
    await removeDir();
  });

  const post = (path: string) =>
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[ `;

  it('answers 408 on the HTTPS track listener', async () => {
    const port = Number(new URL(collector.listeners.secureUrl).port);
    const socket = connectTls({ host: '127.0.0.1', port, ca: collector.tls.cert, servername: 'localhost' });
    const { answer, ms } = await stall(socket, post('/v2.1/track'));
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  });

  it('answers 408 to a stalled head on the plain query listener', async () => {
    const port = Number(new URL(collector.listeners.plainUrl).port);
    const { answer, ms } = await stall(connectTcp(port, '127.0.0.1'), 'GET /query/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  });
});
