import { type Readable } from 'node:stream';
import { request, Agent } from 'undici';

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly ms: number;
}

/** A keep-alive client for tests; close it in afterAll. */
export function createClient(): {
  send: (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string | Buffer | Readable }) => Promise<Reply>;
  close: () => Promise<void>;
} {
  const agent = new Agent({ connections: 64 });
  return {
    async send(url, init = {}) {
      const t0 = performance.now();
      const res = await request(url, {
        dispatcher: agent,
        method: (init.method ?? 'GET') as 'GET',
        headers: init.headers,
        body: init.body,
      });
      const text = await res.body.text();
      return { status: res.statusCode, headers: res.headers, text, ms: performance.now() - t0 };
    },
    close: () => agent.close(),
  };
}
