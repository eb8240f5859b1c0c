import { type IncomingMessage, type ServerResponse } from 'node:http';
import { sendProblem } from '../forwarding/send-problem';
import { type ProxyStats } from '../observability/proxy-stats';

export interface AdminHandlerOptions {
  readonly stats: ProxyStats;
  /** The config in force (secrets are not expected in it: it names clusters and routes). */
  readonly config: () => unknown;
  /** Ready means: config loaded and not shutting down. */
  readonly ready: () => boolean;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** The admin endpoints as a plain request listener, so another server can mount them. */
export function createAdminHandler(options: AdminHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = (req.url ?? '').split('?', 1)[0];
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return void sendProblem(res, 405, 'METHOD_NOT_ALLOWED', 'admin endpoints accept GET only');
    switch (path) {
      case '/metrics': {
        const body = options.stats.renderPrometheus();
        res.writeHead(200, {
          'content-type': 'text/plain; version=0.0.4; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'cache-control': 'no-store',
        });
        return void res.end(body);
      }
      case '/stats':
        return sendJson(res, 200, options.stats.snapshot());
      case '/config':
        return sendJson(res, 200, options.config());
      case '/health/live':
        return sendJson(res, 200, { status: 'live' });
      case '/health/ready':
        return options.ready() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'not ready' });
      default:
        return void sendProblem(res, 404, 'NOT_FOUND', 'admin endpoints: /metrics, /stats, /config, /health/live, /health/ready');
    }
  };
}
