import { type IncomingMessage, type ServerResponse } from 'node:http';
import { PROXY_DEFAULTS } from '../config/proxy-defaults';
import { type Proxy } from '../proxy';
import { AdminRequestError, ProxyConfigError } from '../errors';
import { sendProblem } from '../forwarding/send-problem';
import { bearerTokenCheck } from './admin-token';
import { configChanges, restartWarning, type BoundAddresses, type ConfigChanges } from './config-changes';
import { readJsonBody } from './read-json-body';
import { currentWeights, weightsOf, withRouteWeights } from './route-weights';

export interface AdminWriteOptions {
  /** The proxy whose config `PUT /config` and `PUT /routes/<name>/weights` replace (through `reload`). */
  readonly proxy: Pick<Proxy, 'config' | 'reload'>;
  /** When set, a write needs `Authorization: Bearer <token>` (401 otherwise). Never logged or echoed. */
  readonly token?: string;
  /** Default PROXY_DEFAULTS.adminMaxBodyBytes (1 MiB); past it 413. */
  readonly maxBodyBytes?: number;
  /** Told of each change applied, for one log line: names and weights, never header values. */
  readonly onApplied?: (change: AdminChange) => void;
  /**
   * Where the process bound its listener and admin server (the config it started with): a
   * `PUT /config` that moves them is applied, and answered with an `x-config-warning`.
   */
  readonly bound?: BoundAddresses;
}

export type AdminChange =
  | { readonly kind: 'weights'; readonly route: string; readonly before: Record<string, number>; readonly after: Record<string, number> }
  | ({ readonly kind: 'config' } & ConfigChanges);

export type AdminWriteHandler = (req: IncomingMessage, res: ServerResponse, path: string) => void;

const WEIGHTS_PATH = /^\/routes\/([^/]+)\/weights$/;

/** Is this a path a PUT may go to? (Other methods there get 405, not 404.) */
export function isWritePath(path: string): boolean {
  return path === '/config' || WEIGHTS_PATH.test(path);
}

/**
 * `PUT /config` and `PUT /routes/<name>/weights`: each builds a whole config and applies it
 * with `proxy.reload`, so it is validated exactly as a config file is and swapped in
 * atomically; the answer is the config now in force (as `answer` renders it, redacted).
 */
export function createAdminWriteHandler(options: AdminWriteOptions, answer: (res: ServerResponse) => void): AdminWriteHandler {
  const authorized = options.token === undefined ? undefined : bearerTokenCheck(options.token);
  const maxBodyBytes = options.maxBodyBytes ?? PROXY_DEFAULTS.adminMaxBodyBytes;
  const { proxy } = options;

  const apply = (path: string, body: unknown): AdminChange | undefined => {
    const before = proxy.config;
    if (path === '/config') return { kind: 'config', ...configChanges(before, proxy.reload(body)) };
    const name = (WEIGHTS_PATH.exec(path) as RegExpExecArray)[1] as string;
    const index = before.routes.findIndex((route) => route.name === name);
    if (index < 0) return undefined;
    const after = proxy.reload(withRouteWeights(before, index, weightsOf(body)));
    return { kind: 'weights', route: name, before: currentWeights(before, index), after: currentWeights(after, index) };
  };

  const write = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    let change: AdminChange | undefined;
    try {
      change = apply(path, await readJsonBody(req, maxBodyBytes));
    } catch (error) {
      if (error instanceof ProxyConfigError) return sendInvalid(res, error);
      res.shouldKeepAlive = false;
      if (error instanceof AdminRequestError) return void sendProblem(res, error.status, error.code, error.message);
      return void sendProblem(res, 500, 'ADMIN_WRITE_FAILED', 'the change could not be applied; the config in force is unchanged');
    }
    if (change === undefined) return void sendProblem(res, 404, 'NO_SUCH_ROUTE', `route "${routeNameOf(path)}" is not defined`);
    options.onApplied?.(change);
    const warning = options.bound === undefined ? undefined : restartWarning(options.bound, proxy.config);
    if (warning !== undefined) res.setHeader('x-config-warning', warning);
    answer(res);
  };

  return (req, res, path) => {
    if (authorized !== undefined && !authorized(req.headers.authorization)) {
      res.shouldKeepAlive = false;
      res.setHeader('www-authenticate', 'Bearer realm="mirrormesh-admin"');
      return void sendProblem(res, 401, 'UNAUTHORIZED', 'admin writes need Authorization: Bearer <ADMIN_TOKEN>');
    }
    write(req, res, path).catch(() => sendProblem(res, 500, 'ADMIN_WRITE_FAILED', 'the change could not be answered'));
  };
}

function routeNameOf(path: string): string {
  return (WEIGHTS_PATH.exec(path)?.[1] ?? '').slice(0, 128);
}

function sendInvalid(res: ServerResponse, error: ProxyConfigError): void {
  const body = JSON.stringify({ code: 'INVALID_CONFIG', message: error.message, issues: error.issues });
  res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
