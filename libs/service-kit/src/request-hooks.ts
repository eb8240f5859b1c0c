import { type AccessLog } from '@mirrormesh/access-log';
import { checkHostField, HOST_FIELD_MESSAGES } from '@mirrormesh/proxy';
import { type FastifyInstance } from 'fastify';
import { HEALTH_PATH } from './health/health.controller';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';
import { REQUEST_ID_HEADER } from './request-id';

export const VERSION_TAG_HEADER = 'x-version-tag';

const HEALTH_ROUTE_PREFIX = `/${HEALTH_PATH}/`;

/** What a service learns about each finished request other than a health probe (telemetry hooks in here). */
export interface CompletedRequest {
  readonly method: string;
  /** The route template (`/books/:id/reviews`); undefined when no route matched (a 404). */
  readonly route: string | undefined;
  readonly url: string;
  readonly status: number;
  readonly durationMs: number;
  readonly requestId: string;
  readonly startedAt: Date;
}

export type RequestListener = (request: CompletedRequest) => void;

/**
 * Every response carries the version tag and the request id (so a mirrored request can
 * be joined with its live twin), a duplicate or invalid Host is refused before routing
 * (RFC 9112 §3.2), and every finished request is logged once.
 */
export function installRequestHooks(
  fastify: FastifyInstance,
  options: {
    versionTag?: string | undefined;
    accessLog: AccessLog;
    listeners: readonly RequestListener[];
    /** True once shutdown began: answers then close their connection so that draining ends. */
    isDraining: () => boolean;
    /** Counts requests between arrival and their answer (or their client's abort). */
    inFlight: { requestStarted(request: object): void; requestEnded(request: object): void };
  },
): void {
  const { versionTag, accessLog, listeners, isDraining, inFlight } = options;
  fastify.addHook('onRequestAbort', (request, done) => {
    inFlight.requestEnded(request.raw);
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    inFlight.requestStarted(request.raw);
    if (versionTag !== undefined) void reply.header(VERSION_TAG_HEADER, versionTag);
    void reply.header(REQUEST_ID_HEADER, request.id);
    const badHost = checkHostField(request.raw.rawHeaders);
    if (badHost === undefined) return done();
    // Answered here, so done() is not called: the route (or the 404) never runs.
    const body = problem(400, 'BAD_HOST', HOST_FIELD_MESSAGES[badHost], request.url.split('?')[0]);
    void reply.code(400).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    // A keep-alive connection that was busy when shutdown began would otherwise stay open
    // until its idle timeout and hold the drain for that long.
    if (isDraining()) void reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    inFlight.requestEnded(request.raw);
    const durationMs = reply.elapsedTime;
    const startedAt = new Date(Date.now() - durationMs);
    const length = reply.getHeader('content-length');
    accessLog.write({
      time: startedAt,
      remoteAddress: request.ip,
      method: request.method,
      url: request.url,
      httpVersion: request.raw.httpVersion,
      status: reply.statusCode,
      bytes: length === undefined ? undefined : Number(length),
      durationMs,
      versionTag,
      requestId: request.id,
      userAgent: request.headers['user-agent'],
    });
    const route = request.routeOptions.url;
    // Probes are not traffic: counted, they would blur the live-vs-mirror comparison.
    if (listeners.length > 0 && route?.startsWith(HEALTH_ROUTE_PREFIX) !== true) {
      const completed: CompletedRequest = {
        method: request.method,
        route,
        url: request.url,
        status: reply.statusCode,
        durationMs,
        requestId: request.id,
        startedAt,
      };
      for (const listener of listeners) listener(completed);
    }
    done();
  });
}
