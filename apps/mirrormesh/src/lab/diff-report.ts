/**
 * What the sidecar's `GET /diff` answers (the shadow-diff report), as the proxy defines it.
 * Counters are cumulative since the sidecar started.
 */
export { type DiffKind, type DiffPathReport, type DiffReport, type DiffRouteReport } from '@mirrormesh/proxy';
