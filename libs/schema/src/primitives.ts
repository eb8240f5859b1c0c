import { describeType, type Issue } from './issue';
import { keywords, type JsonSchema } from './json-schema';
import { INVALID, Schema, type Checked, type PathStack } from './schema';

/** A decimal number as an environment variable carries it (what `fromString` accepts). */
const DECIMAL_TEXT = /^\s*-?(\d+\.?\d*|\.\d+)\s*$/;

export interface StringRules {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** With `patternRule`, the words used when the pattern does not match. */
  readonly pattern?: RegExp;
  readonly patternRule?: string;
}

export class StringSchema extends Schema<string> {
  constructor(private readonly rules: StringRules = {}) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<string> {
    const { minLength, maxLength, pattern, patternRule } = this.rules;
    if (typeof input !== 'string') return fail(issues, path, `must be a string (got ${describeType(input)})`);
    if (minLength !== undefined && input.length < minLength) {
      return fail(issues, path, minLength === 1 ? 'must not be empty' : `must be at least ${minLength} characters long`);
    }
    if (maxLength !== undefined && input.length > maxLength) {
      return fail(issues, path, `must be at most ${maxLength} characters long`);
    }
    if (pattern !== undefined && !pattern.test(input)) {
      return fail(issues, path, patternRule ?? `must match ${String(pattern)}`);
    }
    return input;
  }

  toJsonSchema(): JsonSchema {
    const { minLength, maxLength, pattern } = this.rules;
    return keywords({ type: 'string', minLength, maxLength, pattern: pattern?.source });
  }
}

export interface NumberRules {
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** Accept a decimal string too (environment variables are strings). */
  readonly fromString?: boolean;
}

export class NumberSchema extends Schema<number> {
  constructor(private readonly rules: NumberRules = {}) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<number> {
    const { integer = false, min, max, fromString = false } = this.rules;
    const kind = integer ? 'an integer' : 'a number';
    let value = input;
    if (fromString && typeof input === 'string' && DECIMAL_TEXT.test(input)) value = Number(input);
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      return fail(issues, path, `must be ${kind}${rangeWords(min, max)}`);
    }
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      return fail(issues, path, `must be ${kind}${rangeWords(min, max)}`);
    }
    return value;
  }

  toJsonSchema(): JsonSchema {
    const { integer = false, min, max, fromString = false } = this.rules;
    const number = keywords({ type: integer ? 'integer' : 'number', minimum: min, maximum: max });
    return fromString ? { anyOf: [number, { type: 'string', pattern: DECIMAL_TEXT.source }] } : number;
  }
}

function rangeWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` between ${min} and ${max}`;
  if (min !== undefined) return ` greater than or equal to ${min}`;
  if (max !== undefined) return ` less than or equal to ${max}`;
  return '';
}

export class BooleanSchema extends Schema<boolean> {
  constructor(private readonly fromString = false) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<boolean> {
    if (typeof input === 'boolean') return input;
    if (this.fromString && typeof input === 'string') {
      const word = input.trim().toLowerCase();
      if (word === 'true' || word === '1') return true;
      if (word === 'false' || word === '0') return false;
      return fail(issues, path, 'must be true or false');
    }
    return fail(issues, path, `must be a boolean (got ${describeType(input)})`);
  }

  toJsonSchema(): JsonSchema {
    // The words are matched trimmed and in any case: a pattern, not an enum.
    return this.fromString
      ? { anyOf: [{ type: 'boolean' }, { type: 'string', pattern: '^\\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[01])\\s*$' }] }
      : { type: 'boolean' };
  }
}

export class OneOfSchema<const T extends string | number | boolean> extends Schema<T> {
  constructor(private readonly values: readonly T[]) {
    super();
  }

  check(input: unknown, path: PathStack, issues: Issue[]): Checked<T> {
    if (this.values.includes(input as T)) return input as T;
    const list = this.values.map((v) => JSON.stringify(v)).join(', ');
    return fail(issues, path, this.values.length === 1 ? `must be ${list}` : `must be one of ${list}`);
  }

  toJsonSchema(): JsonSchema {
    return { enum: [...this.values] };
  }
}

export function fail(issues: Issue[], path: PathStack, message: string): typeof INVALID {
  issues.push({ path: path.slice(), message });
  return INVALID;
}
