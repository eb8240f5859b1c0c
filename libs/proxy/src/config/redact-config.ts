import { REDACTED } from '@mirrormesh/access-log/redact-url';
import { type ProxyConfig } from './proxy-config.schema';

/** Header names whose values are credentials: shown as REDACTED by GET /config. */
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|password|api-?key/i;

/** One marker for every redacted value, owned by the logging package (which redacts query strings). */
export { REDACTED };

function redactHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SENSITIVE_HEADER.test(name) ? REDACTED : value]));
}

/**
 * The config as the admin endpoint shows it: header values the mirror policy sets or adds
 * (e.g. a mirror-only `authorization`) are credentials and never leave the process.
 */
export function redactConfig(config: ProxyConfig): ProxyConfig {
  return {
    ...config,
    routes: config.routes.map((route) => {
      const request = route.mirror?.headers?.request;
      if (route.mirror === undefined || request === undefined) return route;
      const redacted = { ...request, set: redactHeaders(request.set), add: redactHeaders(request.add) };
      return { ...route, mirror: { ...route.mirror, headers: { request: redacted } } };
    }),
  };
}
