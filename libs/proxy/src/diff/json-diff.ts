import { formatSegment, type PathSegment } from './diff-path';
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
 *   that path with `truncated: 'max-depth'` (ignore rules reach no deeper than that);
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
 * One comparison. The path is a stack of segments, formatted only when a difference is
 * reported, and then from the longest prefix still formatted: siblings that differ share
 * their parent's text (`texts[i]` is the path of the first i segments, for i ≤ `valid` ≤ depth).
 */
class JsonDiffWalk {
  readonly out: AnswerDifference[] = [];
  private readonly segments: PathSegment[] = [];
  private readonly texts: string[] = ['$'];
  private valid = 0;

  constructor(
    private readonly maxDepth: number,
    private readonly maxDifferences: number,
  ) {}

  walk(a: JsonValue, b: JsonValue, depth: number, cursor: PathCursor | undefined): void {
    if (a === b) return;
    const typeA = jsonTypeOf(a);
    if (typeA !== jsonTypeOf(b)) return this.report('type-changed', a, b);
    if (typeA !== 'array' && typeA !== 'object') return this.report('value-changed', a, b);
    if (depth >= this.maxDepth) {
      if (!jsonEqual(a, b)) this.report('value-changed', a, b, 'max-depth');
      return;
    }
    if (typeA === 'array') {
      const listA = a as readonly JsonValue[];
      const listB = b as readonly JsonValue[];
      const length = Math.max(listA.length, listB.length);
      for (let index = 0; index < length; index += 1) this.child(index, listA[index], listB[index], depth, cursor);
      return;
    }
    const objectA = a as JsonObject;
    const objectB = b as JsonObject;
    for (const key of Object.keys(objectA))
      this.child(key, objectA[key], Object.hasOwn(objectB, key) ? objectB[key] : undefined, depth, cursor);
    for (const key of Object.keys(objectB)) if (!Object.hasOwn(objectA, key)) this.child(key, undefined, objectB[key], depth, cursor);
  }

  private child(segment: PathSegment, a: JsonValue | undefined, b: JsonValue | undefined, depth: number, cursor: PathCursor | undefined) {
    const next = cursor?.child(segment);
    if (next?.matched === true) return;
    this.segments.push(segment);
    if (a === undefined) this.report('added', a, b);
    else if (b === undefined) this.report('removed', a, b);
    else this.walk(a, b, depth + 1, next);
    this.segments.pop();
    if (this.valid > this.segments.length) this.valid = this.segments.length;
  }

  private report(kind: DiffKind, a: JsonValue | undefined, b: JsonValue | undefined, truncated?: 'max-depth'): void {
    if (this.out.length >= this.maxDifferences) throw new DifferenceCapReached();
    const { segments, texts } = this;
    for (; this.valid < segments.length; this.valid += 1) {
      texts[this.valid + 1] = (texts[this.valid] ?? '$') + formatSegment(segments[this.valid] ?? '');
    }
    const path = texts[segments.length] ?? '$';
    this.out.push(truncated === undefined ? { path, kind, live: a, other: b } : { path, kind, live: a, other: b, truncated });
  }
}

/**
 * Structural differences between two parsed JSON values: object keys in any order,
 * arrays by index, numbers equal by value (1 and 1.0 parse to the same number).
 */
export function diffJson(live: JsonValue, other: JsonValue, options: JsonDiffOptions = {}): AnswerDifference[] {
  const walk = new JsonDiffWalk(options.maxDepth ?? JSON_DIFF_LIMITS.maxDepth, options.maxDifferences ?? JSON_DIFF_LIMITS.maxDifferences);
  if (options.ignore?.matched === true) return walk.out;
  try {
    walk.walk(live, other, 0, options.ignore);
  } catch (error) {
    if (!(error instanceof DifferenceCapReached)) throw error;
    walk.out.push({
      path: '$',
      kind: 'value-changed',
      live: TRUNCATED_DIFF_TEXT,
      other: TRUNCATED_DIFF_TEXT,
      truncated: 'max-differences',
    });
  }
  return walk.out;
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
      const listX = x as readonly JsonValue[];
      const listY = y as readonly JsonValue[];
      if (listX.length !== listY.length) return false;
      listX.forEach((item, index) => pending.push([item, listY[index] as JsonValue]));
      continue;
    }
    const objectX = x as JsonObject;
    const objectY = y as JsonObject;
    const keys = Object.keys(objectX);
    if (keys.length !== Object.keys(objectY).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(objectY, key)) return false;
      pending.push([objectX[key] as JsonValue, objectY[key] as JsonValue]);
    }
  }
  return true;
}
