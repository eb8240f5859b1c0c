import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type LoadResult, type SteadyLoadOptions } from '../faults/steady-load';
import { startNode, type Child } from './child-process';
import { type HttpGet } from './http-get';

export const NS_CLIENT_MAIN = join(__dirname, '..', '..', 'dist', 'faults', 'ns-client-main.js');

/** A client process inside a network namespace, driven over JSON lines. */
export interface NsClient {
  readonly child: Child;
  readonly get: HttpGet;
  load(options: SteadyLoadOptions): Promise<LoadResult>;
  stop(): Promise<void>;
}

export function startNsClient(netns: string): NsClient {
  const child = startNode('ns-client', NS_CLIENT_MAIN, [], { netns, stdout: 'protocol' });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  createInterface({ input: child.process.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const answer = JSON.parse(line) as { id: number; result?: unknown; error?: string };
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.error !== undefined) pending?.reject(Object.assign(new Error(answer.error), { code: answer.error }));
    else pending?.resolve(answer.result);
  });
  void child.exited.then(() => {
    for (const pending of waiting.values()) pending.reject(new Error(`ns-client exited:\n${child.output()}`));
    waiting.clear();
  });
  const call = (command: object): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (!child.alive()) return reject(new Error(`ns-client is not running:\n${child.output()}`));
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.process.stdin?.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  return {
    child,
    get: (url, method) => call({ op: 'get', url, method }) as ReturnType<HttpGet>,
    load: (options) => call({ op: 'load', options }) as Promise<LoadResult>,
    async stop() {
      child.process.stdin?.end();
      await child.stop();
    },
  };
}
