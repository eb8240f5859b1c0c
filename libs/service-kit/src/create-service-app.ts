import { ConsoleLogger, type DynamicModule, type LogLevel, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { createAccessLog, type AccessLog } from '@mirrormesh/access-log';
import { HealthModule } from './health/health.module';
import { answerClientError } from './client-error';
import { ServiceState } from './health/service-state';
import { setupOpenApi } from './openapi';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemFilter } from './problem.filter';
import { logColorsEnabled } from './log-colors';
import { installRequestHooks, type RequestListener } from './request-hooks';
import { requestIdOf } from './request-id';
import { requestTimeoutServerOptions } from './request-timeouts';
import { SERVICE_DEFAULTS } from './service-env';
import { type ServiceOptions } from './service-options';

export interface ServiceApp {
  readonly app: NestFastifyApplication;
  readonly accessLog: AccessLog;
  readonly options: ServiceOptions;
}

@Module({})
class ServiceRootModule {}

/** Each level includes the ones after it. */
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'log', 'warn', 'error', 'fatal'];

/**
 * A NestJS app on fastify with what every mirrormesh service has: request ids, the
 * version-tag header, the access log, problem+json errors, health endpoints and OpenAPI.
 */
export async function createServiceApp(
  appModule: Type | DynamicModule,
  options: ServiceOptions,
  listeners: readonly RequestListener[] = [],
): Promise<ServiceApp> {
  const serverOptions = requestTimeoutServerOptions(options);
  const adapter = new FastifyAdapter({
    // Slow or stalled clients are cut with a 408 (answerClientError); fastify overwrites the
    // server's requestTimeout with its own option after creating it, so both carry the bound.
    http: serverOptions,
    requestTimeout: serverOptions.requestTimeout,
    clientErrorHandler: answerClientError,
    genReqId: requestIdOf,
    requestIdHeader: false,
    bodyLimit: options.bodyLimitBytes ?? SERVICE_DEFAULTS.bodyLimitBytes,
    return503OnClosing: true,
    logger: false,
    // Errors fastify raises before routing (a path that is not valid percent-encoding) get
    // the same problem+json answer as everything else.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const body = { ...problem(400, 'BAD_URL', error.message), instance: request.url.split('?')[0] };
      void reply.code(400).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
    },
  });
  const logLevels = LOG_LEVELS.slice(LOG_LEVELS.indexOf(options.logLevel ?? 'log'));
  const logger = new ConsoleLogger(options.name, {
    json: options.logFormat === 'json',
    logLevels,
    colors: logColorsEnabled(process.env, process.stdout.isTTY),
  });
  const root: DynamicModule = { module: ServiceRootModule, imports: [appModule, HealthModule] };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, { logger, abortOnError: false });
  const accessLog = createAccessLog({ format: options.logFormat, destination: options.accessLogDestination });
  app.useGlobalFilters(new ProblemFilter());
  const state = app.get(ServiceState);
  installRequestHooks(app.getHttpAdapter().getInstance(), {
    versionTag: options.versionTag,
    accessLog,
    listeners,
    isDraining: () => !state.ready,
    inFlight: state,
  });
  if (options.openApi !== undefined) setupOpenApi(app, options.openApi);
  return { app, accessLog, options };
}
