/**
 * Every error the proxy raises is a ProxyError with a stable `code`, so callers (the
 * sidecar, the Nest module, tests) branch on codes rather than on message texts.
 */
export class ProxyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The configuration broke a rule; `issues` name each path and rule. */
export class ProxyConfigError extends ProxyError {
  constructor(
    readonly issues: readonly { readonly path: string; readonly message: string }[],
    label = 'config',
  ) {
    super('ERR_PROXY_CONFIG', issues.map((issue) => `${issue.path === '' ? label : issue.path} ${issue.message}`).join('\n'));
  }
}

/** A config file could not be read or parsed (not found, YAML syntax, ...). */
export class ConfigFileError extends ProxyError {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super('ERR_PROXY_CONFIG_FILE', `${file}: ${reason}`);
  }
}

/** The mirror copy of a request body grew past `mirror.maxBodyBytes`. */
export class MirrorBodyTooLargeError extends ProxyError {
  constructor(limit: number) {
    super('ERR_MIRROR_BODY_TOO_LARGE', `mirror copy of the request body exceeded ${limit} bytes`);
  }
}

/** The copies in flight hold `limits.mirrorBufferBytes` of request bodies already: this one is dropped. */
export class MirrorBufferBudgetError extends ProxyError {
  constructor(limit: number) {
    super('ERR_MIRROR_BUFFER_BUDGET', `mirror copies already hold the budget of ${limit} buffered bytes`);
  }
}

/** The route's `timeout` ran out while the upstream was queued for, connecting, or answering. */
export class RouteTimeoutError extends ProxyError {
  constructor(timeoutMs: number) {
    super('ERR_ROUTE_TIMEOUT', `route timeout of ${timeoutMs} ms exceeded`);
  }
}

/** One attempt ran past `retries.perTryTimeout` before its response headers: a retriable event, as in Envoy. */
export class PerTryTimeoutError extends ProxyError {
  constructor(timeoutMs: number) {
    super('ERR_PER_TRY_TIMEOUT', `per-try timeout of ${timeoutMs} ms exceeded`);
  }
}

/** The client was the slow one: its request body stalled past the idle timeout, or was still arriving at the route's deadline. */
export class RequestTimeoutError extends ProxyError {
  constructor(reason: string) {
    super('ERR_REQUEST_TIMEOUT', reason);
  }
}

/** A mirror copy outlived `mirror.timeout`, counted from its creation (queued, connecting, sending or receiving). */
export class MirrorTimeoutError extends ProxyError {
  constructor(timeoutMs: number) {
    super('ERR_MIRROR_TIMEOUT', `mirror timeout of ${timeoutMs} ms exceeded`);
  }
}

/** Every connection of the endpoint was busy and http1MaxPendingRequests requests waited already: answered at once. */
export class UpstreamOverflowError extends ProxyError {
  constructor(cluster: string) {
    super('ERR_UPSTREAM_OVERFLOW', `cluster "${cluster}" has too many requests waiting for a connection`);
  }
}

/** The downstream client went away; the upstream exchange is abandoned. */
export class ClientAbortedError extends ProxyError {
  constructor() {
    super('ERR_CLIENT_ABORTED', 'client closed the connection');
  }
}

/** An admin API request the admin refuses before any config is built: unreadable, too large, not JSON. */
export class AdminRequestError extends ProxyError {
  constructor(
    readonly status: 400 | 413 | 415,
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}
