// What the sidecar's GET /diff answers (the shadow-diff report: live answers compared with the
// mirror's), served by the admin API (or /_mesh/diff without one) and inside the dashboard.
// Type-only: the web app imports it too.

export type AnswerDiffKind = 'added' | 'removed' | 'type-changed' | 'value-changed';

/** One path that differed, over every pair compared on its route and mirror. */
export interface AnswerDiffPath {
  /** `status`, `headers.<name>`, `$` or `$.reviews[0].rating`. */
  readonly path: string;
  readonly kind: AnswerDiffKind;
  readonly count: number;
  /** count / compared. */
  readonly rate: number;
  readonly noiseCount: number;
  /** noiseCount / noise.compared. */
  readonly noiseRate: number;
  /** The two live instances differ there about as often: not the candidate's doing. */
  readonly noise: boolean;
  /** JSON values, null when absent; strings truncated, secrets "<redacted>". */
  readonly example: { readonly requestId: string; readonly live: unknown; readonly candidate: unknown };
}

/** One route and mirror: cumulative counts since the sidecar started. */
export interface AnswerDiffRoute {
  readonly route: string;
  readonly mirror: string;
  readonly compared: number;
  readonly identical: number;
  readonly different: number;
  /** Pairs with a differing path that was not noise when they were compared. */
  readonly regressions: number;
  readonly noise: { readonly cluster: string; readonly compared: number; readonly different: number } | null;
  /** At most 100; the rest are counted in pathsOverflow. */
  readonly paths: readonly AnswerDiffPath[];
  readonly pathsOverflow: number;
}

export interface AnswerDiffReport {
  readonly pending: { readonly count: number; readonly bytes: number; readonly maxCount: number; readonly maxBytes: number };
  readonly dropped: readonly { readonly route: string; readonly mirror: string; readonly reason: string; readonly count: number }[];
  readonly routes: readonly AnswerDiffRoute[];
}
