import { formatJsonPath, type PathSegment } from './diff-path';
import { type DiffKind, type JsonValue } from './diff-report';
import { type PathCursor } from './path-trie';

/** One way two answers differ. `live` / `other` are undefined where the path is absent. */
export interface AnswerDifference {
  readonly path: string;
  readonly kind: DiffKind;
  readonly live: JsonValue | undefined;
  readonly other: JsonValue | undefined;
  /** Set when a bound stopped the comparison here (see JSON_DIFF_LIMITS). */
  readonly truncated?: 'max-depth' | 'max-differences';
}

/**
 * The diff runs on the proxy's event loop, so its work is bounded whatever the bodies hold:
 * - `maxDepth`: containers this deep are compared whole (iteratively, so a deeply nested
 *   body cannot overflow the stack) and, if unequal, reported as one `value-changed` at
 *   that path with `truncated: 'max-depth'`;
 * - `maxDifferences`: after that many, the walk stops and one more entry, at `$`,
 *   `value-changed`, `truncated: 'max-differences'`, says the rest was not compared.
 */
export const JSON_DIFF_LIMITS = { maxDepth: 64, maxDifferences: 1000 } as const;

/** The values of the `max-differences` entry, so that a reader who ignores the flag still sees why. */
export const TRUNCATED_DIFF_TEXT = `[more than ${JSON_DIFF_LIMITS.maxDifferences} differences: the rest was not compared]`;

export interface JsonDiffOptions {
  /** Ignored paths: neither reported nor walked into. */
  readonly ignore?: PathCursor | undefined;
  readonly maxDepth?: number;
  readonly maxDifferences?: number;
}

type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

function jsonTypeOf(value: JsonValue): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

type JsonObject = { readonly [key: string]: JsonValue };

/** Thrown inside the walk when the differences reach the cap; caught by diffJson. */
class DifferenceCapReached {}

/**
 * Structural differences between two parsed JSON values: object keys in any order,
 * arrays by index, numbers equal by value (1 and 1.0 parse to the same number).
 */
export function diffJson(live: JsonValue, other: JsonValue, options: JsonDiffOptions = {}): AnswerDifference[] {
  const maxDepth = options.maxDepth ?? JSON_DIFF_LIMITS.maxDepth;
  const maxDifferences = options.maxDifferences ?? JSON_DIFF_LIMITS.maxDifferences;
  const out: AnswerDifference[] = [];
  // One stack of segments, formatted only when a difference is reported.
  const segments: PathSegment[] = [];

  const report = (kind: DiffKind, a: JsonValue | undefined, b: JsonValue | undefined, truncated?: 'max-depth') => {
    if (out.length >= maxDifferences) throw new DifferenceCapReached();
    const path = formatJsonPath(segments);
    out.push(truncated === undefined ? { path, kind, live: a, other: b } : { path, kind, live: a, other: b, truncated });
  };

  const walk = (a: JsonValue, b: JsonValue, depth: number, cursor: PathCursor | undefined): void => {
    if (a === b) return;
    const typeA = jsonTypeOf(a);
    if (typeA !== jsonTypeOf(b)) return report('type-changed', a, b);
    if (typeA !== 'array' && typeA !== 'object') return report('value-changed', a, b);
    if (depth >= maxDepth) {
      if (!jsonEqual(a, b)) report('value-changed', a, b, 'max-depth');
      return;
    }
    const visit = (segment: PathSegment, x: JsonValue | undefined, y: JsonValue | undefined) => {
      const next = cursor?.child(segment);
      if (next?.matched === true) return;
      segments.push(segment);
      if (x === undefined) report('added', x, y);
      else if (y === undefined) report('removed', x, y);
      else walk(x, y, depth + 1, next);
      segments.pop();
    };
    if (typeA === 'array') {
      const [listA, listB] = [a as readonly JsonValue[], b as readonly JsonValue[]];
      const length = Math.max(listA.length, listB.length);
      for (let index = 0; index < length; index += 1) visit(index, listA[index], listB[index]);
      return;
    }
    const [objectA, objectB] = [a as JsonObject, b as JsonObject];
    for (const key of Object.keys(objectA)) visit(key, objectA[key], Object.hasOwn(objectB, key) ? objectB[key] : undefined);
    for (const key of Object.keys(objectB)) if (!Object.hasOwn(objectA, key)) visit(key, undefined, objectB[key]);
  };

  if (options.ignore?.matched === true) return out;
  try {
    walk(live, other, 0, options.ignore);
  } catch (error) {
    if (!(error instanceof DifferenceCapReached)) throw error;
    out.push({ path: '$', kind: 'value-changed', live: TRUNCATED_DIFF_TEXT, other: TRUNCATED_DIFF_TEXT, truncated: 'max-differences' });
  }
  return out;
}

/** Deep equality by value (key order aside) with an explicit stack: safe at any depth. */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  const pending: [JsonValue, JsonValue][] = [[a, b]];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const [x, y] = pair;
    if (x === y) continue;
    const type = jsonTypeOf(x);
    if (type !== jsonTypeOf(y) || (type !== 'array' && type !== 'object')) return false;
    if (type === 'array') {
      const [listX, listY] = [x as readonly JsonValue[], y as readonly JsonValue[]];
      if (listX.length !== listY.length) return false;
      listX.forEach((item, index) => pending.push([item, listY[index] as JsonValue]));
      continue;
    }
    const [objectX, objectY] = [x as JsonObject, y as JsonObject];
    const keys = Object.keys(objectX);
    if (keys.length !== Object.keys(objectY).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(objectY, key)) return false;
      pending.push([objectX[key] as JsonValue, objectY[key] as JsonValue]);
    }
  }
  return true;
}
