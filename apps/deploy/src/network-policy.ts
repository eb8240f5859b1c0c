import { describeObject } from './k8s-object';
import { selects } from './label-selector';
import { type NetworkPolicyPeer, type NetworkPolicyView } from './workload-shapes';

/** A pod of the namespace as a policy sees it: its labels and its named container ports. */
export interface PolicyPod {
  readonly labels: Readonly<Record<string, string>>;
  readonly namedPorts: Readonly<Record<string, number>>;
}

/** Where a connection comes from: a pod of the same namespace, or anything else (users, other namespaces). */
export type PolicySource = { readonly pod: PolicyPod } | 'outside';

/**
 * Whether the NetworkPolicies of one namespace admit a TCP connection from `source` to
 * `target` on container port `port`, as the API documents it: a pod no Ingress policy selects
 * takes everything; a selected pod takes what at least one rule of one selecting policy allows.
 * Only the peers our manifests use are modelled (podSelector); others are refused by name.
 */
export function ingressAllowed(policies: readonly NetworkPolicyView[], target: PolicyPod, source: PolicySource, port: number): boolean {
  const selecting = policies.filter((p) => appliesToIngress(p) && selects(p.spec.podSelector, target.labels));
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec.ingress ?? []).some(
      (rule) =>
        (rule.from === undefined || rule.from.length === 0 || rule.from.some((peer) => peerMatches(policy, peer, source))) &&
        (rule.ports === undefined || rule.ports.length === 0 || rule.ports.some((p) => portMatches(p.port, target, port))),
    ),
  );
}

function appliesToIngress(policy: NetworkPolicyView): boolean {
  // Without policyTypes, every policy is an Ingress policy (and an Egress one if it has egress rules).
  return policy.spec.policyTypes === undefined || policy.spec.policyTypes.includes('Ingress');
}

function peerMatches(policy: NetworkPolicyView, peer: NetworkPolicyPeer, source: PolicySource): boolean {
  if (peer.namespaceSelector !== undefined || peer.ipBlock !== undefined)
    throw new Error(`${describeObject(policy)}: namespaceSelector and ipBlock peers are not modelled by this check`);
  return source !== 'outside' && peer.podSelector !== undefined && selects(peer.podSelector, source.pod.labels);
}

function portMatches(port: number | string | undefined, target: PolicyPod, number: number): boolean {
  if (port === undefined) return true;
  return typeof port === 'number' ? port === number : target.namedPorts[port] === number;
}
