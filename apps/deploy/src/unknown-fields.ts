/**
 * kubeconform's `-strict` rule, applied with the validators kubernetes-models generated from
 * the Kubernetes and Istio OpenAPI schemas: a field is unknown where its object's schema lists
 * `properties` and the field is not one of them. Free-form maps (labels, annotations,
 * `additionalProperties`, preserve-unknown-fields) stay free-form.
 *
 * The generated validators carry no `additionalProperties: false` and hide their schemas, so
 * the rule is read from what they do: a validator reads each property its schema lists,
 * enumerates the keys of a map, and does neither for a free-form object. The object is
 * validated behind a proxy that records this; an object some of whose properties were read
 * and whose keys were never enumerated has a schema with `properties`, and its other keys
 * are unknown.
 */
export interface UnknownField {
  /** Where the object holding the field is, as `spec/template/spec/containers/0`. */
  readonly path: string;
  readonly field: string;
}

interface Visit {
  readonly path: string;
  readonly target: Record<string, unknown>;
  readonly read: Set<string>;
  enumerated: boolean;
}

/** Runs `validate` on a recording view of `object`; returns the fields it never looked at. */
export function validateWithUnknownFields<T extends object>(object: T, validate: (view: T) => void): UnknownField[] {
  const visits = new Map<object, Visit>();
  validate(recordingView(object, '', visits) as T);
  const unknown: UnknownField[] = [];
  for (const visit of visits.values()) {
    if (visit.enumerated || visit.read.size === 0 || Array.isArray(visit.target)) continue;
    for (const field of Object.keys(visit.target)) {
      if (!visit.read.has(field)) unknown.push({ path: visit.path, field });
    }
  }
  return unknown;
}

function recordingView(value: unknown, path: string, visits: Map<object, Visit>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  let visit = visits.get(value);
  if (visit === undefined) {
    visit = { path, target: value as Record<string, unknown>, read: new Set(), enumerated: false };
    visits.set(value, visit);
  }
  const seen = visit;
  const child = (key: string) => (path === '' ? key : `${path}/${key}`);
  return new Proxy(value, {
    get(target, key, receiver) {
      const found: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return found;
      // Absent properties count too: reading them is what shows the schema lists them.
      seen.read.add(key);
      return Object.prototype.hasOwnProperty.call(target, key) ? recordingView(found, child(key), visits) : found;
    },
    has(target, key) {
      if (typeof key === 'string') seen.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      seen.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}
