import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

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
  readonly queries: string[];
  close(): Promise<void>;
}

/** A stand-in collector (a real HTTP server) answering GET /query/requests-summary. */
export async function startFakeCollector(): Promise<FakeCollector> {
  const queries: string[] = [];
  const server: Server = createServer((req, res) => {
    queries.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rows: COLLECTOR_ROWS }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
