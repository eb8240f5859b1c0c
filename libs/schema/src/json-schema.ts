/** A JSON Schema (draft 2020-12) document or subschema, as plain JSON. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The keywords whose value is set: rules a schema does not have are left out, not `undefined`. */
export function keywords(entries: Record<string, unknown>): JsonSchema {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}
