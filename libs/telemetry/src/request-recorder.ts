import { type Telemetry } from './telemetry';

/** Route name used when no route matched (a 404): raw paths would explode the item names. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** A finished request as service-kit's `RequestListener` receives it (structurally: no service-kit import). */
export interface CompletedRequestLike {
  readonly method: string;
  /** The route template, or undefined when no route matched. */
  readonly route: string | undefined;
  readonly url: string;
  readonly status: number;
  readonly durationMs: number;
  readonly requestId: string;
  readonly startedAt: Date;
}

/**
 * A service-kit request listener that tracks each finished request under its route
 * template: `createServiceApp(module, options, [telemetryRequestListener(telemetry)])`.
 * Listeners run after the answer was sent, so tracking adds no latency to it.
 */
export function telemetryRequestListener(telemetry: Telemetry): (request: CompletedRequestLike) => void {
  if (!telemetry.enabled) return () => undefined;
  return (request) => {
    telemetry.trackRequest({
      method: request.method,
      route: request.route ?? UNMATCHED_ROUTE,
      statusCode: request.status,
      durationMs: request.durationMs,
      url: request.url,
      requestId: request.requestId,
      startedAt: request.startedAt,
    });
  };
}
