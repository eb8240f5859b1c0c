import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { redactUrl } from '@mirrormesh/access-log';
import { type Problem } from '@mirrormesh/catalog';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';

/**
 * Turns every error into a problem+json answer. Client errors keep their status (no
 * client error ever becomes a 500); anything unexpected is logged with its stack and
 * answered as a bare 500 without it.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = { ...this.toProblem(error, request), instance: request.url.split('?')[0] };
    if (reply.sent) return;
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(error: unknown, request: FastifyRequest): Problem {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      if (isProblem(response)) return response;
      if (status === 404) return problem(404, 'ROUTE_NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`);
      return problem(status, codeForStatus(status), messageOf(response) ?? error.message);
    }
    // Errors fastify raises itself (bad JSON, body too large, wrong media type) carry a 4xx statusCode.
    const fastifyStatus = (error as { statusCode?: unknown }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return problem(fastifyStatus, codeForStatus(fastifyStatus), (error as Error).message);
    }
    this.logger.error(
      `Unhandled error on ${request.method} ${redactUrl(request.url)}`,
      error instanceof Error ? error.stack : String(error),
    );
    return problem(500, 'INTERNAL_ERROR', 'The server failed to answer this request.');
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value && 'detail' in value;
}

function messageOf(response: unknown): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR';
  }
}
