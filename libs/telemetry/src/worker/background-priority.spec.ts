import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The nice value of a thread, from /proc (field 19 of its stat line). */
function niceOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

const linux = process.platform === 'linux';

(linux ? describe : describe.skip)('lowerThreadPriority', () => {
  it('lowers only the calling thread: the exporter thread yields, the request thread keeps its priority', async () => {
    const built = join(__dirname, '..', '..', 'dist', 'worker', 'background-priority.js');
    const code = `
      const { parentPort } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      const lowered = require(${JSON.stringify(built)}).lowerThreadPriority(10);
      parentPort.postMessage({ lowered, stat: readFileSync('/proc/thread-self/stat', 'utf8') });`;
    const worker = new Worker(code, { eval: true });
    const reply = await new Promise<{ lowered: boolean; stat: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    const mine = niceOf(readFileSync('/proc/thread-self/stat', 'utf8'));
    expect(reply.lowered).toBe(true);
    expect(niceOf(reply.stat)).toBe(Math.max(mine, 10));
  });
});
