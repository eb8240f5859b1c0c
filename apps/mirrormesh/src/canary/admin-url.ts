import { type MeshState } from '../mesh/mesh-state';

/**
 * The running mesh's sidecar admin API (the front end's, on loopback), when its state file
 * names a usable one: a file written by an older `up`, or edited by hand, may not.
 */
export function adminUrlOf(state: MeshState | undefined): string | undefined {
  const url: unknown = state?.adminUrl;
  return typeof url === 'string' && /^https?:\/\/[^/]+\/?$/.test(url) ? url.replace(/\/$/, '') : undefined;
}
