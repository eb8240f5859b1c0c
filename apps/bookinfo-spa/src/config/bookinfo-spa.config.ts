import { join } from 'node:path';
import { parseEnv, s } from '@mirrormesh/schema';
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

export const BOOKINFO_SPA_ENV = {
  ...SERVICE_ENV,
  /** The sidecar config file (YAML or JSON), in the standalone sidecar's format. */
  SIDECAR_CONFIG: s.string({ minLength: 1 }),
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
   * The in-process sidecar's admin API (the standalone sidecar's: /stats, /config, /diff, route
   * weights) on 127.0.0.1:<port>, for `mirrormesh diff` and `mirrormesh canary`; unset: none.
   * Loopback only: its writes change routing. 0 takes any free port (logged).
   */
  ADMIN_PORT: s.integer({ min: 0, max: 65_535, fromString: true }).optional(),
};

export interface CollectorOptions {
  readonly url: string;
  readonly contains: string;
  readonly timeoutMs: number;
  /** Of a relayed Log Analytics query, the answer's bytes included. */
  readonly queryTimeoutMs: number;
}

export interface BookinfoSpaConfig {
  readonly service: ServiceOptions;
  readonly sidecarConfigFile: string;
  readonly watchConfig: boolean;
  readonly webRoot: string;
  readonly collector: CollectorOptions | undefined;
  /** Where the in-process sidecar's admin API listens (loopback), if it does. */
  readonly adminPort: number | undefined;
}

/** The default web root: `dist/public` beside `dist/main.js`. */
export const DEFAULT_WEB_ROOT = join(__dirname, '..', 'public');

export function loadBookinfoSpaConfig(env: NodeJS.ProcessEnv): BookinfoSpaConfig {
  const e = parseEnv(BOOKINFO_SPA_ENV, env);
  return {
    service: serviceOptionsFrom('bookinfo-spa', e),
    sidecarConfigFile: e.SIDECAR_CONFIG,
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
    adminPort: e.ADMIN_PORT,
  };
}
