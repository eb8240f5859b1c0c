import { ACCESS_LOG_FORMATS } from '@mirrormesh/access-log';
import { s, type ObjectOutput } from '@mirrormesh/schema';

export const SIDECAR_DEFAULTS = {
  /** Past this, shutdown gives up waiting for in-flight requests and exits 1. */
  shutdownTimeoutMs: 25_000,
  /** After live requests drained, how long mirrors still in flight may finish. */
  mirrorGraceMs: 1_000,
  /** Idle keep-alive connections from clients are closed after this. */
  keepAliveTimeoutMs: 65_000,
  /** A shorter admin token is guessable; 16 characters of a random string are not. */
  adminTokenMinLength: 16,
  /**
   * Access-log lines are written at most this long after they are logged (or once 64 KiB wait),
   * as Envoy's `file_flush_interval` (1 s): one write per many requests, not one per event-loop
   * turn. Shutdown writes what waits; a hard kill loses at most this much.
   */
  accessLogFlushIntervalMs: 1_000,
} as const;

/** The environment the sidecar reads (same names as the services where they overlap). */
export const SIDECAR_ENV = {
  SIDECAR_CONFIG: s.string({ minLength: 1 }).optional(),
  LOG_FORMAT: s.oneOf(ACCESS_LOG_FORMATS).default('json'),
  ACCESS_LOG: s.boolean({ fromString: true }).default(true),
  /** 0 writes the lines of each event-loop turn at its end. */
  ACCESS_LOG_FLUSH_INTERVAL_MS: s.integer({ min: 0, max: 60_000, fromString: true }).default(SIDECAR_DEFAULTS.accessLogFlushIntervalMs),
  WATCH_CONFIG: s.boolean({ fromString: true }).default(true),
  SHUTDOWN_TIMEOUT_MS: s.integer({ min: 0, max: 600_000, fromString: true }).default(SIDECAR_DEFAULTS.shutdownTimeoutMs),
  /** When set, admin writes need `Authorization: Bearer <ADMIN_TOKEN>`; required when admin.host is beyond loopback. */
  ADMIN_TOKEN: s.string({ minLength: SIDECAR_DEFAULTS.adminTokenMinLength, maxLength: 4096 }).optional(),
  /**
   * `false`: the admin API is read-only (metrics, stats, config, diff, health; writes 405), so it may
   * listen beyond loopback without a token, for probes and scrapers (Istio's 15020 next to Envoy's
   * loopback admin). Config then changes through the file only.
   */
  ADMIN_WRITES: s.boolean({ fromString: true }).default(true),
};

export type SidecarEnv = ObjectOutput<typeof SIDECAR_ENV>;
