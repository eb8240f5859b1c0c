interface Validatable {
  validate(): void;
}
export type ModelClass = (new (data: never) => Validatable) & { readonly apiVersion: string; readonly kind: string };

/**
 * The kinds our manifests may contain, each with its model: the offline schema of that very
 * apiVersion (kubernetes-models, @kubernetes-models/istio, @kubernetes-models/argo-rollouts,
 * @kubernetes-models/prometheus-operator: generated from the Kubernetes OpenAPI spec and the Istio, Argo Rollouts and
 * Prometheus Operator CRDs). A kind missing here fails the check: adding one to k8s/ means adding it here.
 *
 * Both packages are ES modules whose `exports` have only an `import` condition, so neither
 * require() nor Node 24's require(esm) resolves them; import() does. One model file per kind, so
 * that a kind costs only its own schema.
 */
const MODELS: ReadonlyMap<string, () => Promise<ModelClass>> = new Map<string, () => Promise<ModelClass>>([
  ['v1/ConfigMap', async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap],
  ['v1/Namespace', async () => (await import('kubernetes-models/v1/Namespace')).Namespace],
  ['v1/PersistentVolumeClaim', async () => (await import('kubernetes-models/v1/PersistentVolumeClaim')).PersistentVolumeClaim],
  ['v1/Secret', async () => (await import('kubernetes-models/v1/Secret')).Secret],
  ['v1/Service', async () => (await import('kubernetes-models/v1/Service')).Service],
  ['v1/ServiceAccount', async () => (await import('kubernetes-models/v1/ServiceAccount')).ServiceAccount],
  ['apps/v1/Deployment', async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment],
  ['policy/v1/PodDisruptionBudget', async () => (await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget],
  ['networking.k8s.io/v1/NetworkPolicy', async () => (await import('kubernetes-models/networking.k8s.io/v1/NetworkPolicy')).NetworkPolicy],
  [
    'networking.istio.io/v1/VirtualService',
    async () => (await import('@kubernetes-models/istio/networking.istio.io/v1/VirtualService')).VirtualService,
  ],
  // The delivery-pipeline example (apps/mirrormesh/examples/pipeline): Argo Rollouts' gate.
  [
    'argoproj.io/v1alpha1/AnalysisTemplate',
    async () => (await import('@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate')).AnalysisTemplate,
  ],
  // components/prometheus-servicemonitor: the Prometheus Operator's scrape target.
  [
    'monitoring.coreos.com/v1/ServiceMonitor',
    async () => (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor')).ServiceMonitor,
  ],
  [
    'networking.istio.io/v1/DestinationRule',
    async () => (await import('@kubernetes-models/istio/networking.istio.io/v1/DestinationRule')).DestinationRule,
  ],
]);

/** `apps/v1/Deployment`, …: every `apiVersion/kind` that has a model. */
export function knownKinds(): string[] {
  return [...MODELS.keys()];
}

/** The model for `apiVersion/kind`, or undefined if there is none. */
export async function loadModel(key: string): Promise<ModelClass | undefined> {
  return MODELS.get(key)?.();
}
