import { join } from 'node:path';
import { adminWritesExposed, PROXY_DEFAULTS } from '@mirrormesh/proxy';
import { parseEnv, s, SchemaError } from '@mirrormesh/schema';
import { SERVICE_ENV, serviceOptionsFrom, type ServiceOptions } from '@mirrormesh/service-kit';

/** Named, bounded defaults of the SPA server. */
export const BOOKINFO_SPA_DEFAULTS = {
  /** The lab's VersionTags all contain it; the collector summary is filtered by it. */
  collectorContains: 'MIR-',
  /** The dashboard refreshes every few seconds: a slow collector must not hold it. */
  collectorTimeoutMs: 1500,
  /** Collector answers are reused this long, so many open dashboards ask it once. */
  collectorCacheMs: 2000,
  /** A Log Analytics query over raw rows takes longer than the summary; people wait for it, within reason. */
  collectorQueryTimeoutMs: 15_000,
  /** How long shutdown lets in-flight proxied requests finish. */
  proxyCloseGraceMs: 5000,
  /** The admin listener stays on this host unless ADMIN_HOST says otherwise: its writes change routing. */
  adminHost: PROXY_DEFAULTS.adminHost,
  /** As the standalone sidecar's ADMIN_TOKEN: a bearer token shorter than this is guessable. */
  adminTokenMinLength: 16,
} as const;

/** Where the proxy is mounted: `/api/books` reaches the `bookservice` cluster as `/books`. */
export const API_PREFIX = '/api';

const httpUrl = s.string({ minLength: 1, maxLength: 2048 }).refine((value) => {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
    if (url.username !== '' || url.password !== '') return 'must not contain credentials';
    return undefined;
  } catch {
    return 'must be an absolute URL such as http://collector:4318';
  }
});

/** The proxy core speaks plain HTTP to its clusters, and /api's path is forwarded as it is. */
const apiUpstreamUrl = httpUrl.refine((value) => {
  const url = new URL(value);
  if (url.protocol !== 'http:') return 'must be an http:// URL (the sidecar beside the app)';
  if (url.pathname !== '/' || url.search !== '') return 'must have no path or query, such as http://127.0.0.1:15001';
  return undefined;
});

export const BOOKINFO_SPA_ENV = {
  ...SERVICE_ENV,
  /** The sidecar config file (YAML or JSON), in the standalone sidecar's format: the proxy runs in process. */
  SIDECAR_CONFIG: s.string({ minLength: 1 }).optional(),
  /**
   * Instead of SIDECAR_CONFIG: where /api goes as it is, e.g. the standalone sidecar beside the
   * app (http://127.0.0.1:15001); mirroring, routing and the answer diff are then the sidecar's.
   */
  API_UPSTREAM: apiUpstreamUrl.optional(),
  /** Reload the sidecar config when its file changes (an invalid one is refused and logged). */
  WATCH_CONFIG: s.boolean({ fromString: true }).default(true),
  /** The built web app; defaults to dist/public beside the compiled server. */
  WEB_ROOT: s.string({ minLength: 1 }).optional(),
  /** The telemetry collector; unset: the dashboard shows the sidecar's own numbers only. */
  COLLECTOR_URL: httpUrl.optional(),
  COLLECTOR_CONTAINS: s.string({ minLength: 1, maxLength: 200 }).default(BOOKINFO_SPA_DEFAULTS.collectorContains),
  COLLECTOR_TIMEOUT_MS: s.integer({ min: 100, max: 30_000, fromString: true }).default(BOOKINFO_SPA_DEFAULTS.collectorTimeoutMs),
  /** The whole exchange of a relayed Log Analytics query (POST /_mesh/query → the collector's POST /query). */
  COLLECTOR_QUERY_TIMEOUT_MS: s
    .integer({ min: 100, max: 120_000, fromString: true })
    .default(BOOKINFO_SPA_DEFAULTS.collectorQueryTimeoutMs),
  /**
   * The admin listener: the in-process sidecar's admin API (the standalone sidecar's: /metrics,
   * /stats, /config, /diff, route weights) for scrapers, probes, `mirrormesh diff` and `canary`;
   * unset: none, and the public port serves /_mesh/stats, /_mesh/metrics and /_mesh/diff instead.
   * 0 takes any free port (logged).
   */
  ADMIN_PORT: s.integer({ min: 0, max: 65_535, fromString: true }).optional(),
  /** Where the admin listener binds; beyond loopback (0.0.0.0 in Kubernetes) ADMIN_TOKEN or ADMIN_WRITES=false is required. */
  ADMIN_HOST: s.string({ minLength: 1, maxLength: 253 }).default(BOOKINFO_SPA_DEFAULTS.adminHost),
  /** When set, admin writes need `Authorization: Bearer <ADMIN_TOKEN>`. Never logged. */
  ADMIN_TOKEN: s.string({ minLength: BOOKINFO_SPA_DEFAULTS.adminTokenMinLength, maxLength: 4096 }).optional(),
  /** `false`: a read-only admin API (writes 405), as the standalone sidecar's ADMIN_WRITES; the config file alone changes routing. */
  ADMIN_WRITES: s.boolean({ fromString: true }).default(true),
};

