import { DestinationRule, VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { ManifestSchemaError } from './errors';
import { describeObject, type K8sObject } from './k8s-object';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

/**
 * The kinds our manifests may contain, with their offline schemas (kubernetes-models, generated
 * from the Kubernetes and Istio OpenAPI specs). A kind missing here fails the check: adding one
 * to k8s/ means adding its schema here.
 */
const MODELS: ReadonlyMap<string, ModelClass> = new Map<string, ModelClass>([
  ['v1/ConfigMap', ConfigMap],
  ['v1/Namespace', Namespace],
  ['v1/PersistentVolumeClaim', PersistentVolumeClaim],
  ['v1/Secret', Secret],
  ['v1/Service', Service],
  ['v1/ServiceAccount', ServiceAccount],
  ['apps/v1/Deployment', Deployment],
  ['networking.istio.io/v1beta1/VirtualService', VirtualService],
  ['networking.istio.io/v1beta1/DestinationRule', DestinationRule],
]);

export function knownKinds(): string[] {
  return [...MODELS.keys()];
}

/** Throws ManifestSchemaError naming the object and every rule it breaks. */
export function validateK8sObject(object: K8sObject): void {
  const key = `${object.apiVersion}/${object.kind}`;
  const Model = MODELS.get(key);
  if (Model === undefined)
    throw new ManifestSchemaError(describeObject(object), [`no offline schema for ${key} (known: ${knownKinds().join(', ')})`]);
  try {
    new Model(normalize(object) as never).validate();
  } catch (error) {
    throw new ManifestSchemaError(describeObject(object), [schemaMessage(error)]);
  }
}

/**
 * kustomize wraps long base64 Secret values at 70 columns; the API server's decoder skips
 * the line breaks, the schema's "byte" format does not. Validate them as the server reads them.
 */
function normalize(object: K8sObject): K8sObject {
  const data = object['data'];
  if (object.kind !== 'Secret' || typeof data !== 'object' || data === null) return object;
  const unwrapped = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/\s+/g, '') : value]),
  );
  return { ...object, data: unwrapped };
}

function schemaMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // kubernetes-models prefixes every path with "data/"; the object's own paths read better.
  return message.replace(/(^|, )data\//g, '$1');
}
