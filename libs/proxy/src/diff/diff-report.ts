/**
 * The shape of GET /diff on the admin API: what `mirrormesh diff`, the SPA and
 * `mirrormesh canary --shadow` read. Counters are cumulative since the proxy started:
 * a reader gets the figures of an interval by subtracting two reads.
 */

/** A value as JSON.parse returns it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** `added`: only in the other answer; `removed`: only in live. */
export type DiffKind = 'added' | 'removed' | 'type-changed' | 'value-changed';

export const DIFF_KINDS: readonly DiffKind[] = ['added', 'removed', 'type-changed', 'value-changed'];

/** Comparisons waiting for their second answer, and the bounds they are kept within. */
export interface DiffPendingReport {
  readonly count: number;
  readonly bytes: number;
  readonly maxCount: number;
  readonly maxBytes: number;
}

/** Comparisons not made, by reason (`pending-full`, ...). */
export interface DiffDroppedReport {
  readonly route: string;
  readonly mirror: string;
  readonly reason: string;
  readonly count: number;
}

/** One pair in which the path differed: values as JSON (`null` when absent), strings cut to 200 characters, redacted ones "<redacted>". */
export interface DiffExample {
  readonly requestId: string;
  readonly live: JsonValue;
  readonly candidate: JsonValue;
}

export interface DiffPathReport {
  /** `status`, `headers.<name>`, or a body path (`$`, `$.reviews[0].rating`, `$["a b"]`). */
  readonly path: string;
  readonly kind: DiffKind;
  /** Live/candidate pairs in which this path differed this way. */
  readonly count: number;
  /** count / compared. */
  readonly rate: number;
  /** Live/live pairs in which it differed this way. */
  readonly noiseCount: number;
  /** noiseCount / noise.compared (0 without a noise cluster). */
  readonly noiseRate: number;
  /** The live instances disagree here about as often as live and candidate do (the noise rule). */
  readonly noise: boolean;
  readonly example: DiffExample;
}

/** The second live instance's comparisons with live. */
export interface DiffNoiseReport {
  readonly cluster: string;
  readonly compared: number;
  readonly different: number;
}

export interface DiffRouteReport {
  readonly route: string;
  readonly mirror: string;
  /** Live/candidate pairs compared. */
  readonly compared: number;
  readonly identical: number;
  /** Pairs with at least one differing path, noise included. */
  readonly different: number;
  /** Pairs with at least one differing path that was not noise when the pair was recorded. */
  readonly regressions: number;
  readonly noise: DiffNoiseReport | null;
  /** At most 100, most frequent first. */
  readonly paths: readonly DiffPathReport[];
  /** Differences on paths beyond the cap: counted, not reported. */
  readonly pathsOverflow: number;
}

export interface DiffReport {
  readonly pending: DiffPendingReport;
  readonly dropped: readonly DiffDroppedReport[];
  readonly routes: readonly DiffRouteReport[];
}
