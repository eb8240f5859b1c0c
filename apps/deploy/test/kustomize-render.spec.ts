import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubectlNotFoundError, KustomizeRenderError, SCENARIOS, overlayDir, renderKustomization } from '../src';
import { renderOverlay } from './support/render';

describe('kubectl kustomize renders every overlay', () => {
  it.each(SCENARIOS)('%s renders to Kubernetes objects', (scenario) => {
    const objects = renderOverlay(scenario);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      expect.arrayContaining(['Service/bookservice', 'Deployment/bookservice', 'Service/bookinfo-spa', 'Deployment/bookinfo-spa']),
    );
  });

  it('names kubectl and how to get it when it is not installed', () => {
    const run = () => renderKustomization(overlayDir('v1-live'), { kubectl: 'kubectl', env: { PATH: '/nonexistent' } });
    expect(run).toThrow(KubectlNotFoundError);
    expect(run).toThrow(/"kubectl" was not found on PATH: .*install kubectl/);
  });

  it('reports what kustomize refused, with the directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirrormesh-bad-kustomize-'));
    try {
      writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - does-not-exist.yaml\n');
      expect(() => renderKustomization(dir)).toThrow(KustomizeRenderError);
      expect(() => renderKustomization(dir)).toThrow(new RegExp(`kubectl kustomize ${dir} failed: .*does-not-exist`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
