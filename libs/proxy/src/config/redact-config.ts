import { REDACTED } from '@mirrormesh/access-log/redact-url';
import { type MirrorConfig, type ProxyConfig } from './proxy-config.schema';

/** Header names whose values are credentials: shown as REDACTED by GET /config. */
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|password|api-?key/i;

/** One marker for every redacted value, owned by the logging package (which redacts query strings). */
export { REDACTED };

function redactHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SENSITIVE_HEADER.test(name) ? REDACTED : value]));
}

type MirrorHeaders = NonNullable<MirrorConfig['headers']>;

function redactMirrorHeaders(headers: MirrorHeaders): MirrorHeaders {
  const { request } = headers;
  return { request: { ...request, set: redactHeaders(request.set), add: redactHeaders(request.add) } };
}

/**
 * The config as the admin endpoint shows it: header values a mirror policy (`mirror` or any
 * of `mirrors`) sets or adds (e.g. a mirror-only `authorization`) are credentials and never
 * leave the process.
 */
export function redactConfig(config: ProxyConfig): ProxyConfig {
  return {
    ...config,
    routes: config.routes.map((route) => {
      const shown = { ...route };
      if (route.mirror?.headers !== undefined) shown.mirror = { ...route.mirror, headers: redactMirrorHeaders(route.mirror.headers) };
      if (route.mirrors !== undefined)
        shown.mirrors = route.mirrors.map((m) => (m.headers === undefined ? m : { ...m, headers: redactMirrorHeaders(m.headers) }));
      return shown;
    }),
  };
}
