import { ManifestSchemaError, SCENARIOS, describeObject, knownKinds, loadModel, validateK8sObject } from '../src';
import { inlineDeployment } from './support/inline-manifests';
import { renderOverlay, renderOverlayWith } from './support/render';

const combinations: [string, () => ReturnType<typeof renderOverlay>][] = [
  ...SCENARIOS.map((s): [string, () => ReturnType<typeof renderOverlay>] => [s, () => renderOverlay(s)]),
  ['v1-live + local-collector', () => renderOverlayWith('v1-live', ['local-collector'])],
  ['v3-delays + local-collector', () => renderOverlayWith('v3-delays', ['local-collector'])],
  ['v3-delays + istio-mirroring', () => renderOverlayWith('v3-delays', ['istio-mirroring'])],
  ['v3-delays + local-collector + istio-mirroring', () => renderOverlayWith('v3-delays', ['local-collector', 'istio-mirroring'])],
];

describe('every rendered object validates against its Kubernetes (or Istio) schema, offline', () => {
  it.each(combinations)('%s', async (_name, render) => {
    const failures: string[] = [];
    for (const object of render()) {
      try {
        await validateK8sObject(object);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    expect(failures).toEqual([]);
  });

  it('rejects a wrongly typed field, naming the object and the path', async () => {
    const run = validateK8sObject(inlineDeployment('broken', 'ports: [{ containerPort: "8080" }]'));
    await expect(run).rejects.toThrow(ManifestSchemaError);
    await expect(run).rejects.toThrow(/^Deployment\/broken: spec\/template\/spec\/containers\/0\/ports\/0\/containerPort must be integer/);
  });

  it('rejects a kind it has no schema for rather than letting it through', async () => {
    const object = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly' } };
    await expect(validateK8sObject(object)).rejects.toThrow(`${describeObject(object)}: no offline schema for batch/v1/CronJob`);
  });

  // Istio's networking.istio.io/v1 objects were once checked with the v1beta1 models (same schema).
  it.each(knownKinds())('checks %s with the model of that very apiVersion and kind', async (kind) => {
    const Model = await loadModel(kind);
    expect(Model === undefined ? undefined : `${Model.apiVersion}/${Model.kind}`).toBe(kind);
  });
});
