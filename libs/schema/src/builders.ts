import { ArraySchema, CommaListSchema, ObjectSchema, RecordSchema, type ArrayRules, type ObjectRules, type Shape } from './composites';
import { BooleanSchema, NumberSchema, OneOfSchema, StringSchema, type NumberRules, type StringRules } from './primitives';
import { type Schema } from './schema';

/** The builders, read as `s.object({ port: s.integer({ min: 1, max: 65535 }) })`. */
export const s = {
  string: (rules?: StringRules) => new StringSchema(rules),
  number: (rules?: Omit<NumberRules, 'integer'>) => new NumberSchema(rules),
  integer: (rules?: Omit<NumberRules, 'integer'>) => new NumberSchema({ ...rules, integer: true }),
  boolean: (options?: { fromString?: boolean }) => new BooleanSchema(options?.fromString ?? false),
  oneOf: <const T extends string | number | boolean>(values: readonly T[]) => new OneOfSchema<T>(values),
  object: <S extends Shape>(shape: S, rules?: ObjectRules) => new ObjectSchema(shape, rules),
  array: <T>(item: Schema<T>, rules?: ArrayRules) => new ArraySchema(item, rules),
  record: <T>(value: Schema<T>, key?: Schema<string>) => new RecordSchema(value, key),
  /** A comma-separated list, as environment variables carry them: `"2, 4"` → `[2, 4]`. */
  commaList: <T>(item: Schema<T>, rules?: ArrayRules) => new CommaListSchema(item, rules),
};
