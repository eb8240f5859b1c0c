import { type RetriableFailure } from '../resilience/retry-policy';

/** How a failed upstream exchange is retried, counted and answered. */
export interface UpstreamFailure {
  readonly status: 400 | 408 | 502 | 503 | 504;
  readonly code: string;
  readonly message: string;
  /** The kind of retriable failure, matched against a route's retryOn (resilience/retry-policy); undefined: never retried. */
  readonly retryOn: RetriableFailure | undefined;
}

const TIMEOUT: UpstreamFailure = { status: 504, code: 'UPSTREAM_TIMEOUT', message: 'upstream did not answer in time', retryOn: undefined };
/** Answered like the route's timeout, but the route's deadline may still leave time for another try. */
const PER_TRY_TIMEOUT: UpstreamFailure = { ...TIMEOUT, retryOn: 'per-try-timeout' };
const CONNECT_TIMEOUT: UpstreamFailure = {
  status: 504,
  code: 'UPSTREAM_CONNECT_TIMEOUT',
  message: 'upstream connection timed out',
  retryOn: 'connect-failure',
};
const REFUSED: UpstreamFailure = {
  status: 502,
  code: 'UPSTREAM_REFUSED',
  message: 'upstream refused the connection',
  retryOn: 'connect-failure',
};
const UNRESOLVED: UpstreamFailure = {
  status: 502,
  code: 'UPSTREAM_UNRESOLVED',
  message: 'upstream host could not be resolved',
  retryOn: 'connect-failure',
};
const RESET: UpstreamFailure = { status: 502, code: 'UPSTREAM_RESET', message: 'upstream closed the connection', retryOn: 'reset' };
const BAD_BODY: UpstreamFailure = {
  status: 400,
  code: 'BAD_REQUEST_BODY',
  message: 'request body did not match its content-length',
  retryOn: undefined,
};
const REQUEST_TIMEOUT: UpstreamFailure = {
  status: 408,
  code: 'REQUEST_TIMEOUT',
  message: 'the request body did not arrive in time',
  retryOn: undefined,
};
/** Envoy's response flag UO: the cluster's pending limit was reached, nothing was sent. */
const OVERFLOW: UpstreamFailure = {
  status: 503,
  code: 'UPSTREAM_OVERFLOW',
  message: 'upstream has too many requests waiting for a connection',
  retryOn: undefined,
};
const CLOSED: UpstreamFailure = { status: 503, code: 'PROXY_CLOSING', message: 'proxy is shutting down', retryOn: undefined };
const OTHER: UpstreamFailure = { status: 502, code: 'UPSTREAM_ERROR', message: 'upstream exchange failed', retryOn: undefined };

/**
 * The one place where transport errors become HTTP statuses: refused/reset → 502,
 * upstream timeouts → 504, a client too slow to send its body → 408. Messages are fixed
 * texts: an error's own message may carry addresses or stack details that a client must
 * not see.
 */
export function classifyUpstreamError(error: unknown): UpstreamFailure {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ERR_ROUTE_TIMEOUT':
    case 'ERR_MIRROR_TIMEOUT':
    case 'ETIMEDOUT':
      return TIMEOUT;
    case 'ERR_PER_TRY_TIMEOUT':
      return PER_TRY_TIMEOUT;
    case 'UND_ERR_CONNECT_TIMEOUT':
      return CONNECT_TIMEOUT;
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return REFUSED;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return UNRESOLVED;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return RESET;
    case 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH':
      return BAD_BODY;
    case 'ERR_REQUEST_TIMEOUT':
      return REQUEST_TIMEOUT;
    case 'ERR_UPSTREAM_OVERFLOW':
      return OVERFLOW;
    case 'UND_ERR_CLOSED':
    case 'UND_ERR_DESTROYED':
      return CLOSED;
    default:
      return OTHER;
  }
}
