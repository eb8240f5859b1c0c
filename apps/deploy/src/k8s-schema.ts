import { DestinationRule, VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { ManifestSchemaError } from './errors';
import { describeObject, type K8sObject } from './k8s-object';
import { validateWithUnknownFields } from './unknown-fields';

interface Validatable {
  validate(): void;
}
type ModelClass = (new (data: never) => Validatable) & { readonly apiVersion: string };

/**
 * The kinds our manifests may contain, with their offline schemas (kubernetes-models, generated
 * from the Kubernetes and Istio OpenAPI specs). A kind missing here fails the check: adding one
 * to k8s/ means adding its schema here.
 *
 * Istio's CRDs declare one openAPIV3Schema for every version they serve (v1alpha3, v1beta1, v1),
 * so `networking.istio.io/v1` objects are checked with the v1beta1 models: the last CommonJS
 * release of @kubernetes-models/istio (2.x) predates the v1 models, and 3.x is import-only ESM.
 */
const MODELS: ReadonlyMap<string, ModelClass> = new Map<string, ModelClass>([
  ['v1/ConfigMap', ConfigMap],
  ['v1/Namespace', Namespace],
  ['v1/PersistentVolumeClaim', PersistentVolumeClaim],
  ['v1/Secret', Secret],
  ['v1/Service', Service],
  ['v1/ServiceAccount', ServiceAccount],
  ['apps/v1/Deployment', Deployment],
  ['networking.istio.io/v1/VirtualService', VirtualService],
  ['networking.istio.io/v1/DestinationRule', DestinationRule],
]);

export function knownKinds(): string[] {
  return [...MODELS.keys()];
}

/**
 * Throws ManifestSchemaError naming the object and every rule it breaks: types, required fields
 * and enums, then, as kubeconform `-strict` does, every field its schema does not know.
 */
export function validateK8sObject(object: K8sObject): void {
  const key = `${object.apiVersion}/${object.kind}`;
  const Model = MODELS.get(key);
  if (Model === undefined)
    throw new ManifestSchemaError(describeObject(object), [`no offline schema for ${key} (known: ${knownKinds().join(', ')})`]);
  // The model's own validate() runs on the object itself (not on the copy its constructor
  // makes), so that every field the schema reads can be seen.
  const model = Object.assign(Object.create(Model.prototype) as Validatable, normalize(object), { apiVersion: Model.apiVersion });
  let unknown;
  try {
    unknown = validateWithUnknownFields(model, (view) => Model.prototype.validate.call(view));
  } catch (error) {
    throw new ManifestSchemaError(describeObject(object), [schemaMessage(error)]);
  }
  if (unknown.length > 0) {
    throw new ManifestSchemaError(
      describeObject(object),
      unknown.map(({ path, field }) => `${path === '' ? 'the object' : path} has an unknown field "${field}"`),
    );
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
