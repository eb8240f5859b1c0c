import { type Telemetry } from './telemetry';

/** Route name used when no route matched (a 404): raw paths would explode the item names. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** The parts of a fastify request the recorder reads (fastify 5 shapes; no fastify import). */
export interface RecordableRequest {
  readonly method: string;
  readonly url: string;
  readonly id: string;
  readonly routeOptions?: { readonly url?: string | undefined } | undefined;
}

/** The parts of a fastify reply the recorder reads. */
export interface RecordableReply {
  readonly statusCode: number;
  /** Milliseconds since the request arrived (fastify's `reply.elapsedTime`). */
  readonly elapsedTime: number;
}

export type RequestRecorder = (request: RecordableRequest, reply: RecordableReply) => void;

/**
 * A function for a fastify `onResponse` hook that tracks the request under its route
 * template: `app.addHook('onResponse', async (req, reply) => record(req, reply))`.
 * It runs after the response was sent, so it adds no latency to the answer.
 */
export function createRequestRecorder(telemetry: Telemetry): RequestRecorder {
  if (!telemetry.enabled) return () => undefined;
  return (request, reply) => {
    telemetry.trackRequest({
      method: request.method,
      route: request.routeOptions?.url ?? UNMATCHED_ROUTE,
      statusCode: reply.statusCode,
      durationMs: reply.elapsedTime,
      url: request.url,
      requestId: request.id,
    });
  };
}

/** A finished request as service-kit's `RequestListener` receives it (structurally). */
export interface CompletedRequestLike {
  readonly method: string;
  readonly route: string;
  readonly url: string;
  readonly status: number;
  readonly durationMs: number;
  readonly requestId: string;
  readonly startedAt: Date;
}

/**
 * A service-kit request listener that tracks each finished request:
 * `createServiceApp(module, options, [telemetryRequestListener(telemetry)])`.
 */
export function telemetryRequestListener(telemetry: Telemetry): (request: CompletedRequestLike) => void {
  if (!telemetry.enabled) return () => undefined;
  return (request) => {
    telemetry.trackRequest({
      method: request.method,
      route: request.route,
      statusCode: request.status,
      durationMs: request.durationMs,
      url: request.url,
      requestId: request.requestId,
      startedAt: request.startedAt,
    });
  };
}
