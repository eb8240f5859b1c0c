import type { QueryResult } from '../../src';
import type { TelemetrySet } from './telemetry-schemas';

/** One corpus query and Azure's answer to it, computed in plain TypeScript over the telemetry set. */
export interface CorpusCase {
  readonly name: string;
  readonly query: string;
  readonly expected: (set: TelemetrySet) => QueryResult;
  /** Whether Kusto defines the row order (sort, order, top); when not, rows compare as multisets. */
  readonly ordered: boolean;
  /**
   * For an ordered result whose sort keys can tie: the sort key columns. Kusto's sort is not stable, so
   * only these columns' sequence is compared in order, and whole rows as a multiset.
   */
  readonly sortKeys?: readonly string[];
  /** Dynamic columns holding `make_set` arrays, whose element order Kusto does not define. */
  readonly setColumns?: readonly string[];
}

/** One expected error: what `runQuery` rejects with. */
export interface ErrorCase {
  readonly name: string;
  readonly query: string;
  readonly code: 'SyntaxError' | 'SemanticError' | 'UnsupportedError';
  readonly message: string;
  readonly line: number;
  readonly column: number;
}
