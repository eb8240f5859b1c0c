// The upstreams a proxy benchmark forwards to: small node:http servers answering a small JSON body at
// once, or after a delay, or with 500 on a fixed share of requests. Each counts what it received.
import { createServer } from 'node:http';

const BODY = Buffer.from(JSON.stringify({ id: 1, title: 'The Comedy of Errors', reviews: 2 }));
const ERROR_BODY = Buffer.from(JSON.stringify({ code: 'UPSTREAM_FAILURE', message: 'failing on purpose' }));
/** A large JSON answer (about 250 KiB) for the shadow diff's flood case: every one would be held if nothing bounded it. */
const LARGE_BODY = Buffer.from(
  JSON.stringify({
    id: 1,
    reviews: Array.from({ length: 2_000 }, (_, i) => ({ reviewer: `reviewer-${i}`, rating: i % 5, text: 'x'.repeat(80) })),
  }),
);
/** Longer than any keep-alive idle gap during a run, so connections are reused, not re-opened. */
const KEEP_ALIVE_TIMEOUT_MS = 60_000;

/** name → behaviour. `failEvery`: of each `of` consecutive requests, the first `fail` answer 500. */
export const UPSTREAM_KINDS = {
  live: {},
  'mirror-fast': {},
  'mirror-slow': { delayMs: 1200 },
  'mirror-500': { fail: 2, of: 5 },
  'live-large': { large: true },
};

function answer(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
}

/** Starts one upstream on 127.0.0.1:0; resolves with { port, count(), close() }. */
export function startUpstream({ delayMs = 0, fail = 0, of = 1, large = false } = {}) {
  const body = large ? LARGE_BODY : BODY;
  let received = 0;
  const server = createServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }, (req, res) => {
    const n = received++;
    const status = n % of < fail ? 500 : 200;
    // The body (if any) is drained so that the connection stays usable.
    req.resume();
    const reply = () => answer(res, status, status === 200 ? body : ERROR_BODY);
    if (delayMs > 0) setTimeout(reply, delayMs);
    else req.once('end', reply);
  });
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  server.requestTimeout = 0;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        count: () => received,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
