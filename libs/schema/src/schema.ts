import { type Issue } from './issue';
import { keywords, type JsonSchema } from './json-schema';
import { SchemaError } from './schema-error';

/** Returned by a check that failed; the issues are already recorded. */
export const INVALID: unique symbol = Symbol('invalid');
export type Checked<T> = T | typeof INVALID;

export type SafeParseResult<T> = { ok: true; value: T } | { ok: false; issues: readonly Issue[] };

/**
 * Where `check` is in the input: a stack that composites push a key onto before checking a
 * child and pop after. It is copied only into an issue, so a valid input costs no path
 * arrays (the collector checks every ingested item).
 */
export type PathStack = (string | number)[];

/**
 * A validator that also carries the TypeScript type of what it accepts. Subclasses
 * implement `check`, recording issues against the path they are given.
 */
export abstract class Schema<T> {
  /** May an object key holding this schema be absent? (Also read at the type level.) */
  get isOptional(): boolean {
    return false;
  }

  abstract check(input: unknown, path: PathStack, issues: Issue[]): Checked<T>;

  /**
   * The JSON Schema (draft 2020-12) of what `check` accepts, for editors and other tools.
   * Rules given as functions (`refine`) cannot be said in it: describe them with `describe`.
   */
  abstract toJsonSchema(): JsonSchema;

  /** Returns the value, typed, or throws a SchemaError listing every issue. */
  parse(input: unknown, label?: string): T {
    const result = this.safeParse(input);
    if (!result.ok) throw new SchemaError(result.issues, label);
    return result.value;
  }

  safeParse(input: unknown): SafeParseResult<T> {
    const issues: Issue[] = [];
    const value = this.check(input, [], issues);
    if (value === INVALID || issues.length > 0) return { ok: false, issues };
    return { ok: true, value };
  }

  /** The key may be absent (or undefined). */
  optional(): OptionalSchema<T> {
    return new OptionalSchema(this);
  }

  /** The key may be absent; the value is then `value`. */
  default(value: T): DefaultSchema<T> {
    return new DefaultSchema(this, value);
  }

  /** An extra rule on a valid value: return the rule in words when it is broken. */
  refine(rule: (value: T) => string | undefined): Schema<T> {
    return new RefinedSchema(this, rule);
  }

  /** Words for people: the JSON Schema's `description`. */
  describe(description: string): Schema<T> {
    return new DescribedSchema(this, description);
  }

  /** Maps a valid value to another shape (e.g. `"2,4"` to `[2, 4]`). */
  transform<U>(map: (value: T) => U): Schema<U> {
    return new TransformedSchema(this, map);
  }
}

export class OptionalSchema<T> extends Schema<T | undefined> {
  /** Type-level only: the key is optional in the parsed value too (a default fills it instead). */
  declare readonly optionalOutput: true;

  override get isOptional(): true {
    return true;
  }

  constructor(readonly inner: Schema<T>) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<T | undefined> {
    return input === undefined ? undefined : this.inner.check(input, path, issues);
  }

  toJsonSchema(): JsonSchema {
    return this.inner.toJsonSchema();
  }
}

export class DefaultSchema<T> extends Schema<T> {
  override get isOptional(): true {
    return true;
  }

  constructor(
    readonly inner: Schema<T>,
    readonly defaultValue: T,
  ) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<T> {
    return input === undefined ? this.defaultValue : this.inner.check(input, path, issues);
  }

  toJsonSchema(): JsonSchema {
    return { ...this.inner.toJsonSchema(), default: this.defaultValue };
  }
}

class RefinedSchema<T> extends Schema<T> {
  constructor(
    private readonly inner: Schema<T>,
    private readonly rule: (value: T) => string | undefined,
  ) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<T> {
    const value = this.inner.check(input, path, issues);
    if (value === INVALID) return INVALID;
    const broken = this.rule(value);
    if (broken === undefined) return value;
    issues.push({ path: path.slice(), message: broken });
    return INVALID;
  }

  /** The rule is a function: the JSON Schema says only what the inner schema says. */
  toJsonSchema(): JsonSchema {
    return this.inner.toJsonSchema();
  }
}

class TransformedSchema<T, U> extends Schema<U> {
  constructor(
    private readonly inner: Schema<T>,
    private readonly map: (value: T) => U,
  ) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<U> {
    const value = this.inner.check(input, path, issues);
    return value === INVALID ? INVALID : this.map(value);
  }

  /** What is accepted is the input, before the map. */
  toJsonSchema(): JsonSchema {
    return this.inner.toJsonSchema();
  }
}

class DescribedSchema<T> extends Schema<T> {
  constructor(
    private readonly inner: Schema<T>,
    private readonly description: string,
  ) {
    super();
  }

  override get isOptional(): boolean {
    return this.inner.isOptional;
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<T> {
    return this.inner.check(input, path, issues);
  }

  toJsonSchema(): JsonSchema {
    return keywords({ ...this.inner.toJsonSchema(), description: this.description });
  }
}

/** The type a schema accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;
