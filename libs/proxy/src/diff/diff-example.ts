import { REDACTED } from '../config/redact-config';
import { type CompareRules } from './compare-rules';
import { parseJsonPath } from './diff-path';
import { type JsonValue } from './diff-report';
import { cursorAt, type PathCursor } from './path-trie';

/**
 * An example is kept for every reported path for as long as the proxy runs, so each is
 * small whatever the answers held: strings cut to 200 characters, and a container shown
 * down to a few levels and a few dozen values in all (the rest summarised in place).
 */
export const DIFF_EXAMPLE_LIMITS = { stringChars: 200, depth: 3, values: 50 } as const;

const HEADER_PREFIX = 'headers.';

/** A difference's value as an example shows it: redacted by the rules, clamped, `null` when absent. */
export function exampleValue(path: string, value: JsonValue | undefined, rules: CompareRules): JsonValue {
  if (value === undefined) return null;
  let cursor: PathCursor | undefined;
  if (path.startsWith(HEADER_PREFIX)) {
    if (rules.redactedHeaders.has(path.slice(HEADER_PREFIX.length))) return REDACTED;
  } else if (path.startsWith('$') && rules.redactedBody !== undefined) {
    const parsed = parseJsonPath(path);
    // A path this module did not write: redact it all rather than risk showing a secret.
    if ('error' in parsed) return REDACTED;
    cursor = cursorAt(rules.redactedBody, parsed.segments);
  }
  return clamp(value, cursor, 0, { left: DIFF_EXAMPLE_LIMITS.values });
}

/** A string of at most `stringChars` characters, the last one "…" when cut (never half a surrogate pair). */
export function truncateText(text: string, chars: number = DIFF_EXAMPLE_LIMITS.stringChars): string {
  if (text.length <= chars) return text;
  let end = chars - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

function clamp(value: JsonValue, cursor: PathCursor | undefined, depth: number, budget: { left: number }): JsonValue {
  if (cursor?.matched === true) return REDACTED;
  if (typeof value === 'string') return truncateText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const list = value as readonly JsonValue[];
    if (depth >= DIFF_EXAMPLE_LIMITS.depth) return `[array of ${count(list.length, 'item')}]`;
    const out: JsonValue[] = [];
    for (const [index, item] of list.entries()) {
      if (budget.left <= 0) {
        out.push(`[${count(list.length - index, 'more item')}]`);
        break;
      }
      budget.left -= 1;
      out.push(clamp(item, cursor?.child(index), depth + 1, budget));
    }
    return out;
  }
  const entries = Object.entries(value as { readonly [key: string]: JsonValue });
  if (depth >= DIFF_EXAMPLE_LIMITS.depth) return `[object of ${count(entries.length, 'key')}]`;
  const out: Record<string, JsonValue> = {};
  for (const [index, [key, item]] of entries.entries()) {
    if (budget.left <= 0) {
      out['…'] = `[${count(entries.length - index, 'more key')}]`;
      break;
    }
    budget.left -= 1;
    // defineProperty: a "__proto__" key from JSON.parse stays a plain key.
    Object.defineProperty(out, key, {
      value: clamp(item, cursor?.child(key), depth + 1, budget),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
