import { HttpException } from '@nestjs/common';
import { problem } from './problem';

/**
 * Base of every error a service answers on purpose: a status, a stable code and a
 * detail safe to show a client. Services subclass it in their own errors.ts.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
  ) {
    super(problem(status, code, detail), status);
    this.message = detail;
  }
}

export class RouteNotFoundException extends ProblemException {
  constructor(method: string, path: string) {
    super(404, 'ROUTE_NOT_FOUND', `No route for ${method} ${path}`);
  }
}
