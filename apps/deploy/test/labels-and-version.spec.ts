import { MIRROR_VERSION_TAGS, SCENARIOS, type K8sObject } from '../src';
import { env, envValue, ofKind, type Deployment } from './support/objects';
import { renderOverlay, renderOverlayWith } from './support/render';

const POD_LABELS = ['name', 'instance', 'component', 'part-of', 'version'].map((l) => `app.kubernetes.io/${l}`);
const VERSION_TAG_LABEL = 'mirrormesh.io/version-tag';
const combinations: [string, () => K8sObject[]][] = [
  ...SCENARIOS.map((s): [string, () => K8sObject[]] => [s, () => renderOverlay(s)]),
  ['v3-delays + local-collector', () => renderOverlayWith('v3-delays', ['local-collector'])],
];

describe.each(combinations)('%s', (_name, render) => {
  const deployments = () => ofKind<Deployment>(render(), 'Deployment');

  it('labels every pod with the app.kubernetes.io set, and selects on `app` alone (a selector cannot change once applied)', () => {
    for (const d of deployments()) {
      const labels = d.spec.template.metadata.labels;
      expect({ name: d.metadata.name, missing: POD_LABELS.filter((l) => labels[l] === undefined) }).toEqual({
        name: d.metadata.name,
        missing: [],
      });
      expect(labels['app.kubernetes.io/instance']).toBe(d.metadata.name);
      expect(d.spec.selector.matchLabels).toEqual({ app: d.metadata.name });
    }
  });

  it('labels every pod with the version of the images it runs', () => {
    for (const d of deployments())
      for (const c of d.spec.template.spec.containers)
        expect({ pod: d.metadata.name, version: d.spec.template.metadata.labels['app.kubernetes.io/version'] }).toEqual({
          pod: d.metadata.name,
          version: c.image.slice(c.image.lastIndexOf(':') + 1),
        });
  });

  it('gives VERSION_TAG from the pod`s own label (Downward API), never as a literal that could drift', () => {
    for (const d of deployments())
      for (const c of d.spec.template.spec.containers) {
        const tag = env(c, 'VERSION_TAG');
        if (tag === undefined) continue;
        expect({ pod: d.metadata.name, tag }).toEqual({
          pod: d.metadata.name,
          tag: { name: 'VERSION_TAG', valueFrom: { fieldRef: { fieldPath: `metadata.labels['${VERSION_TAG_LABEL}']` } } },
        });
        expect(envValue(d, c, 'VERSION_TAG')).toMatch(/^V\dMIR-/);
      }
  });
});

describe.each(SCENARIOS.filter((s) => MIRROR_VERSION_TAGS[s] !== undefined))('overlay %s', (scenario) => {
  it('labels the mirror pods with the VersionTag they report', () => {
    const mirror = ofKind<Deployment>(renderOverlay(scenario), 'Deployment').find((d) => d.metadata.name === 'bookservicemirror');
    expect(mirror?.spec.template.metadata.labels[VERSION_TAG_LABEL]).toBe(MIRROR_VERSION_TAGS[scenario]);
    expect(mirror?.spec.template.metadata.labels['version']).toBe('mirror');
  });
});
