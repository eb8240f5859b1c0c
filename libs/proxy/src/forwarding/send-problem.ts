import { type ServerResponse } from 'node:http';

/**
 * A small JSON answer the proxy gives itself (404, 502, 504, ...): a code and a fixed
 * message, never a stack. Returns the body size for the access log.
 */
export function sendProblem(res: ServerResponse, status: number, code: string, message: string, requestId?: string): number {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return 0;
  }
  const body = `{"code":${JSON.stringify(code)},"message":${JSON.stringify(message)}}`;
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  };
  if (requestId !== undefined) headers['x-request-id'] = requestId;
  res.writeHead(status, headers);
  res.end(body);
  return Buffer.byteLength(body);
}
