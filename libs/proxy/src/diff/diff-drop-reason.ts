/**
 * Why a compared request produced no comparison for a mirror (or no noise sample):
 * - `pending-full`: `limits.diffPendingComparisons` comparisons were waiting already;
 * - `bytes-full`: the answers held reached `limits.diffPendingBytes` (before or while capturing);
 * - `live-failed`: the live answer did not arrive whole (the proxy's own 5xx, reset, client gone);
 * - `mirror-failed`: the candidate's answer did not arrive whole (refused, reset, its timeout);
 * - `mirror-dropped`: the copy was never sent (in-flight cap, breaker, body too large or over budget);
 * - `noise-failed`: the noise copy was dropped or failed (the candidate is still compared);
 * - `timeout`: an answer was still missing at the comparison's deadline (mirror timeout + grace).
 */
export type DiffDropReason =
  'pending-full' | 'bytes-full' | 'live-failed' | 'mirror-failed' | 'mirror-dropped' | 'noise-failed' | 'timeout';

/** Error codes a capture is failed with from outside its exchange. */
export const CAPTURE_TIMEOUT = 'DIFF_TIMEOUT';
export const COPY_NOT_MADE = 'COPY_NOT_MADE';

/** The diff outcome a compared copy's mirror exchange event carries (`ExchangeEvent.diff`). */
export interface MirrorDiffSummary {
  readonly result: 'identical' | 'different' | 'skipped';
  /** The first differing paths not classified as noise (at most 10: the core's DIFF_VERDICT_MAX_PATHS). */
  readonly paths?: readonly string[];
  /** Why it was skipped (a DiffDropReason). */
  readonly reason?: string;
}
