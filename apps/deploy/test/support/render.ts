import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { K8S_DIR, overlayDir, renderKustomization, type K8sObject, type Scenario } from '../../src';

const cache = new Map<string, K8sObject[]>();

/** An overlay as `kubectl apply -k` would send it (rendered once per test file). */
export function renderOverlay(scenario: Scenario): K8sObject[] {
  const key = scenario;
  let objects = cache.get(key);
  if (objects === undefined) {
    objects = renderKustomization(overlayDir(scenario));
    cache.set(key, objects);
  }
  return objects;
}

/**
 * An overlay plus components, as a user's own kustomization would combine them (in a temporary
 * directory: kustomize only accepts relative references). `release` is appended last, as the
 * components' comments say.
 */
export function renderOverlayWith(scenario: Scenario, components: readonly string[]): K8sObject[] {
  const key = `${scenario}+${components.join('+')}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'mirrormesh-kustomize-'));
  try {
    const ref = (path: string) => relative(dir, path);
    const names = [...components, 'release'];
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        `  - ${ref(overlayDir(scenario))}`,
        'components:',
        ...names.map((name) => `  - ${ref(join(K8S_DIR, 'components', name))}`),
        '',
      ].join('\n'),
    );
    const objects = renderKustomization(dir);
    cache.set(key, objects);
    return objects;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
