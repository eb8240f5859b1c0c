import { isUtf8 } from 'node:buffer';
import { type CapturedAnswer } from './captured-answer';
import { DEFAULT_COMPARE_RULES, type CompareRules } from './compare-rules';
import { type JsonValue } from './diff-report';
import { diffJson, type AnswerDifference } from './json-diff';

export { type AnswerDifference } from './json-diff';

/** A text body's values are an excerpt this long, starting a little before the first difference. */
export const TEXT_EXCERPT_CHARS = 200;
/** How much of what precedes the first difference the excerpt keeps, for context. */
const TEXT_EXCERPT_LEAD = 40;

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

function parseJson(body: Buffer): Parsed {
  let parsed = parsedBodies.get(body);
  if (parsed !== undefined) return parsed;
  try {
    parsed = { ok: true, value: JSON.parse(body.toString('utf8')) as JsonValue };
  } catch {
    parsed = { ok: false };
  }
  parsedBodies.set(body, parsed);
  return parsed;
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

/** Both bodies as text from a little before their first difference; a body that is not UTF-8 as its size. */
function textExcerpts(a: Buffer, b: Buffer): [string, string] {
  const textA = isUtf8(a) ? a.toString('utf8') : undefined;
  const textB = isUtf8(b) ? b.toString('utf8') : undefined;
  let first = 0;
  if (textA !== undefined && textB !== undefined) {
    const common = Math.min(textA.length, textB.length);
    while (first < common && textA.charCodeAt(first) === textB.charCodeAt(first)) first += 1;
  }
  const start = Math.max(0, first - TEXT_EXCERPT_LEAD);
  return [excerpt(textA, a.length, start), excerpt(textB, b.length, start)];
}

function excerpt(text: string | undefined, bytes: number, start: number): string {
  if (text === undefined) return `[${bytes} bytes, not UTF-8 text]`;
  const head = start > 0 ? '…' : '';
  const room = TEXT_EXCERPT_CHARS - head.length;
  const body = text.length - start > room ? `${text.slice(start, start + room - 1)}…` : text.slice(start);
  return head + body;
}
