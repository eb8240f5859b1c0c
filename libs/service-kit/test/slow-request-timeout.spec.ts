import { slowClient as slowClientOf } from '@mirrormesh/testing';
import { startThings, type RunningService } from './support/test-service';

/** Generous for a busy 2-core machine: the bounds below are 1 s, checked every second. */
const ANSWER_WITHIN_MS = 5_000;

/** The shared slow client, giving up at twice the bound this spec allows. */
function slowClient(port: number, head: string, piece?: string): Promise<{ answer: string; ms: number }> {
  return slowClientOf(port, head, { piece, giveUpMs: ANSWER_WITHIN_MS * 2 });
}

/**
 * Regression: the chaos corpus found a body trickled 8 bytes every 2 s, or half a body then
 * silence, never answered by the Nest apps (fastify's requestTimeout is 0, and Node checks its
 * header timeout every 30 s). Each is now cut with a 408 problem within the configured bound.
 */
describe('slow or stalled request body is never cut', () => {
  let things: RunningService;

  beforeAll(async () => {
    things = await startThings({ headersTimeoutMs: 1_000, requestTimeoutMs: 1_000 });
  });
  afterAll(async () => {
    await things.close();
  });

  const post = 'POST /things HTTP/1.1\r\nHost: things.local\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[';

  const expectTimeout = ({ answer, ms }: { answer: string; ms: number }) => {
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  };

  it('cuts a trickled body with a 408 problem', async () => {
    expectTimeout(await slowClient(things.port, post, '{"a":1},'));
  });

  it('cuts a stalled body (half of it, then silence) with a 408 problem', async () => {
    expectTimeout(await slowClient(things.port, post + ' '.repeat(50_000)));
  });

  it('cuts a trickled head (slowloris) with a 408 problem', async () => {
    expectTimeout(await slowClient(things.port, 'GET /things HTTP/1.1\r\nHost: things.local\r\n', 'X-Slow: 1\r\n'));
  });

  it('still serves a prompt request on the same settings', async () => {
    const body = '{"a":1}';
    const { answer } = await slowClient(
      things.port,
      `POST /things HTTP/1.1\r\nHost: things.local\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer).toMatch(/^HTTP\/1.1 201/);
  });
});
