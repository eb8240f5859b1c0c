import { JSON_SCHEMA_DIALECT, type JsonSchema } from '@mirrormesh/schema';
import { PROXY_CONFIG_RULES, proxyConfigSchema } from './proxy-config.schema';

/** Where the committed copy lives, relative to this package (editors read it from there). */
export const PROXY_CONFIG_JSON_SCHEMA_FILE = 'sidecar-config.schema.json';

/** The sidecar config's JSON Schema, generated from proxyConfigSchema (the one schema). */
export function proxyConfigJsonSchema(): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'mirrormesh sidecar configuration',
    description: PROXY_CONFIG_RULES,
    ...proxyConfigSchema.toJsonSchema(),
  };
}

/** The file's text: stable key order, two-space indent, a final newline. */
export function proxyConfigJsonSchemaText(): string {
  return `${JSON.stringify(proxyConfigJsonSchema(), null, 2)}\n`;
}
