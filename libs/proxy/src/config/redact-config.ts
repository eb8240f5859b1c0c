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

type Operations = { readonly set?: Record<string, string>; readonly add?: Record<string, string> } | undefined;

function redactOperations<T extends Operations>(ops: T): T {
  if (ops === undefined) return ops;
  return { ...ops, set: redactHeaders(ops.set), add: redactHeaders(ops.add) };
}

type Headers = { readonly request?: Operations; readonly response?: Operations } | undefined;

function redactHeaderOperations<T extends Headers>(headers: T): T {
  if (headers === undefined) return headers;
  return { ...headers, request: redactOperations(headers.request), response: redactOperations(headers.response) };
}

/**
 * The config as the admin endpoint shows it: header values a route, a destination or a mirror
 * policy (`mirror` or any of `mirrors`) sets or adds (e.g. a mirror-only `authorization`) are
 * credentials and never
 * leave the process.
 */
export function redactConfig(config: ProxyConfig): ProxyConfig {
  return {
    ...config,
    routes: config.routes.map((route) => {
      const shown = { ...route };
      if (route.headers !== undefined) shown.headers = redactHeaderOperations(route.headers);
      if (route.route !== undefined)
        shown.route = route.route.map((d) => (d.headers === undefined ? d : { ...d, headers: redactHeaderOperations(d.headers) }));
      if (route.mirror?.headers !== undefined) shown.mirror = { ...route.mirror, headers: redactHeaderOperations(route.mirror.headers) };
      if (route.mirrors !== undefined)
        shown.mirrors = route.mirrors.map((m) => (m.headers === undefined ? m : { ...m, headers: redactHeaderOperations(m.headers) }));
      return shown;
    }),
  };
}
