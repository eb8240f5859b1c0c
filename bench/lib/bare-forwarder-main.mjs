// The floor under the sidecar: node:http in, one undici Pool out, with the sidecar's listener and cluster
// settings, and nothing but the copy of status, headers and body: no routing, access log, metrics, request
// ids, x-forwarded headers, diagnostics events, timeouts or retries. What node:http plus undici cost by
// themselves on this machine. Of client-abort handling it keeps only what a forwarder cannot run without:
// a response nobody reads any more is aborted, so it does not hold its upstream connection (the sidecar
// also aborts, with a listener per request, a request whose client leaves before the answer starts).
// Run by lib/bare-forwarder.mjs:
//   node bare-forwarder-main.mjs <port> <livePort>      (listens on 127.0.0.1, forwards to 127.0.0.1:<livePort>)
import { createServer } from 'node:http';
import { Pool } from 'undici';

/** The sidecar's listener (SIDECAR_DEFAULTS.keepAliveTimeoutMs) and a cluster's defaults (PROXY_DEFAULTS). */
const LISTENER_KEEP_ALIVE_TIMEOUT_MS = 65_000;
const CLUSTER = { connections: 64, connectTimeoutMs: 5_000, keepAliveTimeoutMs: 4_000 };
/** The sidecar's list (libs/proxy upstream-headers.ts), minus its handling of names listed in `Connection:`. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'http2-settings',
]);

const [port, livePort] = process.argv.slice(2).map(Number);
if (!Number.isInteger(port) || !Number.isInteger(livePort)) {
  console.error('usage: node bare-forwarder-main.mjs <port> <livePort>');
  process.exit(2);
}

const pool = new Pool(`http://127.0.0.1:${livePort}`, {
  connections: CLUSTER.connections,
  pipelining: 1,
  connect: { timeout: CLUSTER.connectTimeoutMs },
  keepAliveTimeout: CLUSTER.keepAliveTimeoutMs,
  keepAliveMaxTimeout: CLUSTER.keepAliveTimeoutMs,
});

/** undici's dispatch handler (the v2 API, the only one in undici 8): status and headers, then the body with backpressure; 502 if nothing was sent. */
class CopyHandler {
  constructor(res) {
    this.res = res;
  }
  onRequestStart() {}
  onResponseStart(_controller, statusCode, headers) {
    if (statusCode < 200) return;
    const out = {};
    for (const name in headers) if (!HOP_BY_HOP.has(name)) out[name] = headers[name];
    this.res.writeHead(statusCode, out);
  }
  onResponseData(controller, chunk) {
    if (this.res.write(chunk)) return;
    // write() also says false once the client has left; no 'drain' comes then, and a paused
    // dispatch would hold its upstream connection until undici's 300 s body timeout.
    if (this.res.destroyed) return controller.abort(new Error('client closed the connection'));
    controller.pause();
    this.res.once('drain', () => controller.resume());
    this.res.once('close', () => {
      if (!this.res.writableFinished) controller.abort(new Error('client closed the connection'));
    });
  }
  onResponseEnd() {
    this.res.end();
  }
  onResponseError(_controller, _error) {
    if (this.res.headersSent) this.res.destroy();
    else this.res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway\n');
  }
}

const server = createServer({ keepAliveTimeout: LISTENER_KEEP_ALIVE_TIMEOUT_MS }, (req, res) => {
  const raw = req.rawHeaders;
  const headers = [];
  let hasBody = false;
  for (let i = 0; i < raw.length; i += 2) {
    const lower = raw[i].toLowerCase();
    if (lower === 'transfer-encoding' || (lower === 'content-length' && raw[i + 1] !== '0')) hasBody = true;
    if (!HOP_BY_HOP.has(lower)) headers.push(raw[i], raw[i + 1]);
  }
  pool.dispatch({ path: req.url, method: req.method, headers, body: hasBody ? req : null }, new CopyHandler(res));
});
server.listen(port, '127.0.0.1');

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.destroy().then(() => process.exit(0));
});
