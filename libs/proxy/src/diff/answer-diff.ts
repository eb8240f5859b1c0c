import { type CapturedAnswer } from './captured-answer';
import { DEFAULT_COMPARE_RULES, type CompareRules } from './compare-rules';
import { type JsonValue } from './diff-report';
import { diffJson, type AnswerDifference } from './json-diff';
import { textExcerpts } from './text-excerpt';

export { type AnswerDifference } from './json-diff';
export { TEXT_EXCERPT_CHARS } from './text-excerpt';

/** `application/json`, or any `+json` type (`application/problem+json`), parameters aside. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * How the other answer (candidate, or the second live instance) differs from live:
 * `status`, each header not ignored (`headers.<name>`), then the body (see diffBody).
 */
export function diffAnswers(live: CapturedAnswer, other: CapturedAnswer, rules: CompareRules = DEFAULT_COMPARE_RULES): AnswerDifference[] {
  const out: AnswerDifference[] = [];
  if (live.status !== other.status) out.push({ path: 'status', kind: 'value-changed', live: live.status, other: other.status });
  for (const [name, value] of Object.entries(live.headers)) {
    if (rules.ignoredHeaders.has(name)) continue;
    const otherValue = other.headers[name];
    if (otherValue === undefined) out.push({ path: `headers.${name}`, kind: 'removed', live: value, other: undefined });
    else if (otherValue !== value) out.push({ path: `headers.${name}`, kind: 'value-changed', live: value, other: otherValue });
  }
  for (const [name, value] of Object.entries(other.headers)) {
    if (rules.ignoredHeaders.has(name) || live.headers[name] !== undefined) continue;
    out.push({ path: `headers.${name}`, kind: 'added', live: undefined, other: value });
  }
  for (const difference of diffBody(live, other, rules)) out.push(difference);
  return out;
}

type Parsed = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false };

/**
 * Live's answer is compared twice when a noise cluster is set (with the candidate's and
 * with the second live instance's): its parse is remembered for as long as its buffer lives.
 * Parsed values are never mutated here, so sharing one is safe.
 */
const parsedBodies = new WeakMap<Buffer, Parsed>();

/** Bytes a JSON text may start with, after white space: `{ [ " -`, a digit, `t f n`. */
const JSON_START = new Set([...'{["-0123456789tfn'].map((char) => char.charCodeAt(0)));
const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** False when the body cannot be JSON: spares decoding a large text body only for JSON.parse to fail at once. */
function mayBeJson(body: Buffer): boolean {
  for (const byte of body) if (!JSON_SPACE.has(byte)) return JSON_START.has(byte);
  return false;
}

function parseJson(body: Buffer): Parsed {
  let parsed = parsedBodies.get(body);
  if (parsed === undefined) parsedBodies.set(body, (parsed = parseBody(body)));
  return parsed;
}

function parseBody(body: Buffer): Parsed {
  if (!mayBeJson(body)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as JsonValue };
  } catch {
    return { ok: false };
  }
}

/**
 * Bodies are compared when both were captured (not over maxBodyBytes) and `$` is not
 * ignored: byte-equal is identical; as JSON when a side says JSON or both parse (a side
 * that says JSON and does not parse is `type-changed` at `$`); otherwise as text.
 */
function diffBody(live: CapturedAnswer, other: CapturedAnswer, rules: CompareRules): AnswerDifference[] {
  if (live.body === undefined || other.body === undefined) return [];
  if (rules.ignoredBody?.matched === true || live.body.equals(other.body)) return [];
  const [a, b] = [parseJson(live.body), parseJson(other.body)];
  if (a.ok && b.ok) return diffJson(a.value, b.value, { ignore: rules.ignoredBody });
  const [textA, textB] = textExcerpts(live.body, other.body);
  if ((a.ok || b.ok) && (isJsonMediaType(live.contentType) || isJsonMediaType(other.contentType))) {
    return [{ path: '$', kind: 'type-changed', live: a.ok ? a.value : textA, other: b.ok ? b.value : textB }];
  }
  return [{ path: '$', kind: 'value-changed', live: textA, other: textB }];
}
