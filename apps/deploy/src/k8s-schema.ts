import { ManifestSchemaError } from './errors';
import { describeObject, type K8sObject } from './k8s-object';
import { knownKinds, loadModel } from './k8s-models';
import { validateWithUnknownFields } from './unknown-fields';

/**
 * Rejects with ManifestSchemaError naming the object and every rule it breaks: types, required
 * fields and enums, then, as kubeconform `-strict` does, every field its schema does not know.
 */
export async function validateK8sObject(object: K8sObject): Promise<void> {
  const key = `${object.apiVersion}/${object.kind}`;
  const Model = await loadModel(key);
  if (Model === undefined)
    throw new ManifestSchemaError(describeObject(object), [`no offline schema for ${key} (known: ${knownKinds().join(', ')})`]);
  // The model's own validate() runs on the object itself (not on the copy its constructor
  // makes), so that every field the schema reads can be seen.
  const model = Object.assign(Object.create(Model.prototype) as InstanceType<typeof Model>, normalize(object));
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
