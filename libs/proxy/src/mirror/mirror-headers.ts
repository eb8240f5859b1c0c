import { type CompiledMirror } from './compile-mirror';

/**
 * Request headers that carry a user's credentials: a candidate is unreleased code, so the
 * copy goes without them unless the route sets `mirror.forwardCredentials`. Lowercase.
 * (`proxy-authorization` is hop-by-hop and never forwarded at all; listed for completeness.)
 */
export const MIRROR_CREDENTIAL_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'ocp-apim-subscription-key',
  'x-amz-security-token',
];

/** Envoy's shadow host: `books:8080` → `books-shadow:8080`, `books` → `books-shadow`. */
export function shadowHost(host: string): string {
  const colon = host.lastIndexOf(':');
  const bracket = host.lastIndexOf(']');
  if (colon > bracket && colon > 0) return `${host.slice(0, colon)}-shadow${host.slice(colon)}`;
  return `${host}-shadow`;
}

/**
 * The copy's headers: the live list (already with x-request-id and x-forwarded-*),
 * with the shadow host, the credentials dropped (unless forwarded) and the route's
 * set/add/remove applied to the copy only.
 */
export function buildMirrorHeaders(live: readonly string[], mirror: CompiledMirror): string[] {
  const out: string[] = [];
  for (let i = 0; i < live.length; i += 2) {
    const name = live[i] as string;
    const value = live[i + 1] as string;
    const lower = name.toLowerCase();
    if (mirror.drop.has(lower)) continue;
    out.push(name, lower === 'host' && mirror.shadowHostSuffix ? shadowHost(value) : value);
  }
  for (const [name, value] of mirror.set) out.push(name, value);
  for (const [name, value] of mirror.add) out.push(name, value);
  return out;
}
