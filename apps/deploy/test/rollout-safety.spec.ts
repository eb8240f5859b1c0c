import { ROLLOUT_RULES, SCENARIOS, rolloutViolations, type K8sObject } from '../src';
import { inlineObject } from './support/inline-manifests';
import { get, ofKind, type Deployment } from './support/objects';
import { renderOverlay, renderOverlayWith } from './support/render';

const combinations: [string, () => K8sObject[]][] = [
  ...SCENARIOS.map((s): [string, () => K8sObject[]] => [s, () => renderOverlay(s)]),
  ['v3-delays + local-collector', () => renderOverlayWith('v3-delays', ['local-collector'])],
  ['v3-delays + istio-mirroring', () => renderOverlayWith('v3-delays', ['istio-mirroring'])],
];
/** What users reach: never a single pod. */
const SERVED = ['bookinfo-spa', 'bookservice'];

describe.each(combinations)('%s', (_name, render) => {
  it('keeps every rollout rule: replicas or a reason, one PDB, surge-only updates, spread, preStop within the grace', () => {
    expect(rolloutViolations(render())).toEqual([]);
  });

  it('runs at least two pods of every Deployment that serves users', () => {
    const replicas = SERVED.map((name) => [name, get<Deployment>(render(), 'Deployment', name).spec.replicas ?? 1]);
    expect(replicas.filter(([, n]) => Number(n) < ROLLOUT_RULES.minReplicas)).toEqual([]);
  });

  it('runs the mirror like live (same replicas), so its latencies are measured under the same load per pod', () => {
    const mirror = ofKind<Deployment>(render(), 'Deployment').find((d) => d.metadata.name === 'bookservicemirror');
    if (mirror === undefined) return;
    expect(mirror.spec.replicas).toBe(get<Deployment>(render(), 'Deployment', 'bookservice').spec.replicas);
  });
});

describe('the collector (components/local-collector)', () => {
  it('stays one pod replaced with Recreate: its SQLite store has one writer', () => {
    const collector = get<Deployment>(renderOverlayWith('v3-delays', ['local-collector']), 'Deployment', 'collector');
    expect(collector.spec.replicas).toBe(1);
    expect(collector.spec.strategy?.type).toBe('Recreate');
  });
});

const deployment = (fields: {
  replicas: number;
  annotations?: string;
  grace?: number;
  preStop?: number;
  shutdownMs?: string;
  extra?: string;
}) =>
  inlineObject(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  ${fields.annotations ?? ''}
spec:
  replicas: ${fields.replicas}
  strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      terminationGracePeriodSeconds: ${fields.grace ?? 30}
      topologySpreadConstraints:
        - { maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }
        - { maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: { matchLabels: { app: web } } }
      containers:
        - name: web
          image: web:1
          env: [${fields.shutdownMs === undefined ? '' : `{ name: SHUTDOWN_TIMEOUT_MS, value: "${fields.shutdownMs}" }`}]
          ${fields.preStop === undefined ? '' : `lifecycle: { preStop: { sleep: { seconds: ${fields.preStop} } } }`}
`);
const budget = (spec: string, app = 'web') =>
  inlineObject(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: ${app}-${spec.replace(/\W+/g, '')} }
spec: { ${spec}, selector: { matchLabels: { app: ${app} } } }
`);

describe('rolloutViolations on broken manifests', () => {
  const good = { replicas: 2, preStop: 10, shutdownMs: '10000' };

  it('accepts a Deployment that keeps every rule', () => {
    expect(rolloutViolations([deployment(good), budget('maxUnavailable: 1')])).toEqual([]);
  });

  it('refuses a single replica unless an annotation says why', () => {
    expect(rolloutViolations([deployment({ ...good, replicas: 1 })])).toEqual([
      `Deployment/web: 1 replica(s) and no ${ROLLOUT_RULES.singleReplicaAnnotation} annotation saying why`,
    ]);
    const explained = deployment({ ...good, replicas: 1, annotations: 'annotations: { mirrormesh.io/single-replica: "one writer" }' });
    expect(rolloutViolations([explained])).toEqual([]);
  });

  it('wants exactly one PDB, one that lets a drain proceed', () => {
    expect(rolloutViolations([deployment(good)])).toEqual(['Deployment/web: 0 PodDisruptionBudgets select its pods (must be exactly 1)']);
    expect(rolloutViolations([deployment(good), budget('minAvailable: 2')])).toEqual([
      'Deployment/web: PodDisruptionBudget/web-minAvailable2 allows 0 of 2 pods down at once (must be between 1 and 1)',
    ]);
  });

  it('refuses a PDB that selects no Deployment', () => {
    expect(rolloutViolations([deployment(good), budget('maxUnavailable: 1'), budget('maxUnavailable: 1', 'gone')])).toEqual([
      'PodDisruptionBudget/gone-maxUnavailable1: selects the pods of 0 Deployments (must be exactly 1)',
    ]);
  });

  it('wants a preStop sleep and an explicit shutdown timeout that fit in the grace period', () => {
    const { preStop: _omitted, ...withoutPreStop } = good;
    expect(rolloutViolations([deployment(withoutPreStop), budget('maxUnavailable: 1')])).toEqual([
      'Deployment/web container web: no preStop sleep to outlast endpoint propagation',
    ]);
    const { shutdownMs: _unset, ...withoutShutdown } = good;
    expect(rolloutViolations([deployment(withoutShutdown), budget('maxUnavailable: 1')])).toEqual([
      'Deployment/web container web: SHUTDOWN_TIMEOUT_MS is not set to a number',
    ]);
    expect(rolloutViolations([deployment({ ...good, grace: 20 }), budget('maxUnavailable: 1')])).toEqual([
      'Deployment/web container web: preStop 10 s + shutdown 10 s does not fit in the 20 s grace period',
    ]);
  });
});
