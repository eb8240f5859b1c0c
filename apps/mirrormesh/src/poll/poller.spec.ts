import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { poll } from './poller';
import { pollPath, plannedRequests } from './poll-plan';
import { formatPollResult } from './poll-report';
import { renderProgress } from './progress-bar';

describe('poll plan', () => {
  it('requests each book page, then its reviews, cycling through the books', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => pollPath(i, [2, 4], '/api'))).toEqual([
      '/api/books/2',
      '/api/books/2/reviews',
      '/api/books/4',
      '/api/books/4/reviews',
      '/api/books/2',
      '/api/books/2/reviews',
    ]);
  });

  it('plans by count or by duration at the rate', () => {
    expect(plannedRequests({ requests: 7 }, 100)).toBe(7);
    expect(plannedRequests({ durationMs: 2500 }, 40)).toBe(100);
  });
});

describe('poll', () => {
  let server: Server;
  let url: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.url} ${req.headers['end-user'] ?? ''}`);
      const status = req.url === '/api/books/4/reviews' ? 500 : 200;
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the planned requests on schedule and counts errors by status', async () => {
    seen.length = 0;
    const progress: number[] = [];
    const result = await poll({
      url,
      pathPrefix: '/api',
      books: [3, 4],
      rate: 200,
      stop: { requests: 40 },
      headers: { 'end-user': 'jason' },
      onProgress: (p) => progress.push(p.done),
    });
    expect(result).toMatchObject({ requests: 40, ok: 30, errors: 10, errorsByStatus: { '500': 10 }, interrupted: false });
    expect(seen).toHaveLength(40);
    expect(seen.every((line) => line.endsWith(' jason'))).toBe(true);
    // 40 requests at 200/s are spread over ~195 ms, not fired at once.
    expect(result.elapsedMs).toBeGreaterThanOrEqual(190);
    expect(progress.at(-1)).toBe(40);
    expect(result.latency.p99).toBeGreaterThan(0);
    expect(formatPollResult(result)).toContain('ok 30, errors 10\n    500: 10');
  });

  it('counts refused connections as errors instead of failing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await poll({ url: `http://127.0.0.1:${port}`, pathPrefix: '', books: [1], rate: 100, stop: { requests: 3 } });
    expect(result).toMatchObject({ requests: 3, ok: 0, errors: 3, errorsByStatus: { ECONNREFUSED: 3 } });
  });

  it('stops early when its signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await poll({ url, pathPrefix: '/api', books: [1], rate: 50, stop: { requests: 1000 }, signal: controller.signal });
    expect(result.interrupted).toBe(true);
    expect(result.requests).toBeLessThan(20);
  });
});

describe('renderProgress', () => {
  it('draws a bar, the count, the percentage, the rate and the errors', () => {
    expect(renderProgress({ planned: 200, sent: 60, done: 50, errors: 2, elapsedMs: 2500 })).toBe(
      '[#######---------------------]  50/200   25%  20.0 req/s  errors 2',
    );
  });
});
