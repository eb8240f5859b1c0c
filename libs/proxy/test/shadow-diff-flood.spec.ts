import { type ServerResponse } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { comparedConfig } from './support/json-upstream';
import { startProxy, type ProxyServer } from './support/proxy-server';

const MiB = 1024 * 1024;
const REQUESTS = 400;
const CONCURRENCY = 32;
/** Each live answer: half a MiB, under the compare cap, so every byte of it would be held if nothing bounded it. */
const BODY = JSON.stringify({ padding: 'x'.repeat(MiB / 2) });
const MAX_PENDING_BYTES = 4 * MiB;
const MAX_PENDING = 50;
const LONG_TEST_MS = 120_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Buffer memory still reachable: garbage collected first (a few times, letting the sweeper and the
 * sockets' last callbacks run in between), so what remains is what something holds.
 */
async function retainedBufferBytes(): Promise<number> {
  for (let i = 0; i < 3; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().arrayBuffers;
}

/**
 * A flood of large answers while the candidate answers nothing: without bounds every live body
 * would wait for its comparison (400 × 0.5 MiB). The caps hold: the pending bytes never pass
 * limits.diffPendingBytes, the count never passes limits.diffPendingComparisons, refusals are
 * counted by reason, and the buffers still held once the flood is over (candidate still silent)
 * are within the cap, not what the flood carried. Peak RSS under a flood is measured by the
 * bench (bench/proxy-mirror, compare case): this process also runs the client and upstreams.
 */
describe('shadow diff under a flood: memory stays within the pending caps', () => {
  const client = createClient();
  let live: Upstream;
  let candidate: Upstream;
  let proxy: ProxyServer;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    live = await startUpstream('live', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
      res.end(BODY);
    });
    candidate = await startUpstream('candidate', (_req, res) => held.push(res));
    proxy = await startProxy(
      comparedConfig(
        { live: live.endpoint, candidate: candidate.endpoint },
        { maxBodyBytes: MiB },
        { limits: { diffPendingBytes: MAX_PENDING_BYTES, diffPendingComparisons: MAX_PENDING } },
      ),
    );
  });
  afterAll(async () => {
    held.forEach((res) => res.destroy());
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), candidate.close()]);
  });

  it(
    'never holds more than the caps, counts what it refused and lets go of everything after',
    async () => {
      let maxBytes = 0;
      let maxCount = 0;
      const sample = () => {
        const { count, bytes } = proxy.proxy.stats().diffPending;
        maxBytes = Math.max(maxBytes, bytes);
        maxCount = Math.max(maxCount, count);
      };
      const sampler = setInterval(sample, 1);
      const buffersBefore = await retainedBufferBytes();
      let next = 0;
      const worker = async () => {
        while (next < REQUESTS) {
          next += 1;
          const reply = await client.send(`${proxy.url}/books`);
          expect(reply.status).toBe(200);
          expect(reply.text.length).toBe(BODY.length);
          sample();
        }
      };
      try {
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      } finally {
        clearInterval(sampler);
      }
      expect(maxBytes).toBeLessThanOrEqual(MAX_PENDING_BYTES);
      expect(maxCount).toBeLessThanOrEqual(MAX_PENDING);
      // The flood carried 200 MiB of live answers; unbounded capture would still hold all of it here.
      expect((await retainedBufferBytes()) - buffersBefore).toBeLessThan(MAX_PENDING_BYTES + 16 * MiB);
      const report = proxy.proxy.diffReport();
      const refused = report.dropped.filter((d) => d.reason === 'pending-full' || d.reason === 'bytes-full');
      expect(refused.reduce((sum, d) => sum + d.count, 0)).toBeGreaterThan(0);
      expect(report.pending.maxBytes).toBe(MAX_PENDING_BYTES);

      // The candidate answers at last: every comparison settles and every byte is given back.
      await eventually(() => held.length === REQUESTS, 30_000);
      for (const res of held) res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      await eventually(() => proxy.proxy.stats().diffPending.count === 0, 30_000);
      expect(proxy.proxy.stats().diffPending.bytes).toBe(0);
      const after = proxy.proxy.diffReport();
      const compared = after.routes[0]?.compared ?? 0;
      const dropped = after.dropped.reduce((sum, d) => sum + d.count, 0);
      expect(compared + dropped).toBe(REQUESTS);
    },
    LONG_TEST_MS,
  );
});
