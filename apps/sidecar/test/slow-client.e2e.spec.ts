import { slowClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startSidecarProcess, type SidecarProcess } from './support/spawn-sidecar';

describe('regression: a slow client was bounded only by Node 300 s request timeout', () => {
  let live: Upstream;
  let sidecar: SidecarProcess;

  beforeAll(async () => {
    live = await startUpstream('live');
    sidecar = await startSidecarProcess({
      listener: { host: '127.0.0.1', port: 0, requestHeadersTimeout: '1s', requestBodyIdleTimeout: '1s' },
      clusters: [{ name: 'live', endpoints: [live.endpoint] }],
      routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }] }],
    });
  });
  afterAll(async () => {
    await sidecar.stop();
    await live.close();
  });

  it('answers 408 to headers that stop arriving (listener.requestHeadersTimeout)', async () => {
    const { answer, ms } = await slowClient(Number(new URL(sidecar.url).port), 'GET /books/1 HTTP/1.1\r\nhost: x\r\nx-slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408 [\s\S]*"code":"REQUEST_TIMEOUT"/);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(5000);
  });

  it('answers 408 to a body that stops arriving (listener.requestBodyIdleTimeout)', async () => {
    const head = 'POST /books HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"half":';
    const { answer, ms } = await slowClient(Number(new URL(sidecar.url).port), head);
    expect(answer).toMatch(/^HTTP\/1\.1 408 [\s\S]*"code":"REQUEST_TIMEOUT"/);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(5000);
    expect(live.received).toHaveLength(0);
  });
});
