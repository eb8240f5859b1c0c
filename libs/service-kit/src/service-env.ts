import { ACCESS_LOG_FORMATS } from '@mirrormesh/access-log';
import { VERSION_TAG_RULES } from '@mirrormesh/catalog';
import { s, SchemaError, type ObjectOutput } from '@mirrormesh/schema';
import { REQUEST_TIMEOUT_DEFAULTS } from './request-timeouts';
import { SERVICE_LOG_LEVELS, type ServiceOptions } from './service-options';

/** Named defaults every service shares. */
export const SERVICE_DEFAULTS = {
  port: 8080,
  host: '0.0.0.0',
  shutdownTimeoutMs: 10_000,
  bodyLimitBytes: 1024 * 1024,
  headersTimeoutMs: REQUEST_TIMEOUT_DEFAULTS.headersTimeoutMs,
  requestTimeoutMs: REQUEST_TIMEOUT_DEFAULTS.requestTimeoutMs,
} as const;

/** A request bound below half a second would cut honest clients on a busy host; above ten minutes it bounds nothing. */
const REQUEST_BOUND_MS = { min: 500, max: 600_000, fromString: true } as const;

/**
 * The environment variables every service reads; an app spreads this shape into its own
 * (`parseEnv({ ...SERVICE_ENV, FAULT_BOOK_IDS: … })`) so one schema validates them all.
 */
export const SERVICE_ENV = {
  PORT: s.integer({ min: 0, max: 65535, fromString: true }).default(SERVICE_DEFAULTS.port),
  HOST: s.string({ minLength: 1 }).default(SERVICE_DEFAULTS.host),
  VERSION_TAG: s.string(VERSION_TAG_RULES).optional(),
  LOG_FORMAT: s.oneOf(ACCESS_LOG_FORMATS).default('json'),
  LOG_LEVEL: s.oneOf(SERVICE_LOG_LEVELS).default('log'),
  SHUTDOWN_TIMEOUT_MS: s.integer({ min: 0, max: 600_000, fromString: true }).default(SERVICE_DEFAULTS.shutdownTimeoutMs),
  HEADERS_TIMEOUT_MS: s.integer(REQUEST_BOUND_MS).default(SERVICE_DEFAULTS.headersTimeoutMs),
  REQUEST_TIMEOUT_MS: s.integer(REQUEST_BOUND_MS).default(SERVICE_DEFAULTS.requestTimeoutMs),
};

/** The shared variables as parsed by `parseEnv({ ...SERVICE_ENV, … })`. */
export type ServiceEnv = ObjectOutput<typeof SERVICE_ENV>;

/** The ServiceOptions every app derives the same way from the shared variables; throws SchemaError as parseEnv does. */
export function serviceOptionsFrom(name: string, env: ServiceEnv): ServiceOptions {
  // The head is part of the request: Node refuses a head bound longer than the whole one.
  if (env.HEADERS_TIMEOUT_MS > env.REQUEST_TIMEOUT_MS)
    throw new SchemaError(
      [{ path: ['HEADERS_TIMEOUT_MS'], message: `must not exceed REQUEST_TIMEOUT_MS (${env.REQUEST_TIMEOUT_MS})` }],
      'environment',
    );
  return {
    name,
    versionTag: env.VERSION_TAG,
    port: env.PORT,
    host: env.HOST,
    logFormat: env.LOG_FORMAT,
    logLevel: env.LOG_LEVEL,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    headersTimeoutMs: env.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  };
}
