import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCENARIOS, ingressAllowed, overlayDir, type K8sObject, type NetworkPolicyView, type PolicyPod } from '../src';
import { inlineObject } from './support/inline-manifests';
import { find, ofKind, type Deployment } from './support/objects';
import { renderOverlay, renderOverlayWith } from './support/render';

const pod = (objects: readonly K8sObject[], name: string): PolicyPod | undefined => {
  const deployment = find<Deployment>(objects, 'Deployment', name);
  if (deployment === undefined) return undefined;
  const ports = deployment.spec.template.spec.containers.flatMap((c) => c.ports ?? []);
  return {
    labels: deployment.spec.template.metadata.labels,
    namedPorts: Object.fromEntries(ports.flatMap((p) => (p.name === undefined ? [] : [[p.name, p.containerPort]]))),
  };
};
const policies = (objects: readonly K8sObject[]) => ofKind<NetworkPolicyView>(objects, 'NetworkPolicy');

describe.each(SCENARIOS)('overlay %s: identity', (scenario) => {
  const objects = () => renderOverlay(scenario);

  it('gives every Deployment a ServiceAccount of its own, with no API token mounted', () => {
    const deployments = ofKind<Deployment>(objects(), 'Deployment');
    const accounts = deployments.map((d) => d.spec.template.spec.serviceAccountName);
    expect(new Set(accounts).size).toBe(deployments.length);
    for (const d of deployments) {
      const name = d.spec.template.spec.serviceAccountName;
      const account = ofKind<K8sObject & { automountServiceAccountToken?: boolean }>(objects(), 'ServiceAccount').find(
        (a) => a.metadata.name === name,
      );
      expect({ deployment: d.metadata.name, account: account?.metadata.name, automount: account?.automountServiceAccountToken }).toEqual({
        deployment: d.metadata.name,
        account: d.metadata.name,
        automount: false,
      });
      expect(d.spec.template.spec.automountServiceAccountToken).toBe(false);
    }
  });
});

const withCollector = () => renderOverlayWith('v3-delays', ['local-collector']);
const combinations: [string, () => K8sObject[]][] = [
  ...SCENARIOS.map((s): [string, () => K8sObject[]] => [s, () => renderOverlay(s)]),
  ['v3-delays + local-collector', withCollector],
];

describe.each(combinations)('%s: network policies', (_name, render) => {
  /** Whether `from` (a Deployment's pods, or outside) may open `port` (a named container port) of `to`'s pods. */
  const allowed = (from: string, to: string, port: string): boolean | undefined => {
    const target = pod(render(), to);
    const source = from === 'outside' ? 'outside' : pod(render(), from);
    const number = target?.namedPorts[port];
    if (target === undefined || source === undefined || number === undefined) return undefined;
    return ingressAllowed(policies(render()), target, source === 'outside' ? source : { pod: source }, number);
  };
  const paths: [string, string, string, boolean][] = [
    ['outside', 'bookinfo-spa', 'http', true],
    ['outside', 'bookservice', 'http', false],
    ['outside', 'bookservicemirror', 'http', false],
    ['bookinfo-spa', 'bookservice', 'http', true],
    ['bookinfo-spa', 'bookservicemirror', 'http', true],
    ['bookinfo-spa', 'bookservicelive2', 'http', true],
    ['bookservice', 'bookservicemirror', 'http', false],
    ['bookservicemirror', 'bookservice', 'http', false],
    ['bookservicelive2', 'bookinfo-spa', 'http', true],
    ['bookservice', 'collector', 'https', true],
    ['bookservicemirror', 'collector', 'https', true],
    ['bookinfo-spa', 'collector', 'https', true],
    ['bookinfo-spa', 'collector', 'query', true],
    ['bookservicelive2', 'collector', 'https', false],
    ['bookservice', 'collector', 'query', false],
    ['outside', 'collector', 'query', false],
  ];

  it('allows only the mesh own paths (users to the SPA, the SPA to the book services, the senders to the collector)', () => {
    const results = paths
      .map(([from, to, port, expected]) => ({ path: `${from} -> ${to}:${port}`, expected, actual: allowed(from, to, port) }))
      .filter((r) => r.actual !== undefined);
    expect(results.filter((r) => r.actual !== r.expected)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(3);
  });

  it('denies ingress by default to any pod of the namespace', () => {
    const stranger: PolicyPod = { labels: { app: 'added-later' }, namedPorts: { http: 8080 } };
    expect(ingressAllowed(policies(render()), stranger, 'outside', 8080)).toBe(false);
  });
});

describe('the network-policies component', () => {
  it.each(SCENARIOS)('is listed by overlay %s, before release (so its objects get the namespace)', (scenario) => {
    const { components } = parse(readFileSync(join(overlayDir(scenario), 'kustomization.yaml'), 'utf8')) as { components: string[] };
    const at = (name: string) => components.indexOf(`../../components/${name}`);
    expect(at('network-policies')).toBeGreaterThanOrEqual(0);
    expect(at('network-policies')).toBeLessThan(at('release'));
  });
});

describe('ingressAllowed', () => {
  const web: PolicyPod = { labels: { app: 'web' }, namedPorts: { http: 8080 } };
  const client = { pod: { labels: { app: 'client' }, namedPorts: {} } };
  const policy = (spec: string) =>
    inlineObject(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p }\nspec: ${spec}\n`) as NetworkPolicyView;

  it('lets everything in when no policy selects the pod', () => {
    expect(ingressAllowed([policy('{ podSelector: { matchLabels: { app: other } }, policyTypes: [Ingress] }')], web, 'outside', 8080)).toBe(
      true,
    );
  });

  it('reads named ports and peers: only the selected client, only on the named port', () => {
    const onlyClient = policy(
      '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Ingress], ingress: [{ from: [{ podSelector: { matchLabels: { app: client } } }], ports: [{ port: http }] }] }',
    );
    expect(ingressAllowed([onlyClient], web, client, 8080)).toBe(true);
    expect(ingressAllowed([onlyClient], web, client, 9090)).toBe(false);
    expect(ingressAllowed([onlyClient], web, 'outside', 8080)).toBe(false);
  });

  it('refuses to guess about peers it does not model', () => {
    const byNamespace = policy('{ podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] }');
    expect(() => ingressAllowed([byNamespace], web, client, 8080)).toThrow(
      /NetworkPolicy\/p: namespaceSelector and ipBlock peers are not modelled/,
    );
  });
});
