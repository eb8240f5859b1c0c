/**
 * The path notation of the shadow diff, shared by the report and the compare rules:
 * `$` is the body's root, `.name` a key that reads as an identifier, `["a b"]` any other key
 * (a JSON string), `[3]` an array index; in rules only, `[*]` is any index.
 */

/** A key of an object, or an index of an array. */
export type PathSegment = string | number;

/** In a rule, a segment may also be `[*]`: any index. */
export const ANY_INDEX: unique symbol = Symbol('[*]');
export type PatternSegment = PathSegment | typeof ANY_INDEX;

/** Rule entries are config: longer than this is a mistake, not a path. */
export const MAX_JSON_PATH_LENGTH = 512;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_]/;

/** The canonical text of a path; `formatJsonPath([])` is `$`. */
export function formatJsonPath(segments: readonly PathSegment[]): string {
  let text = '$';
  for (const segment of segments) text += formatSegment(segment);
  return text;
}

/** One segment as formatJsonPath writes it: `.name`, `["a b"]` or `[3]`. */
export function formatSegment(segment: PathSegment): string {
  if (typeof segment === 'number') return `[${segment}]`;
  return IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
}

export type ParsedJsonPath<S> = { readonly segments: readonly S[] } | { readonly error: string };

/** A path as `formatJsonPath` writes it, back into segments (no `[*]`). */
export function parseJsonPath(text: string): ParsedJsonPath<PathSegment> {
  const parsed = parsePattern(text, false);
  return parsed as ParsedJsonPath<PathSegment>;
}

/** A rule's path: as `parseJsonPath`, with `[*]` allowed. The error says what is wrong and where. */
export function parseJsonPathPattern(text: string): ParsedJsonPath<PatternSegment> {
  return parsePattern(text, true);
}

function parsePattern(text: string, wildcards: boolean): ParsedJsonPath<PatternSegment> {
  if (text.length > MAX_JSON_PATH_LENGTH) return { error: `longer than ${MAX_JSON_PATH_LENGTH} characters` };
  if (!text.startsWith('$')) return { error: 'must start with "$"' };
  const segments: PatternSegment[] = [];
  let at = 1;
  while (at < text.length) {
    const char = text[at];
    if (char === '.') {
      let end = at + 1;
      while (end < text.length && IDENTIFIER_CHAR.test(text[end] ?? '')) end += 1;
      const name = text.slice(at + 1, end);
      if (!IDENTIFIER.test(name)) return { error: `expected a name after "." at character ${at + 1} (write ["key"] for other keys)` };
      segments.push(name);
      at = end;
    } else if (char === '[') {
      const parsed = parseBracket(text, at, wildcards);
      if ('error' in parsed) return parsed;
      segments.push(parsed.segment);
      at = parsed.end;
    } else {
      return { error: `unexpected ${JSON.stringify(char)} at character ${at} (expected "." or "[")` };
    }
  }
  return { segments };
}

function parseBracket(
  text: string,
  open: number,
  wildcards: boolean,
): { readonly segment: PatternSegment; readonly end: number } | { readonly error: string } {
  const close = (end: number) => (text[end] === ']' ? undefined : { error: `unclosed "[" at character ${open}` });
  const first = text[open + 1];
  if (first === undefined) return { error: `unclosed "[" at character ${open}` };
  if (first === '*') {
    if (!wildcards) return { error: `"[*]" at character ${open} is for rules only` };
    return close(open + 2) ?? { segment: ANY_INDEX, end: open + 3 };
  }
  if (first === '"') {
    const end = closingQuote(text, open + 1);
    if (end === undefined) return { error: `unclosed string at character ${open + 1}` };
    let key: unknown;
    try {
      key = JSON.parse(text.slice(open + 1, end + 1));
    } catch {
      return { error: `invalid string at character ${open + 1}` };
    }
    return close(end + 1) ?? { segment: key as string, end: end + 2 };
  }
  let end = open + 1;
  while (end < text.length && /[0-9]/.test(text[end] ?? '')) end += 1;
  if (end === open + 1) return { error: `expected an index, "*" or a quoted key after "[" at character ${open}` };
  const index = Number(text.slice(open + 1, end));
  if (!Number.isSafeInteger(index)) return { error: `index too large at character ${open + 1}` };
  return close(end) ?? { segment: index, end: end + 1 };
}

/** The index of the quote that ends the JSON string opening at `start`, honouring backslash escapes. */
function closingQuote(text: string, start: number): number | undefined {
  for (let at = start + 1; at < text.length; at += 1) {
    if (text[at] === '\\') at += 1;
    else if (text[at] === '"') return at;
  }
  return undefined;
}
