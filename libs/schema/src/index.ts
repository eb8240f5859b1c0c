export { s } from './builders';
export { Schema, OptionalSchema, DefaultSchema, INVALID, type Infer, type Checked, type PathStack, type SafeParseResult } from './schema';
export {
  ObjectSchema,
  ArraySchema,
  RecordSchema,
  CommaListSchema,
  type Shape,
  type ObjectOutput,
  type ObjectRules,
  type ArrayRules,
} from './composites';
export { StringSchema, NumberSchema, BooleanSchema, OneOfSchema, type StringRules, type NumberRules } from './primitives';
export { SchemaError } from './schema-error';
export { JSON_SCHEMA_DIALECT, type JsonSchema } from './json-schema';
export { formatPath, formatIssue, type Issue, type Path } from './issue';
export { parseEnv } from './parse-env';
