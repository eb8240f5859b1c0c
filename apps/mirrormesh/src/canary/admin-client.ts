import { Agent, request } from 'undici';
import { AdminApiError } from '../errors';

/** The sidecar admin API calls the canary and diff commands make. */
export interface AdminApi {
  readonly url: string;
  /** GET /stats?histograms=1. */
  stats(): Promise<unknown>;
  /** GET /config (redacted). */
  config(): Promise<unknown>;
  /** GET /diff; undefined when the proxy has no such endpoint (404: compare not available). */
  diff(): Promise<unknown>;
  /** PUT /routes/<route>/weights. */
  setWeights(route: string, weights: Readonly<Record<string, number>>): Promise<void>;
  close(): Promise<void>;
}

export const ADMIN_CLIENT_DEFAULTS = {
  /** An admin answer is local and small: a slow one means the sidecar is in trouble. */
  timeoutMs: 10_000,
  maxBodyBytes: 16 * 1024 * 1024,
} as const;

/** `Authorization: Bearer $ADMIN_TOKEN` on every call when a token is given; it never appears in an error. */
export function createAdminClient(url: string, token: string | undefined): AdminApi {
  const dispatcher = new Agent({ headersTimeout: ADMIN_CLIENT_DEFAULTS.timeoutMs, bodyTimeout: ADMIN_CLIENT_DEFAULTS.timeoutMs });
  const headers: Record<string, string> = token === undefined || token === '' ? {} : { authorization: `Bearer ${token}` };

  const call = async (method: 'GET' | 'PUT', path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    let response;
    try {
      response = await request(`${url}${path}`, {
        method,
        dispatcher,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).message;
      throw new AdminApiError(`cannot reach the admin API at ${url} (${method} ${path}): ${code}`);
    }
    const text = await response.body.text();
    if (text.length > ADMIN_CLIENT_DEFAULTS.maxBodyBytes) throw new AdminApiError(`${method} ${url}${path}: answer too large`);
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.statusCode, json };
  };

  const refused = (method: string, path: string, status: number, json: unknown): AdminApiError => {
    const message = typeof json === 'object' && json !== null && 'message' in json ? String((json as { message: unknown }).message) : '';
    const hint = status === 401 ? ' (set ADMIN_TOKEN to the sidecar’s admin token)' : '';
    return new AdminApiError(`${method} ${url}${path} answered ${status}${message === '' ? '' : `: ${message}`}${hint}`);
  };

  const get = async (path: string): Promise<unknown> => {
    const { status, json } = await call('GET', path);
    if (status !== 200) throw refused('GET', path, status, json);
    return json;
  };

  return {
    url,
    stats: () => get('/stats?histograms=1'),
    config: () => get('/config'),
    async diff() {
      const { status, json } = await call('GET', '/diff');
      if (status === 404) return undefined;
      if (status !== 200) throw refused('GET', '/diff', status, json);
      return json;
    },
    async setWeights(route, weights) {
      const path = `/routes/${encodeURIComponent(route)}/weights`;
      const { status, json } = await call('PUT', path, { weights });
      if (status !== 200) throw refused('PUT', path, status, json);
    },
    close: () => dispatcher.close(),
  };
}
