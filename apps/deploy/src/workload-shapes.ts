import { type K8sObject } from './k8s-object';
import { type LabelSelector } from './label-selector';

/**
 * The fields of rendered objects that the rollout and network rules read. The schema check
 * (validateK8sObject) has already vouched for their types; these views only name them.
 */
export interface ContainerView {
  readonly name: string;
  readonly image: string;
  readonly ports?: readonly { readonly name?: string; readonly containerPort: number }[];
  readonly env?: readonly {
    readonly name: string;
    readonly value?: string;
    readonly valueFrom?: { readonly fieldRef?: { readonly fieldPath: string } };
  }[];
  readonly lifecycle?: {
    readonly preStop?: { readonly sleep?: { readonly seconds: number }; readonly exec?: unknown; readonly httpGet?: unknown };
  };
}

export interface DeploymentView extends K8sObject {
  readonly metadata: K8sObject['metadata'] & { readonly annotations?: Readonly<Record<string, string>> };
  readonly spec: {
    readonly replicas?: number;
    readonly strategy?: {
      readonly type?: string;
      readonly rollingUpdate?: { readonly maxSurge?: number | string; readonly maxUnavailable?: number | string };
    };
    readonly selector: { readonly matchLabels?: Readonly<Record<string, string>> };
    readonly template: {
      readonly metadata: { readonly labels: Readonly<Record<string, string>> };
      readonly spec: {
        readonly containers: readonly ContainerView[];
        readonly serviceAccountName?: string;
        readonly automountServiceAccountToken?: boolean;
        readonly terminationGracePeriodSeconds?: number;
        readonly topologySpreadConstraints?: readonly {
          readonly topologyKey: string;
          readonly whenUnsatisfiable: string;
          readonly maxSkew: number;
          readonly labelSelector?: LabelSelector;
        }[];
      };
    };
  };
}

export interface PodDisruptionBudgetView extends K8sObject {
  readonly spec: { readonly selector?: LabelSelector; readonly minAvailable?: number | string; readonly maxUnavailable?: number | string };
}

export interface NetworkPolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: unknown;
}

export interface NetworkPolicyView extends K8sObject {
  readonly spec: {
    readonly podSelector: LabelSelector;
    readonly policyTypes?: readonly string[];
    readonly ingress?: readonly {
      readonly from?: readonly NetworkPolicyPeer[];
      readonly ports?: readonly { readonly port?: number | string; readonly protocol?: string }[];
    }[];
  };
}

export function objectsOfKind<T extends K8sObject>(objects: readonly K8sObject[], kind: string): T[] {
  return objects.filter((o) => o.kind === kind) as T[];
}
