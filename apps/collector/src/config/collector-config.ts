import { isAbsolute, resolve } from 'node:path';
import { parseEnv, s } from '@mirrormesh/schema';
import { SERVICE_ENV, serviceOptionsFrom, type ServiceOptions } from '@mirrormesh/service-kit';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_DECODED_BYTES,
  DEFAULT_MAX_ITEMS_PER_BATCH,
  DEFAULT_MAX_JSON_VALUES,
  type TrackLimits,
} from '../ingest/track-limits';
import {
  DEFAULT_RETENTION_DAYS,
  DEFAULT_RETENTION_MAX_BYTES,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  type StorageLimits,
} from '../storage/storage-limits';
import { DEFAULT_TLS_HOSTS } from '../tls/certificate-store';

/** Named defaults of the collector's listeners and data directory. */
export const COLLECTOR_DEFAULTS = {
  /** HTTPS: the track API (and query, health) — the SDK only speaks https. */
  port: 4443,
  /** Plain HTTP, read-only: query and health, for the report and curl without trusting the CA. */
  queryPort: 4480,
  host: '127.0.0.1',
  dataDir: '.collector-data',
} as const;

const MIB = 1024 * 1024;

export const COLLECTOR_ENV = {
  ...SERVICE_ENV,
  PORT: s.integer({ min: 0, max: 65535, fromString: true }).default(COLLECTOR_DEFAULTS.port),
  QUERY_PORT: s.integer({ min: 0, max: 65535, fromString: true }).default(COLLECTOR_DEFAULTS.queryPort),
  HOST: s.string({ minLength: 1 }).default(COLLECTOR_DEFAULTS.host),
  DATA_DIR: s.string({ minLength: 1 }).default(COLLECTOR_DEFAULTS.dataDir),
  /** Names the TLS certificate covers (add the Kubernetes service name when deployed). */
  TLS_HOSTS: s.commaList(s.string({ minLength: 1, maxLength: 253 }), { minItems: 1, maxItems: 32 }).default([...DEFAULT_TLS_HOSTS]),
  MAX_BODY_BYTES: s.integer({ min: 1024, max: 256 * MIB, fromString: true }).default(DEFAULT_MAX_BODY_BYTES),
  MAX_DECODED_BYTES: s.integer({ min: 1024, max: 1024 * MIB, fromString: true }).default(DEFAULT_MAX_DECODED_BYTES),
  MAX_ITEMS_PER_BATCH: s.integer({ min: 1, max: 1_000_000, fromString: true }).default(DEFAULT_MAX_ITEMS_PER_BATCH),
  MAX_JSON_VALUES: s.integer({ min: 64, max: 100_000_000, fromString: true }).default(DEFAULT_MAX_JSON_VALUES),
  /** The database and its WAL; the oldest rows are deleted past it. Below 1 MiB SQLite's own pages would not fit. */
  RETENTION_MAX_BYTES: s.integer({ min: MIB, max: 1024 * 1024 * MIB, fromString: true }).default(DEFAULT_RETENTION_MAX_BYTES),
  RETENTION_DAYS: s.integer({ min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS, fromString: true }).default(DEFAULT_RETENTION_DAYS),
};

export interface CollectorConfig {
  readonly service: ServiceOptions;
  readonly queryPort: number;
  /** Absolute. */
  readonly dataDir: string;
  readonly tlsHosts: readonly string[];
  readonly track: TrackLimits;
  readonly storage: StorageLimits;
}

/** Validates the collector's environment; throws SchemaError naming each bad variable. */
export function loadCollectorConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): CollectorConfig {
  const e = parseEnv(COLLECTOR_ENV, env);
  return {
    service: {
      ...serviceOptionsFrom('collector', e),
      bodyLimitBytes: e.MAX_BODY_BYTES,
    },
    queryPort: e.QUERY_PORT,
    dataDir: isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(cwd, e.DATA_DIR),
    tlsHosts: e.TLS_HOSTS,
    track: {
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxDecodedBytes: e.MAX_DECODED_BYTES,
      maxItemsPerBatch: e.MAX_ITEMS_PER_BATCH,
      maxJsonValues: e.MAX_JSON_VALUES,
    },
    storage: { retentionMaxBytes: e.RETENTION_MAX_BYTES, retentionDays: e.RETENTION_DAYS },
  };
}
