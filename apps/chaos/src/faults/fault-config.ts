/** The mirror timeout every fault scenario configures: short, so a run proves it bounds every copy. */
export const MIRROR_TIMEOUT_MS = 3_000;
/**
 * In-flight copies must end within the mirror timeout of the load's end, plus this grace: undici
 * enforces timeouts of 2 s and more on a shared clock that ticks about once a second, and the
 * suite reads the gauge every 50 ms.
 */
export const DRAIN_GRACE_MS = 1_500;
export const DRAIN_LIMIT_MS = MIRROR_TIMEOUT_MS + DRAIN_GRACE_MS;

export const ROUTE = 'books';
export const LIVE_CLUSTER = 'live';
export const MIRROR_CLUSTER = 'mirror';

export interface FaultConfigOptions {
  readonly listener: { host: string; port: number };
  readonly admin: { host: string; port: number };
  readonly live: readonly string[];
  readonly mirror: string;
  readonly routeTimeout?: string;
  readonly retries?: { attempts: number; perTryTimeout?: string };
}

/** One route, mirrored at 100 % to one mirror cluster; only what a scenario sets differs from the defaults. */
export function faultSidecarConfig(options: FaultConfigOptions) {
  return {
    listener: options.listener,
    admin: options.admin,
    clusters: [
      { name: LIVE_CLUSTER, endpoints: [...options.live] },
      { name: MIRROR_CLUSTER, endpoints: [options.mirror] },
    ],
    routes: [
      {
        name: ROUTE,
        match: [{ uri: { prefix: '/' } }],
        route: [{ destination: { cluster: LIVE_CLUSTER }, weight: 100 }],
        mirror: { cluster: MIRROR_CLUSTER, timeout: `${MIRROR_TIMEOUT_MS}ms` },
        mirrorPercentage: { value: 100 },
        ...(options.routeTimeout === undefined ? {} : { timeout: options.routeTimeout }),
        ...(options.retries === undefined ? {} : { retries: options.retries }),
      },
    ],
  };
}
