import { request } from 'undici';

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  readonly ms: number;
  json<T = unknown>(): T;
  text(): string;
}

/** One GET (or HEAD) with a fresh connection per call, so tests never share pooled state. */
export async function get(url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET'): Promise<Answer> {
  const started = performance.now();
  const response = await request(url, { method, headers: { connection: 'close', ...headers } });
  const body = Buffer.from(await response.body.arrayBuffer());
  return {
    status: response.statusCode,
    headers: response.headers,
    body,
    ms: performance.now() - started,
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
    text: () => body.toString('utf8'),
  };
}

/** One POST of a JSON body (or raw text with its content type), fresh connection. */
export async function post(url: string, body: unknown, contentType = 'application/json'): Promise<Answer> {
  const started = performance.now();
  const response = await request(url, {
    method: 'POST',
    headers: { connection: 'close', 'content-type': contentType },
    body: typeof body === 'string' && contentType !== 'application/json' ? body : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.body.arrayBuffer());
  return {
    status: response.statusCode,
    headers: response.headers,
    body: bytes,
    ms: performance.now() - started,
    json: <T>() => JSON.parse(bytes.toString('utf8')) as T,
    text: () => bytes.toString('utf8'),
  };
}
