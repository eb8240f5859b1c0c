import { type ServerResponse } from 'node:http';
import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { comparedConfig } from './support/json-upstream';
import { startProxy, type ProxyServer } from './support/proxy-server';

/** A JSON body in many chunks, larger than one socket read: the capture sees it as it streams. */
const BODY = JSON.stringify({ items: Array.from({ length: 3000 }, (_, i) => ({ i, name: `item-${i}` })) });

/**
 * The live answer is the client's alone: with compare on and a candidate held back, the client
 * gets the same bytes as with compare off, and gets them while the candidate still has not
 * answered (a latch this test controls, not a timing threshold).
 */
describe('shadow diff: the live answer is neither changed nor delayed', () => {
  const client = createClient();
  let live: Upstream;
  let candidate: Upstream;
  let compared: ProxyServer;
  let plain: ProxyServer;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    live = await startUpstream('live', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-version': 'v1' });
      // Written in pieces: a streamed (chunked) answer.
      for (let i = 0; i < BODY.length; i += 8192) res.write(BODY.slice(i, i + 8192));
      res.end();
    });
    candidate = await startUpstream('candidate', (_req, res) => held.push(res));
    const endpoints = { live: live.endpoint, candidate: candidate.endpoint };
    compared = await startProxy(comparedConfig(endpoints, { maxBodyBytes: 1024 * 1024 }));
    plain = await startProxy(comparedConfig(endpoints, { enabled: false }));
  });
  afterAll(async () => {
    held.forEach((res) => res.destroy());
    await client.close();
    await Promise.all([compared.close(), plain.close()]);
    await Promise.all([live.close(), candidate.close()]);
  });

  it('delivers the same bytes as compare off, whole, while the candidate is held back', async () => {
    const off = await client.send(`${plain.url}/books`);
    await eventually(() => held.length === 1);
    const on = await client.send(`${compared.url}/books`);
    expect(on.status).toBe(200);
    expect(on.text).toBe(off.text);
    expect(on.text).toBe(BODY);
    expect(on.headers['x-version']).toBe('v1');
    // The candidate has the copy and has not answered; the comparison waits, holding the live body.
    await eventually(() => held.length === 2);
    expect(compared.proxy.stats().diffPending).toEqual({ count: 1, bytes: BODY.length });
    expect(compared.proxy.diffReport().routes[0]?.compared).toBe(0);

    const answer = JSON.stringify({ items: [] });
    held[1]!.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    await eventually(() => compared.proxy.diffReport().routes[0]?.compared === 1);
    expect(compared.proxy.stats().diffPending).toEqual({ count: 0, bytes: 0 });
    expect(compared.proxy.diffReport().routes[0]).toMatchObject({ different: 1 });
  });
});
