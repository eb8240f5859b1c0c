import { type ObjectOutput, ObjectSchema, type Shape } from './composites';
import { SchemaError } from './schema-error';

/**
 * Validates the process environment against a schema of the variables an app reads.
 * Variables the schema does not name are ignored (the environment holds many); empty
 * strings count as unset, as shells and compose files produce them for "no value".
 */
export function parseEnv<S extends Shape>(shape: S, env: NodeJS.ProcessEnv = process.env): ObjectOutput<S> {
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const result = new ObjectSchema(shape).safeParse(relevant);
  if (!result.ok) throw new SchemaError(result.issues, 'environment');
  return result.value;
}
