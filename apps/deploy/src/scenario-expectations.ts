import { type RequestsSummaryRow } from '@mirrormesh/catalog';
import { type Scenario } from './repo-paths';

/** One row of the collector's `GET /query/requests-summary`: the lab query's columns are what is checked. */
export type SummaryRow = Pick<RequestsSummaryRow, 'name' | 'podVersion' | 'resultCode' | 'duration' | 'requestCount'>;

export const LIVE_VERSION_TAG = 'V1MIR-LiveBookService';
/** The mirror's VersionTag per scenario (v1-live has no mirror). */
export const MIRROR_VERSION_TAGS: Readonly<Record<Scenario, string | undefined>> = {
  'v1-live': undefined,
  'v2-mirroring': 'V2MIR-BookService',
  'v3-delays': 'V3MIR-BookServiceDelay',
  'v4-fault': 'V4MIR-BookServiceFault',
  'v5-schema-change': 'V5MIR-BookServiceSchemaChange',
};
/** The request the delay and fault variants change. */
export const REVIEWS_REQUEST = 'GET /books/:id/reviews';

/** The lab's expectations (issue 5): a slow mirror ≥ 1 s on reviews while live stays fast. */
export const EXPECTATION_LIMITS = {
  mirrorDelayMinAvgMs: 1000,
  liveMaxAvgMs: 50,
} as const;

function weightedAverage(rows: readonly SummaryRow[]): number {
  const count = rows.reduce((n, r) => n + r.requestCount, 0);
  return count === 0 ? Number.NaN : rows.reduce((sum, r) => sum + r.duration * r.requestCount, 0) / count;
}

const is5xx = (row: SummaryRow): boolean => row.resultCode.startsWith('5');

/**
 * What the summary must show for a scenario; returns the unmet expectations (empty = all met).
 * Only the reviews request is compared: it is what the variants change.
 */
export function unmetExpectations(scenario: Scenario, rows: readonly SummaryRow[]): string[] {
  const unmet: string[] = [];
  const reviews = rows.filter((r) => r.name === REVIEWS_REQUEST);
  const live = reviews.filter((r) => r.podVersion === LIVE_VERSION_TAG);
  const mirrorTag = MIRROR_VERSION_TAGS[scenario];
  const mirror = reviews.filter((r) => r.podVersion === mirrorTag);
  const others = rows.filter((r) => r.podVersion !== LIVE_VERSION_TAG && r.podVersion !== mirrorTag);

  if (live.length === 0) unmet.push(`no ${LIVE_VERSION_TAG} rows for ${REVIEWS_REQUEST} yet`);
  if (live.some(is5xx)) unmet.push(`live answered 5xx on ${REVIEWS_REQUEST}`);
  const liveAvg = weightedAverage(live);
  if (live.length > 0 && !(liveAvg < EXPECTATION_LIMITS.liveMaxAvgMs)) {
    unmet.push(`live average ${liveAvg.toFixed(1)} ms on ${REVIEWS_REQUEST} is not below ${EXPECTATION_LIMITS.liveMaxAvgMs} ms`);
  }
  if (others.length > 0) unmet.push(`unexpected VersionTags: ${[...new Set(others.map((r) => r.podVersion))].join(', ')}`);
  if (mirrorTag === undefined) return unmet;

  if (mirror.length === 0) {
    unmet.push(`no ${mirrorTag} rows for ${REVIEWS_REQUEST} yet`);
    return unmet;
  }
  const mirrorAvg = weightedAverage(mirror);
  if (scenario === 'v3-delays' && !(mirrorAvg >= EXPECTATION_LIMITS.mirrorDelayMinAvgMs)) {
    unmet.push(`mirror average ${mirrorAvg.toFixed(1)} ms on ${REVIEWS_REQUEST} is below ${EXPECTATION_LIMITS.mirrorDelayMinAvgMs} ms`);
  }
  if (scenario === 'v4-fault' && !mirror.some((r) => r.resultCode === '500')) unmet.push(`mirror has no 500 on ${REVIEWS_REQUEST}`);
  if (scenario !== 'v4-fault' && mirror.some(is5xx)) unmet.push(`mirror answered 5xx on ${REVIEWS_REQUEST}`);
  return unmet;
}

/** The rows as the lab shows them, for logs. */
export function formatSummary(rows: readonly SummaryRow[]): string {
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(28)} ${r.podVersion.padEnd(24)} ${r.resultCode.padStart(4)} ${r.duration.toFixed(1).padStart(9)} ms ${String(r.requestCount).padStart(6)}`,
  );
  return [`${'name'.padEnd(28)} ${'podVersion'.padEnd(24)} code  avg duration  count`, ...lines].join('\n');
}
