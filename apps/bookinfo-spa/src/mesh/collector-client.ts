import { Logger } from '@nestjs/common';
import { s } from '@mirrormesh/schema';
import { BOOKINFO_SPA_DEFAULTS, type CollectorOptions } from '../config/bookinfo-spa.config';
import { CollectorUnavailableError } from '../errors';
import { type CollectorRow, type CollectorSummary } from './mesh-dashboard.dto';

/** Bounds on what is relayed to browsers: the collector is another service, not trusted blindly. */
export const COLLECTOR_LIMITS = {
  maxBodyBytes: 1024 * 1024,
  maxRows: 500,
} as const;

const rowSchema = s.object(
  {
    name: s.string({ maxLength: 1000 }),
    podVersion: s.string({ maxLength: 1000 }),
    resultCode: s.string({ maxLength: 100 }),
    duration: s.number({ min: 0 }),
    requestCount: s.integer({ min: 0 }),
    p50: s.number({ min: 0 }),
    p95: s.number({ min: 0 }),
    p99: s.number({ min: 0 }),
  },
  { unknownKeys: 'strip' },
);
const summarySchema = s.object({ rows: s.array(rowSchema, { maxItems: COLLECTOR_LIMITS.maxRows }) }, { unknownKeys: 'strip' });

export interface CollectorClient {
  /** The summary, or its state when there is none; never throws, never leaks the cause to callers. */
  summary(): Promise<CollectorSummary>;
}

const NOT_CONFIGURED: CollectorSummary = { state: 'not-configured', rows: [] };

async function fetchRows(options: CollectorOptions): Promise<CollectorRow[]> {
  const url = new URL('/query/requests-summary', options.url);
  url.searchParams.set('contains', options.contains);
  url.searchParams.set('since', BOOKINFO_SPA_DEFAULTS.collectorSince);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new CollectorUnavailableError(`GET ${url.origin}${url.pathname} failed (${cause})`);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > COLLECTOR_LIMITS.maxBodyBytes) {
    await response.body?.cancel();
    throw new CollectorUnavailableError(`answer larger than ${COLLECTOR_LIMITS.maxBodyBytes} bytes`);
  }
  const text = await response.text();
  if (!response.ok) throw new CollectorUnavailableError(`answered ${response.status}`);
  if (text.length > COLLECTOR_LIMITS.maxBodyBytes)
    throw new CollectorUnavailableError(`answer larger than ${COLLECTOR_LIMITS.maxBodyBytes} bytes`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CollectorUnavailableError('answer is not JSON');
  }
  const parsed = summarySchema.safeParse(data);
  if (!parsed.ok) throw new CollectorUnavailableError(`answer is not a requests summary (${parsed.issues[0]?.message ?? 'invalid'})`);
  return parsed.value.rows;
}

/**
 * Asks the collector for the lab's summary, at most once per cache period however many
 * dashboards are open; a failure is logged once per change of state, and browsers only
 * learn "unreachable".
 */
export function createCollectorClient(
  options: CollectorOptions | undefined,
  cacheMs: number = BOOKINFO_SPA_DEFAULTS.collectorCacheMs,
): CollectorClient {
  if (options === undefined) return { summary: () => Promise.resolve(NOT_CONFIGURED) };
  const logger = new Logger('CollectorClient');
  let cached: { at: number; value: Promise<CollectorSummary> } | undefined;
  let lastState: CollectorSummary['state'] | undefined;
  const ask = async (): Promise<CollectorSummary> => {
    try {
      const rows = await fetchRows(options);
      if (lastState === 'unreachable') logger.log('collector reachable again');
      lastState = 'ok';
      return { state: 'ok', rows };
    } catch (error) {
      if (lastState !== 'unreachable') logger.warn((error as Error).message);
      lastState = 'unreachable';
      return { state: 'unreachable', rows: [] };
    }
  };
  return {
    summary() {
      const now = Date.now();
      if (cached === undefined || now - cached.at >= cacheMs) cached = { at: now, value: ask() };
      return cached.value;
    },
  };
}
