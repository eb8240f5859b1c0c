import { createClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('routing: query parameters, headers absent or present, authority, uri case (Istio HTTPMatchRequest)', () => {
  let hit: Upstream;
  let fallback: Upstream;
  let proxy: ProxyServer;
  const client = createClient();
  const to = (name: string) => [{ destination: { cluster: name } }];

  beforeAll(async () => {
    [hit, fallback] = await Promise.all([startUpstream('hit'), startUpstream('fallback')]);
    proxy = await startProxy({
      clusters: [
        { name: 'hit', endpoints: [hit.endpoint] },
        { name: 'fallback', endpoints: [fallback.endpoint] },
      ],
      routes: [
        { name: 'query-exact', match: [{ uri: { prefix: '/q' }, queryParams: { flag: { exact: 'on air' } } }], route: to('hit') },
        { name: 'query-regex', match: [{ uri: { prefix: '/q' }, queryParams: { id: { regex: '[0-9]+' } } }], route: to('hit') },
        { name: 'without', match: [{ uri: { prefix: '/w' }, withoutHeaders: { 'x-canary': { exact: 'true' } } }], route: to('hit') },
        { name: 'absent', match: [{ uri: { prefix: '/a' }, withoutHeaders: { 'x-debug': {} } }], route: to('hit') },
        { name: 'present', match: [{ uri: { prefix: '/p' }, headers: { 'X-Tenant': {} } }], route: to('hit') },
        { name: 'authority', match: [{ uri: { prefix: '/h' }, authority: { prefix: 'books.' } }], route: to('hit') },
        { name: 'case', match: [{ uri: { prefix: '/Books/' }, ignoreUriCase: true }], route: to('hit') },
        { name: 'case-exact', match: [{ uri: { exact: '/Exact' }, ignoreUriCase: true }], route: to('hit') },
        { name: 'case-regex', match: [{ uri: { regex: '/re/[a-z]+' }, ignoreUriCase: true }], route: to('hit') },
        { name: 'rest', route: to('fallback') },
      ],
    });
  });

  afterAll(async () => {
    await client.close();
    await proxy.close();
    await Promise.all([hit.close(), fallback.close()]);
  });

  const upstreamOf = async (path: string, headers?: Record<string, string>) => {
    const reply = await client.send(`${proxy.url}${path}`, { headers });
    expect(reply.status).toBe(200);
    return (JSON.parse(reply.text) as { upstream: string }).upstream;
  };

  it('matches a query parameter on its decoded value, %xx and "+" alike', async () => {
    expect(await upstreamOf('/q?flag=on%20air')).toBe('hit');
    expect(await upstreamOf('/q?x=1&flag=on+air')).toBe('hit');
    expect(await upstreamOf('/q?flag=on')).toBe('fallback');
    expect(await upstreamOf('/q')).toBe('fallback');
  });

  it('matches a query parameter by regex on the whole value, and the first of a repeated one', async () => {
    expect(await upstreamOf('/q?id=42')).toBe('hit');
    expect(await upstreamOf('/q?id=42x')).toBe('fallback');
    expect(await upstreamOf('/q?id=x&id=42')).toBe('fallback');
    expect(await upstreamOf('/q?id=%zz')).toBe('fallback');
  });

  it('withoutHeaders: matches when the header does not match, an absent header included', async () => {
    expect(await upstreamOf('/w')).toBe('hit');
    expect(await upstreamOf('/w', { 'x-canary': 'false' })).toBe('hit');
    expect(await upstreamOf('/w', { 'x-canary': 'true' })).toBe('fallback');
  });

  it('an empty matcher {} means "present": in withoutHeaders the header must be absent, in headers present', async () => {
    expect(await upstreamOf('/a')).toBe('hit');
    expect(await upstreamOf('/a', { 'x-debug': '' })).toBe('fallback');
    expect(await upstreamOf('/p')).toBe('fallback');
    expect(await upstreamOf('/p', { 'x-tenant': 'anything' })).toBe('hit');
  });

  it('matches the authority on the Host header as received', async () => {
    expect(await upstreamOf('/h', { host: 'books.example:8080' })).toBe('hit');
    expect(await upstreamOf('/h', { host: 'reviews.example' })).toBe('fallback');
  });

  it('ignoreUriCase: exact, prefix and regex match the path in any case, and it is forwarded as received', async () => {
    expect(await upstreamOf('/BOOKS/1')).toBe('hit');
    expect(await upstreamOf('/books/1')).toBe('hit');
    expect(hit.received.at(-1)?.url).toBe('/books/1');
    expect(await upstreamOf('/eXaCt')).toBe('hit');
    expect(await upstreamOf('/RE/abc')).toBe('hit');
    expect(await upstreamOf('/exactly')).toBe('fallback');
  });
});
