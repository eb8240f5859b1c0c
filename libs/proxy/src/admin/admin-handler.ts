import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type DiffReport } from '../diff/diff-report';
import { sendProblem } from '../forwarding/send-problem';
import { renderDiffPrometheus } from '../observability/diff-metrics';
import { type IstioMetrics } from '../observability/istio-metrics';
import { type ProxyStats } from '../observability/proxy-stats';
import { createAdminWriteHandler, isWritePath, type AdminWriteOptions } from './admin-writes';

export interface AdminHandlerOptions {
  readonly stats: ProxyStats;
  /** Also on /metrics: Istio's standard metrics (empty while not enabled in the config). */
  readonly istioMetrics?: Pick<IstioMetrics, 'renderPrometheus'>;
  /** The config in force as GET /config shows it (redacted: see redactConfig). */
  readonly config: () => unknown;
  /** Where the config in force came from (e.g. `file`, `admin-api`): the `x-config-source` header of /config answers. */
  readonly configSource?: () => string;
  /** Ready means: config loaded and not shutting down. */
  readonly ready: () => boolean;
  /** The shadow diff's report (GET /diff, and its counters on /metrics); usually `() => proxy.diffReport()`. */
  readonly diff?: () => DiffReport;
  /** Enables PUT /config and PUT /routes/<name>/weights; without it the admin API is read-only. */
  readonly writes?: AdminWriteOptions;
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

function sendConfig(res: ServerResponse, options: AdminHandlerOptions): void {
  if (options.configSource !== undefined) res.setHeader('x-config-source', options.configSource());
  sendJson(res, 200, options.config());
}

/** The admin endpoints as a plain request listener, so another server can mount them. */
export function createAdminHandler(options: AdminHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const write = options.writes === undefined ? undefined : createAdminWriteHandler(options.writes, (res) => sendConfig(res, options));
  return (req, res) => {
    const path = (req.url ?? '').split('?', 1)[0] as string;
    if (req.method === 'PUT' && write !== undefined && isWritePath(path)) return write(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.shouldKeepAlive = false;
      return void sendProblem(
        res,
        405,
        'METHOD_NOT_ALLOWED',
        write === undefined
          ? 'admin endpoints accept GET only'
          : 'admin endpoints accept GET, and PUT on /config and /routes/<name>/weights',
      );
    }
    switch (path) {
      case '/metrics': {
        const diff = options.diff === undefined ? '' : renderDiffPrometheus(options.diff());
        const body = options.stats.renderPrometheus() + (options.istioMetrics?.renderPrometheus() ?? '') + diff;
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
        return sendConfig(res, options);
      case '/diff':
        if (options.diff === undefined) return void sendProblem(res, 404, 'NOT_FOUND', 'this admin API has no shadow diff');
        return sendJson(res, 200, options.diff());
      case '/health/live':
        return sendJson(res, 200, { status: 'live' });
      case '/health/ready':
        return options.ready() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'not ready' });
      default:
        return void sendProblem(res, 404, 'NOT_FOUND', 'admin endpoints: /metrics, /stats, /config, /diff, /health/live, /health/ready');
    }
  };
}
