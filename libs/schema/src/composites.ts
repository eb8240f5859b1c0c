import { describeType, type Issue } from './issue';
import { keywords, type JsonSchema } from './json-schema';
import { fail } from './primitives';
import { INVALID, Schema, type Checked, type Infer, type PathStack } from './schema';

export type Shape = Record<string, Schema<unknown>>;

type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optionalOutput: true } ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type ObjectOutput<S extends Shape> = Simplify<{ [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }>;

export interface ObjectRules {
  /**
   * What to do with keys the shape does not name. `reject` (the default) turns a typo
   * such as `mirrorPercentge` into an error instead of a silently ignored setting.
   */
  readonly unknownKeys?: 'reject' | 'strip';
}

export class ObjectSchema<S extends Shape> extends Schema<ObjectOutput<S>> {
  /** Read once: `check` runs per input, and the collector checks every item it ingests. */
  private readonly entries: readonly (readonly [string, Schema<unknown>])[];
  private readonly known: ReadonlySet<string>;

  constructor(
    readonly shape: S,
    private readonly rules: ObjectRules = {},
  ) {
    super();
    this.entries = Object.entries(shape);
    this.known = new Set(Object.keys(shape));
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<ObjectOutput<S>> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return fail(issues, path, `must be an object (got ${describeType(input)})`);
    }
    const source = input as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let valid = true;
    for (const [key, schema] of this.entries) {
      const present = Object.prototype.hasOwnProperty.call(source, key);
      if (!present && !schema.isOptional) {
        issues.push({ path: [...path, key], message: 'is required' });
        valid = false;
        continue;
      }
      path.push(key);
      const value = schema.check(present ? source[key] : undefined, path, issues);
      path.pop();
      if (value === INVALID) valid = false;
      else if (value !== undefined) out[key] = value;
    }
    if ((this.rules.unknownKeys ?? 'reject') === 'reject') {
      for (const key of Object.keys(source)) {
        if (this.known.has(key)) continue;
        issues.push({ path: [...path, key], message: `is not a known key (expected one of: ${[...this.known].join(', ')})` });
        valid = false;
      }
    }
    return valid ? (out as ObjectOutput<S>) : INVALID;
  }

  toJsonSchema(): JsonSchema {
    const required = this.entries.filter(([, schema]) => !schema.isOptional).map(([key]) => key);
    return keywords({
      type: 'object',
      properties: Object.fromEntries(this.entries.map(([key, schema]) => [key, schema.toJsonSchema()])),
      required: required.length > 0 ? required : undefined,
      additionalProperties: (this.rules.unknownKeys ?? 'reject') === 'reject' ? false : undefined,
    });
  }
}

export interface ArrayRules {
  readonly minItems?: number;
  readonly maxItems?: number;
}

export class ArraySchema<T> extends Schema<T[]> {
  constructor(
    private readonly item: Schema<T>,
    private readonly rules: ArrayRules = {},
  ) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<T[]> {
    if (!Array.isArray(input)) return fail(issues, path, `must be an array (got ${describeType(input)})`);
    const { minItems, maxItems } = this.rules;
    if (minItems !== undefined && input.length < minItems) {
      return fail(issues, path, minItems === 1 ? 'must have at least one item' : `must have at least ${minItems} items`);
    }
    if (maxItems !== undefined && input.length > maxItems) return fail(issues, path, `must have at most ${maxItems} items`);
    const out: T[] = [];
    let valid = true;
    for (let index = 0; index < input.length; index++) {
      path.push(index);
      const value = this.item.check(input[index], path, issues);
      path.pop();
      if (value === INVALID) valid = false;
      else out.push(value);
    }
    return valid ? out : INVALID;
  }

  toJsonSchema(): JsonSchema {
    return keywords({ type: 'array', items: this.item.toJsonSchema(), minItems: this.rules.minItems, maxItems: this.rules.maxItems });
  }
}

/** An object used as a map: any keys, every value of one schema (e.g. headers to set). */
export class RecordSchema<T> extends Schema<Record<string, T>> {
  constructor(
    private readonly value: Schema<T>,
    private readonly key?: Schema<string>,
  ) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<Record<string, T>> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return fail(issues, path, `must be an object (got ${describeType(input)})`);
    }
    const out: Record<string, T> = {};
    let valid = true;
    const source = input as Record<string, unknown>;
    for (const key of Object.keys(source)) {
      path.push(key);
      const value =
        this.key !== undefined && this.key.check(key, path, issues) === INVALID ? INVALID : this.value.check(source[key], path, issues);
      path.pop();
      if (value === INVALID) valid = false;
      else out[key] = value;
    }
    return valid ? out : INVALID;
  }

  toJsonSchema(): JsonSchema {
    return keywords({ type: 'object', propertyNames: this.key?.toJsonSchema(), additionalProperties: this.value.toJsonSchema() });
  }
}

/** A comma-separated list, as environment variables carry them: `"2, 4"` → `[2, 4]`. */
export class CommaListSchema<T> extends Schema<T[]> {
  private readonly items: ArraySchema<T>;

  constructor(item: Schema<T>, rules?: ArrayRules) {
    super();
    this.items = new ArraySchema(item, rules);
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<T[]> {
    if (Array.isArray(input)) return this.items.check(input, path, issues);
    if (typeof input !== 'string') return fail(issues, path, `must be a comma-separated list (got ${describeType(input)})`);
    const parts = input.trim() === '' ? [] : input.split(',').map((part) => part.trim());
    return this.items.check(parts, path, issues);
  }

  /** An array, or the comma-separated string an environment variable carries. */
  toJsonSchema(): JsonSchema {
    return { anyOf: [this.items.toJsonSchema(), { type: 'string' }] };
  }
}
