import { join, resolve } from 'node:path';

/** The repository root: this file is apps/deploy/{src,dist}/repo-paths.* in it. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const K8S_DIR = join(REPO_ROOT, 'k8s');
export const DOCKER_DIR = join(REPO_ROOT, 'docker');
export const COMPOSE_FILE = join(REPO_ROOT, 'compose.yaml');
export const HOST_NETWORK_COMPOSE_FILE = join(DOCKER_DIR, 'compose.host-network.yaml');

/** The lab's scenarios: the Kustomize overlays, and compose's MIRROR_SCENARIO values. */
export const SCENARIOS = ['v1-live', 'v2-mirroring', 'v3-delays', 'v4-fault', 'v5-schema-change'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export function overlayDir(scenario: Scenario): string {
  return join(K8S_DIR, 'overlays', scenario);
}
