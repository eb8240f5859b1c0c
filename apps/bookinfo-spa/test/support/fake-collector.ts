import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { answerLabQueries, type FakeQueryHandler } from './fake-log-analytics';

/** Rows as the collector's requests summary returns them (one extra key the SPA must drop). */
export const COLLECTOR_ROWS = [
  {
    name: 'GET /books/:id/reviews',
    podVersion: 'V1MIR-LiveBookService',
    resultCode: '200',
    duration: 3.5,
    requestCount: 12,
    p50: 3,
    p95: 5,
    p99: 6,
    extra: 'ignored',
  },
  {
    name: 'GET /books/:id/reviews',
    podVersion: 'V3MIR-BookServiceDelay',
    resultCode: '200',
    duration: 301,
    requestCount: 12,
    p50: 300,
    p95: 305,
    p99: 310,
  },
];

export interface FakeCollector {
  readonly url: string;
  /** The URLs of the summary GETs. */
  readonly queries: string[];
  /** The bodies of the POST /query requests, parsed. */
  readonly posts: unknown[];
  close(): Promise<void>;
}

/**
 * A stand-in collector (a real HTTP server): GET /query/requests-summary answers `rows`, and
 * POST /query (Log Analytics' query API) answers what `answerQuery` says.
 */
export async function startFakeCollector(
  rows: readonly object[] = COLLECTOR_ROWS,
  answerQuery: FakeQueryHandler = answerLabQueries,
): Promise<FakeCollector> {
  const queries: string[] = [];
  const posts: unknown[] = [];
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/query') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; timespan?: string };
        posts.push(body);
        const answer = answerQuery(body);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.raw ?? JSON.stringify(answer.body));
      });
      return;
    }
    queries.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rows }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