export interface CollectorOptions {
  readonly url: string;
  readonly contains: string;
  readonly timeoutMs: number;
  /** Of a relayed Log Analytics query, the answer's bytes included. */
  readonly queryTimeoutMs: number;
}

/** Who routes /api: the proxy in process with a sidecar config file, or a sidecar beside the app. */
export type ApiSource = { readonly kind: 'sidecar-config'; readonly file: string } | { readonly kind: 'upstream'; readonly url: string };

export interface BookinfoSpaConfig {
  readonly service: ServiceOptions;
  readonly api: ApiSource;
  readonly watchConfig: boolean;
  readonly webRoot: string;
  readonly collector: CollectorOptions | undefined;
  /** The admin listener, if there is one: the internal endpoints are then off the public port. */
  readonly admin: AdminListenerOptions | undefined;
}

export interface AdminListenerOptions {
  readonly host: string;
  readonly port: number;
  /** Admin writes need it as a bearer token; beyond loopback, required unless writes are off. */
  readonly token: string | undefined;
  readonly writes: boolean;
}

function apiSourceFrom(file: string | undefined, upstream: string | undefined): ApiSource {
  if (file !== undefined && upstream !== undefined) {
    throw new SchemaError([{ path: ['API_UPSTREAM'], message: 'must not be set with SIDECAR_CONFIG: /api has one router' }], 'environment');
  }
  if (file !== undefined) return { kind: 'sidecar-config', file };
  if (upstream !== undefined) return { kind: 'upstream', url: upstream };
  throw new SchemaError(
    [{ path: ['SIDECAR_CONFIG'], message: 'is required (or API_UPSTREAM, the sidecar beside the app)' }],
    'environment',
  );
}

/** Beyond loopback the admin API's writes would be open to anyone who can reach the pod: refused, naming the fix. */
function adminListenerFrom(
  port: number | undefined,
  host: string,
  token: string | undefined,
  writes: boolean,
): AdminListenerOptions | undefined {
  if (port === undefined) return undefined;
  if (adminWritesExposed(host, token, writes)) {
    const message =
      `is required when ADMIN_HOST ("${host}") is beyond loopback: admin writes change routing ` +
      '(or set ADMIN_WRITES=false for a read-only admin API, or ADMIN_HOST=127.0.0.1)';
    throw new SchemaError([{ path: ['ADMIN_TOKEN'], message }], 'environment');
  }
  return { host, port, token, writes };
}

/** The default web root: `dist/public` beside `dist/main.js`. */
export const DEFAULT_WEB_ROOT = join(__dirname, '..', 'public');

export function loadBookinfoSpaConfig(env: NodeJS.ProcessEnv): BookinfoSpaConfig {
  const e = parseEnv(BOOKINFO_SPA_ENV, env);
  return {
    service: serviceOptionsFrom('bookinfo-spa', e),
    api: apiSourceFrom(e.SIDECAR_CONFIG, e.API_UPSTREAM),
    watchConfig: e.WATCH_CONFIG,
    webRoot: e.WEB_ROOT ?? DEFAULT_WEB_ROOT,
    collector:
      e.COLLECTOR_URL === undefined
        ? undefined
        : {
            url: e.COLLECTOR_URL,
            contains: e.COLLECTOR_CONTAINS,
            timeoutMs: e.COLLECTOR_TIMEOUT_MS,
            queryTimeoutMs: e.COLLECTOR_QUERY_TIMEOUT_MS,
          },
    admin: adminListenerFrom(e.ADMIN_PORT, e.ADMIN_HOST, e.ADMIN_TOKEN, e.ADMIN_WRITES),
  };
}
