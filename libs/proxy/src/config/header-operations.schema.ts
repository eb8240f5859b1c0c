import { s, type Infer, type Schema } from '@mirrormesh/schema';
import { isHopByHopResponseHeader } from '../forwarding/upstream-headers';
import { headerName } from './schema-primitives';

/** Bounds of one HeaderOperations block: a value's length, and the entries of `set`, `add` or `remove`. */
export const HEADER_OPERATION_LIMITS = { valueLength: 4096, entries: 64 } as const;

/**
 * Names an operation may not touch, and why. Hop-by-hop headers belong to one connection;
 * `content-length` frames the body; `host` is changed by `rewrite.authority` (as in Istio),
 * so that the mirror's `-shadow` suffix and the access log follow it; `x-request-id` is
 * the id live and copy share, written by the proxy.
 */
function refusedRequestName(lower: string): string | undefined {
  if (lower === 'host') return 'must not be host: use rewrite.authority';
  if (lower === 'x-request-id') return 'must not be x-request-id: the proxy writes it, the same for live and copy';
  return refusedResponseName(lower);
}

function refusedResponseName(lower: string): string | undefined {
  if (lower === 'content-length') return 'must not be content-length: it frames the body';
  if (isHopByHopResponseHeader(lower)) return 'must not be a hop-by-hop header';
  return undefined;
}

/** A field value (RFC 9110 §5.5) without control characters: visible ASCII, space, tab, obs-text. */
const headerValue = s.string({
  maxLength: HEADER_OPERATION_LIMITS.valueLength,
  pattern: /^[\t\x20-\x7e\x80-\xff]*$/,
  patternRule: 'must be a header value: no control characters (CR, LF, NUL)',
});

const bounded = <T extends object>(schema: Schema<T>) =>
  schema
    .describe(`At most ${HEADER_OPERATION_LIMITS.entries} entries.`)
    .refine((v) =>
      Object.keys(v).length <= HEADER_OPERATION_LIMITS.entries ? undefined : `must hold at most ${HEADER_OPERATION_LIMITS.entries} entries`,
    );

/** Header names are case-insensitive: `set` with `X-A` and `x-a` would set the header twice. */
function onceEach(map: Record<string, string>): string | undefined {
  const seen = new Set<string>();
  for (const key of Object.keys(map)) {
    const lower = key.toLowerCase();
    if (seen.has(lower)) return `must not name "${lower}" twice (header names ignore case)`;
    seen.add(lower);
  }
  return undefined;
}

function operationsSchema(refused: (lower: string) => string | undefined) {
  const name = headerName.refine((n) => refused(n.toLowerCase()));
  return s.object({
    set: bounded(s.record(headerValue, name)).refine(onceEach).optional(),
    add: bounded(s.record(headerValue, name)).optional(),
    remove: s.array(name, { maxItems: HEADER_OPERATION_LIMITS.entries }).optional(),
  });
}

/** Istio's Headers: operations on the request sent upstream and on the response the client gets. */
export const headersSchema = s.object({
  request: operationsSchema(refusedRequestName).optional(),
  response: operationsSchema(refusedResponseName).optional(),
});

export type HeaderOperations = Infer<ReturnType<typeof operationsSchema>>;
