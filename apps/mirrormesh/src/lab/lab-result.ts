import { type SummaryRow } from '@mirrormesh/collector';
import { type ScenarioName } from '../mesh/scenarios';

/** The Log Analytics query's columns; the collector's rows add percentiles. */
export type LabRow = Pick<SummaryRow, 'name' | 'podVersion' | 'resultCode' | 'duration' | 'requestCount'>;

/** A row as `--out` writes it: exactly the query's columns. */
export function queryColumns({ name, podVersion, resultCode, duration, requestCount }: LabRow): LabRow {
  return { name, podVersion, resultCode, duration, requestCount };
}

export interface LabClientFigures {
  readonly requests: number;
  readonly errors: number;
  readonly p50: number;
  readonly p99: number;
}

/** One scenario's outcome, as `mirrormesh lab --out FILE` writes it. */
export interface LabResult {
  readonly scenario: ScenarioName;
  readonly rows: readonly SummaryRow[];
  readonly client: LabClientFigures;
  readonly verdict: string;
  readonly passed: boolean;
  /** Each expectation that did not hold, in words. */
  readonly failures: readonly string[];
}
