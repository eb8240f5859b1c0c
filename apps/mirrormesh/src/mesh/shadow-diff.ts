import { type Scenario } from './scenarios';

/**
 * Whether the mesh's sidecar compares the mirror's answers with live (shadow diff,
 * `mirror.compare`). Every mirrored scenario (v2–v5) compares, so that v2 — the same code
 * twice — shows what a release without a regression looks like: `servedAt` differs, as noise
 * only. Off, the mesh mirrors as before and runs no noise instance.
 */
export const MESH_COMPARES_ANSWERS = true;

/** A second instance of the live version: live vs it is the noise (Diffy's primary vs secondary). */
export const NOISE_CLUSTER = 'bookservicelive2';

/**
 * Nothing ignored beyond the proxy's defaults (which include `x-version-tag`: it names the
 * deployment, so it differs between live and any mirror by design): `servedAt` is left for the
 * noise instance to recognise, which is what the lab checks.
 */
export const MESH_COMPARE_IGNORE: readonly string[] = [];

/** Does the mesh compare answers (and so run the noise instance) in this scenario? */
export function comparesAnswers(scenario: Scenario): boolean {
  return MESH_COMPARES_ANSWERS && scenario.mirror !== undefined;
}

/** The `compare` block of the mirror policy, in the proxy's config syntax. */
export function meshCompareConfig(noiseCluster: string): Record<string, unknown> {
  return {
    enabled: true,
    ignore: [...MESH_COMPARE_IGNORE],
    noise: { cluster: noiseCluster, percentage: { value: 100 } },
  };
}
