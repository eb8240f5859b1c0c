import { request } from 'undici';
import { createBookService } from '../../src/book-service.app';
import { loadBookServiceConfig } from '../../src/config/book-service.config';

export interface RunningBookService {
  readonly url: string;
  get(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: unknown; ms: number }>;
  close(): Promise<void>;
}

/** The real app, in-process, on a free port on 127.0.0.1; access log discarded. */
export async function startBookService(env: Record<string, string> = {}): Promise<RunningBookService> {
  const config = loadBookServiceConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env });
  const service = await createBookService({ ...config, service: { ...config.service, accessLogDestination: '/dev/null' } });
  await service.app.listen(0, '127.0.0.1');
  const address = service.app.getHttpServer().address();
  if (typeof address !== 'object' || address === null) throw new Error('book service did not bind a TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    async get(path, headers = {}) {
      const started = performance.now();
      const response = await request(`${url}${path}`, { headers });
      const text = await response.body.text();
      const type = String(response.headers['content-type'] ?? '');
      return {
        status: response.statusCode,
        headers: response.headers,
        body: type.includes('json') ? (JSON.parse(text) as unknown) : text,
        ms: performance.now() - started,
      };
    },
    async close() {
      await service.app.close();
      await service.accessLog.close();
    },
  };
}
