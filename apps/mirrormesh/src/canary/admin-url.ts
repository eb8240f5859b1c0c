import { type MeshState } from '../mesh/mesh-state';

/**
 * The running mesh's sidecar admin API, when its state publishes one (`adminUrl`); the
 * in-process front end of `mirrormesh up` has none today, so --admin names it.
 */
export function adminUrlOf(state: MeshState | undefined): string | undefined {
  const url = (state as { adminUrl?: unknown } | undefined)?.adminUrl;
  return typeof url === 'string' && /^https?:\/\/[^/]+\/?$/.test(url) ? url.replace(/\/$/, '') : undefined;
}
