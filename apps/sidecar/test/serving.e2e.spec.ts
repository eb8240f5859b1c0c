import { createClient, rawRequest, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startSidecarProcess, type SidecarProcess } from './support/spawn-sidecar';

describe('sidecar process: forwards, mirrors, logs and reports', () => {
  const client = createClient();
  let live: Upstream;
  let mirror: Upstream;
  let sidecar: SidecarProcess;

  beforeAll(async () => {
    [live, mirror] = await Promise.all([startUpstream('live'), startUpstream('mirror')]);
    sidecar = await startSidecarProcess({
      clusters: [
        { name: 'bookservice', endpoints: [live.endpoint] },
        { name: 'bookservicemirror', endpoints: [mirror.endpoint] },
      ],
      routes: [
        {
          name: 'books',
          match: [{ uri: { prefix: '/' } }],
          route: [{ destination: { cluster: 'bookservice' }, weight: 100 }],
          mirror: { cluster: 'bookservicemirror' },
          mirrorPercentage: { value: 100 },
        },
      ],
    });
  });
  afterAll(async () => {
    await client.close();
    await sidecar.stop();
    await Promise.all([live.close(), mirror.close()]);
  });

  it('answers from live and mirrors a copy with the shadow host and the same request id', async () => {
    const reply = await client.send(`${sidecar.url}/books/2`, { headers: { 'x-request-id': 'e2e-1' } });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ upstream: 'live' });
    await eventually(() => mirror.received.length === 1);
    expect(mirror.received[0]?.headers.host).toMatch(/-shadow:\d+$/);
    expect(mirror.received[0]?.headers['x-request-id']).toBe('e2e-1');
  });

  it('writes a JSON access-log line for the live request and one for the mirror outcome', async () => {
    await eventually(
      () =>
        sidecar
          .stdout()
          .split('\n')
          .filter((l) => l.includes('"request_id":"e2e-1"')).length === 2,
    );
    const lines = sidecar
      .stdout()
      .split('\n')
      .filter((l) => l.includes('"request_id":"e2e-1"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.mirror === false)).toMatchObject({
      status: 200,
      cluster: 'bookservice',
      route: 'books',
      method: 'GET',
      url: '/books/2',
    });
    expect(lines.find((l) => l.mirror === true)).toMatchObject({ status: 200, cluster: 'bookservicemirror' });
    expect(typeof lines[0]?.duration_ms).toBe('number');
  });

  it('serves metrics on the loopback admin listener', async () => {
    expect(sidecar.adminHost).toBe('127.0.0.1');
    const metrics = await client.send(`${sidecar.adminUrl}/metrics`);
    expect(metrics.text).toContain('mirrormesh_requests_total{route="books",cluster="bookservice",code="200"} 1');
    expect(metrics.text).toContain('mirrormesh_mirror_requests_total{route="books",cluster="bookservicemirror",code="200"} 1');
    expect((await client.send(`${sidecar.adminUrl}/health/ready`)).status).toBe(200);
    expect(JSON.parse((await client.send(`${sidecar.adminUrl}/config`)).text).routes[0].name).toBe('books');
  });

  it('refuses CONNECT and absolute-form targets, and answers malformed requests 400', async () => {
    const port = Number(sidecar.url.split(':')[2]);
    expect(await rawRequest(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')).toMatch(
      /^HTTP\/1.1 405[\s\S]*CONNECT_REFUSED/,
    );
    expect(await rawRequest(port, 'GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n')).toMatch(
      /^HTTP\/1.1 400[\s\S]*ABSOLUTE_FORM_REFUSED/,
    );
    expect(await rawRequest(port, 'GET / HTTP/1.1\r\nBad Header\r\n\r\n')).toMatch(/^HTTP\/1.1 400[\s\S]*BAD_REQUEST/);
  });
});
