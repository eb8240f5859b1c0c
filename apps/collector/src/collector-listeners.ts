import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import {
  answerClientError,
  problem,
  PROBLEM_CONTENT_TYPE,
  requestTimeoutServerOptions,
  type RequestTimeouts,
} from '@mirrormesh/service-kit';
import { type FastifyInstance } from 'fastify';
import { type TlsMaterial } from './tls/certificate-store';

/** Idle keep-alive connections are closed after this; the SDK reconnects per export anyway. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** On close, connections still busy after this are cut. */
export const CLOSE_GRACE_MS = 5_000;
/** Paths the plain-HTTP listener serves: read-only, never the track API. */
const PLAIN_PATHS = /^\/(query|health)(\/|\?|$)/;
/** Log Analytics' query API takes its query by POST too; it reads, never writes. */
const PLAIN_POST_PATH = /^\/query(\?|$)/;

export interface CollectorListeners {
  /** `https://host:port/`: the IngestionEndpoint of the connection string. */
  readonly secureUrl: string;
  /** `http://host:port`: query and health only. */
  readonly plainUrl: string;
  close(): Promise<void>;
}

/**
 * Serves one fastify app on two listeners: HTTPS with the collector's certificate (the track
 * API; the SDK rewrites http:// ingestion endpoints to https://) and plain HTTP for the
 * read-only query and health routes, so the report and curl need no CA.
 */
export async function listenCollector(
  fastify: FastifyInstance,
  tls: TlsMaterial,
  options: { host: string; port: number; queryPort: number; timeouts: RequestTimeouts },
): Promise<CollectorListeners> {
  await fastify.ready();
  const route = (request: IncomingMessage, response: ServerResponse) => fastify.routing(request, response);
  // fastify's own server never listens here: these two get the services' request bounds and 408 answers.
  const bounds = requestTimeoutServerOptions(options.timeouts);
  const secure = createHttpsServer({ key: tls.key, cert: tls.cert, ...bounds }, route);
  const plain = createHttpServer(bounds, (request, response) => {
    const url = request.url ?? '';
    if ((request.method === 'GET' || request.method === 'HEAD') && PLAIN_PATHS.test(url)) return route(request, response);
    if (request.method === 'POST' && PLAIN_POST_PATH.test(url)) return route(request, response);
    const body = problem(
      404,
      'PLAIN_HTTP_READ_ONLY',
      'The plain-HTTP listener serves GET /query/*, POST /query and /health/* only; send telemetry over HTTPS.',
    );
    response.writeHead(404, { 'content-type': PROBLEM_CONTENT_TYPE });
    response.end(JSON.stringify(body));
  });
  for (const server of [secure, plain]) {
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    server.on('clientError', answerClientError);
  }
  const securePort = await listen(secure, options.host, options.port);
  let plainPort: number;
  try {
    plainPort = await listen(plain, options.host, options.queryPort);
  } catch (error) {
    await closeServer(secure);
    throw error;
  }
  const shown = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    secureUrl: `https://${shown}:${securePort}/`,
    plainUrl: `http://${shown}:${plainPort}`,
    close: async () => {
      await Promise.all([closeServer(secure), closeServer(plain)]);
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    cut.unref();
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
