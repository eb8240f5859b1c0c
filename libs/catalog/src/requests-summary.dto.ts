/**
 * One row of the lab's Log Analytics query (`summarize duration = avg(duration), requestCount =
 * count() by name, podVersion, resultCode`), as the collector's `GET /query/requests-summary`
 * answers it, with percentiles as extra columns. Durations in ms.
 */
export interface RequestsSummaryRow {
  readonly name: string;
  readonly podVersion: string;
  readonly resultCode: string;
  /** Average duration (the query's `duration = avg(duration)`). */
  readonly duration: number;
  readonly requestCount: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}
