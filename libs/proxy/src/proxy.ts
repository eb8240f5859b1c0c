import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Duplex } from 'node:stream';
import { type ProxyConfig } from './config/proxy-config.schema';
import { type DiffReport } from './diff/diff-report';
import { type Clock } from './mirror/mirror-breaker';
import { type ClusterPolicyStats } from './transport/upstream-pools';

/** How long close() and reload() let in-flight upstream requests finish before cutting them. */
export const DEFAULT_CLOSE_GRACE_MS = 10_000;

export interface ProxyOptions {
  readonly closeGraceMs?: number;
  /** Names the proxy in its events (`proxyId`): `<name>-<n>`; default `proxy`. */
  readonly name?: string;
  /** The monotonic milliseconds the mirror breaker's cooldown and outlier ejections are measured on; default `performance.now`. Tests pass a fake. */
  readonly clock?: Clock;
}

export interface ProxyRuntimeStats {
  readonly liveInflight: number;
  readonly mirrorInflight: Readonly<Record<string, number>>;
  /** Request body bytes read ahead, held until their exchange ends (bounded by limits.requestBufferTotalBytes). */
  readonly requestBufferedBytes: number;
  /** Request body bytes held by mirror copies (bounded by limits.mirrorBufferBytes). */
  readonly mirrorBufferedBytes: number;
  /** Per cluster of the config in force: outlier ejections (total, endpoints ejected now) and pending-limit overflows. */
  readonly clusters: Readonly<Record<string, ClusterPolicyStats>>;
  readonly closed: boolean;
  /** WebSocket connections upgraded and still open. */
  readonly upgradesOpen: number;
  /** Shadow diff comparisons waiting for their answers, and the answer bytes they hold (bounded by limits.diffPending*). */
  readonly diffPending: { readonly count: number; readonly bytes: number };
}

export interface Proxy {
  /**
   * Unique in the process (`<name>-<n>`, e.g. `proxy-1`) and carried as `proxyId` by every
   * event this proxy publishes, so `createProxyStats({ proxy })` counts only its own.
   */
  readonly id: string;
  /** Serves one request on raw Node objects; usable directly as a `node:http` request listener. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /**
   * Serves one WebSocket upgrade: a node:http `'upgrade'` listener. Give the server
   * `shouldUpgradeCallback: isWebSocketUpgrade` so that other upgrades (`h2c`) stay plain requests.
   */
  readonly handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Validates and swaps in a new config atomically; throws ProxyConfigError and keeps the old one. */
  reload(config: unknown): ProxyConfig;
  /**
   * Stops taking requests, waits for live ones, then closes upstream pools, each step
   * bounded by `graceMs` (default: the closeGraceMs option); mirrors still in flight after
   * it are cut, and so are WebSocket connections still open.
   */
  close(options?: { readonly graceMs?: number }): Promise<void>;
  stats(): ProxyRuntimeStats;
  /** The shadow diff's figures (GET /diff): pending comparisons, drops by reason, per route and mirror. */
  diffReport(): DiffReport;
  /** The config in force, defaults applied. */
  readonly config: ProxyConfig;
}
