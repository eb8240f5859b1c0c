import { ProxyConfigError } from '../errors';
import { parseJsonPathPattern, type PatternSegment } from './diff-path';
import { compilePathTrie, type PathCursor } from './path-trie';

/**
 * Response headers that differ between any two answers by nature, not by version, so that
 * comparing them would only ever report noise:
 * - the clock: `date`, `expires` (date + max-age), `age` (cache residence);
 * - framing and the connection: `content-length`, `transfer-encoding`, `connection`,
 *   `keep-alive` (the body itself is compared);
 * - `etag`: a digest of the body, which is compared directly (a volatile field such as
 *   `servedAt` would otherwise make it differ on every pair, reported twice);
 * - per-request identity and tracing: `x-request-id`, `request-id`, `traceparent`,
 *   `tracestate`, and Application Insights' `request-context` (names the instance's component);
 * - timing: `server-timing`, `x-envoy-upstream-service-time`, `x-response-time`;
 * - `x-version-tag`: every mirrormesh service names its version in it, so it differs between
 *   live and candidate by design.
 */
export const DEFAULT_IGNORED_HEADERS: readonly string[] = [
  'date',
  'expires',
  'age',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'etag',
  'x-request-id',
  'request-id',
  'traceparent',
  'tracestate',
  'request-context',
  'server-timing',
  'x-envoy-upstream-service-time',
  'x-response-time',
  'x-version-tag',
];

/** Credentials: never shown in an example, whatever the config says. */
export const DEFAULT_REDACTED_HEADERS: readonly string[] = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

/** An HTTP field name (RFC 9110 §5.6.2 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `mirror.compare.ignore` and `redact` as written in the config. */
export interface CompareRulesConfig {
  readonly ignore?: readonly string[];
  readonly redact?: readonly string[];
}

/** The rules compiled for one mirror: header sets (lower-case) and body path cursors. */
export interface CompareRules {
  readonly ignoredHeaders: ReadonlySet<string>;
  readonly redactedHeaders: ReadonlySet<string>;
  /** Root cursor of the ignored body paths; undefined when none. */
  readonly ignoredBody: PathCursor | undefined;
  /** Root cursor of the redacted body paths; undefined when none. */
  readonly redactedBody: PathCursor | undefined;
}

type CompiledEntry = { readonly header: string } | { readonly path: readonly PatternSegment[] } | { readonly error: string };

/** The report writes a header's path `headers.<name>`: an entry copied from it means the header. */
const HEADER_PATH_PREFIX = 'headers.';

function compileEntry(entry: string): CompiledEntry {
  if (entry.startsWith('$')) {
    const parsed = parseJsonPathPattern(entry);
    if ('error' in parsed) return { error: `${JSON.stringify(entry)} is not a JSON path: ${parsed.error}` };
    return { path: parsed.segments };
  }
  const name = entry.toLowerCase().startsWith(HEADER_PATH_PREFIX) ? entry.slice(HEADER_PATH_PREFIX.length) : entry;
  if (!HEADER_NAME.test(name)) {
    return { error: `${JSON.stringify(entry)} is neither a header name nor a JSON path (which starts with "$")` };
  }
  return { header: name.toLowerCase() };
}

/**
 * Checks one `ignore` or `redact` entry; the message (undefined when valid) names the entry
 * and the rule, for the config schema to put after the entry's path, e.g.
 * `"$.a[" is not a JSON path: unclosed "[" at character 3`.
 */
export function validateComparePath(entry: string): string | undefined {
  const compiled = compileEntry(entry);
  return 'error' in compiled ? compiled.error : undefined;
}

/**
 * Compiles a mirror's `ignore` and `redact` lists over the defaults. Throws a
 * ProxyConfigError naming each bad entry (`ignore[2] "$.a[" is not a JSON path: ...`).
 */
export function compileCompareRules(config: CompareRulesConfig = {}): CompareRules {
  const issues: { path: string; message: string }[] = [];
  const compileList = (list: string, entries: readonly string[], headers: Set<string>) => {
    const paths: (readonly PatternSegment[])[] = [];
    entries.forEach((entry, index) => {
      const compiled = compileEntry(entry);
      if ('error' in compiled) issues.push({ path: `${list}[${index}]`, message: compiled.error });
      else if ('header' in compiled) headers.add(compiled.header);
      else paths.push(compiled.path);
    });
    return compilePathTrie(paths);
  };
  const ignoredHeaders = new Set(DEFAULT_IGNORED_HEADERS);
  const redactedHeaders = new Set(DEFAULT_REDACTED_HEADERS);
  const ignoredBody = compileList('ignore', config.ignore ?? [], ignoredHeaders);
  const redactedBody = compileList('redact', config.redact ?? [], redactedHeaders);
  if (issues.length > 0) throw new ProxyConfigError(issues, 'compare');
  return { ignoredHeaders, redactedHeaders, ignoredBody, redactedBody };
}

/** The rules of a mirror whose config names none: the defaults only. */
export const DEFAULT_COMPARE_RULES: CompareRules = compileCompareRules();
