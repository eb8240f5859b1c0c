import { parse } from 'yaml';
import { parseProxyConfig, type ProxyConfig } from '@mirrormesh/proxy';
import { type K8sObject } from '../../src';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string };
  };
}
export interface Probe {
  httpGet?: { path: string; port: string | number };
}
export interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  /** On an init container, `Always` makes it a native sidecar. */
  restartPolicy?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
  lifecycle?: { preStop?: { sleep?: { seconds: number }; exec?: { command: string[] } } };
}
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  topologySpreadConstraints?: {
    maxSkew: number;
    topologyKey: string;
    whenUnsatisfiable: string;
    labelSelector?: { matchLabels?: Record<string, string> };
  }[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  volumes?: { name: string; configMap?: { name: string }; secret?: { secretName: string } }[];
}
export interface Deployment extends K8sObject {
  spec: {
    replicas?: number;
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec };
  };
}
export interface Service extends K8sObject {
  spec: {
    type?: string;
    clusterIP?: string;
    selector: Record<string, string>;
    ports: { name?: string; port: number; targetPort?: string | number }[];
  };
}

export function find<T extends K8sObject>(objects: readonly K8sObject[], kind: string, name: string): T | undefined {
  return objects.find((o) => o.kind === kind && (o.metadata.name === name || o.metadata.name.startsWith(`${name}-`))) as T | undefined;
}

export function get<T extends K8sObject>(objects: readonly K8sObject[], kind: string, name: string): T {
  const found = find<T>(objects, kind, name);
  if (found === undefined) throw new Error(`${kind}/${name} is not in the rendered objects`);
  return found;
}

export function ofKind<T extends K8sObject>(objects: readonly K8sObject[], kind: string): T[] {
  return objects.filter((o) => o.kind === kind) as T[];
}

export function env(container: Container, name: string): EnvVar | undefined {
  return container.env?.find((e) => e.name === name);
}

const POD_LABEL_FIELD = /^metadata\.labels\['([^']+)'\]$/;

/**
 * The value a container of the Deployment's pods sees for `name`: a literal, or a pod label
 * read through the Downward API (fieldRef metadata.labels['…']), as the kubelet resolves it.
 */
export function envValue(deployment: Deployment, container: Container, name: string): string | undefined {
  const variable = env(container, name);
  const fieldPath = variable?.valueFrom?.fieldRef?.fieldPath;
  if (fieldPath === undefined) return variable?.value;
  const label = POD_LABEL_FIELD.exec(fieldPath)?.[1];
  if (label === undefined) throw new Error(`${name} reads ${fieldPath}, not a pod label`);
  return deployment.spec.template.metadata.labels[label];
}

/** The SPA's sidecar config as the SPA would load it (the proxy's own schema). */
export function spaSidecarConfig(objects: readonly K8sObject[]): ProxyConfig {
  const spa = get<Deployment>(objects, 'Deployment', 'bookinfo-spa');
  const volume = spa.spec.template.spec.volumes?.find((v) => v.configMap !== undefined);
  if (volume?.configMap === undefined) throw new Error('bookinfo-spa mounts no ConfigMap');
  const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === volume.configMap?.name) as
    (K8sObject & { data: Record<string, string> }) | undefined;
  if (configMap === undefined) throw new Error(`ConfigMap ${volume.configMap.name} (mounted by bookinfo-spa) is not rendered`);
  const text = configMap.data['sidecar.yaml'];
  if (text === undefined) throw new Error(`ConfigMap ${configMap.metadata.name} has no sidecar.yaml`);
  return parseProxyConfig(parse(text) as unknown);
}
