/**
 * What the sidecar's `GET /diff` answers (the shadow-diff report), as far as the lab reads it.
 * Counters are cumulative since the sidecar started.
 */
export type DiffKind = 'added' | 'removed' | 'type-changed' | 'value-changed';

export interface DiffPathReport {
  readonly path: string;
  readonly kind: DiffKind;
  readonly count: number;
  /** count / compared. */
  readonly rate: number;
  readonly noiseCount: number;
  readonly noiseRate: number;
  /** The path differs between the two live instances about as often: not the candidate's doing. */
  readonly noise: boolean;
  readonly example: { readonly requestId: string; readonly live: unknown; readonly candidate: unknown };
}

export interface DiffRouteReport {
  readonly route: string;
  readonly mirror: string;
  readonly compared: number;
  readonly identical: number;
  readonly different: number;
  readonly regressions: number;
  readonly noise: { readonly cluster: string; readonly compared: number; readonly different: number } | null;
  readonly paths: readonly DiffPathReport[];
  readonly pathsOverflow: number;
}

export interface DiffReport {
  readonly pending: { readonly count: number; readonly bytes: number; readonly maxCount: number; readonly maxBytes: number };
  readonly dropped: readonly { readonly route: string; readonly mirror: string; readonly reason: string; readonly count: number }[];
  readonly routes: readonly DiffRouteReport[];
}
