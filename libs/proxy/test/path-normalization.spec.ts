import { eventually, rawRequest, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

/**
 * Regression (issue item 8): `//internal/x`, `/./internal/x`, `/books/../internal/x` and
 * `/%69nternal/x` got past a route on `prefix: /internal` and reached the catch-all, whose
 * upstream could resolve them to `/internal/x`. Paths are now normalised before routes match,
 * and the upstream receives the path that was matched.
 */
describe('path normalization: a route on /internal cannot be bypassed by another spelling of it', () => {
  let internal: Upstream;
  let live: Upstream;
  let mirror: Upstream;

  const config = (pathNormalization?: Record<string, unknown>) => ({
    ...(pathNormalization === undefined ? {} : { pathNormalization }),
    clusters: [
      { name: 'internal', endpoints: [internal.endpoint] },
      { name: 'live', endpoints: [live.endpoint] },
      { name: 'mirror', endpoints: [mirror.endpoint] },
    ],
    routes: [
      { name: 'internal', match: [{ uri: { prefix: '/internal' } }], route: [{ destination: { cluster: 'internal' } }] },
      { name: 'all', route: [{ destination: { cluster: 'live' } }], mirror: { cluster: 'mirror' } },
    ],
  });

  /** One proxy per normalization under test; `default` has no pathNormalization key. */
  const proxies = new Map<string, ProxyServer>();
  const get = (normalization: string, target: string) =>
    rawRequest(proxies.get(normalization)!.port, `GET ${target} HTTP/1.1\r\nHost: books.local\r\nConnection: close\r\n\r\n`);

  beforeAll(async () => {
    [internal, live, mirror] = await Promise.all([startUpstream('internal'), startUpstream('live'), startUpstream('mirror')]);
    proxies.set('default', await startProxy(config()));
    for (const normalization of ['NONE', 'DECODE_AND_MERGE_SLASHES'])
      proxies.set(normalization, await startProxy(config({ normalization })));
  });
  beforeEach(() => {
    for (const upstream of [internal, live, mirror]) upstream.received.length = 0;
  });
  afterAll(async () => {
    await Promise.all([...proxies.values()].map((proxy) => proxy.close()));
    await Promise.all([internal.close(), live.close(), mirror.close()]);
  });

  describe('by default (MERGE_SLASHES)', () => {
    it.each([
      '//internal/x',
      '/./internal/x',
      '/books/../internal/x',
      '/%69nternal/x',
      '/books/%2e%2E/internal/x',
      '/books\\..\\internal/x',
    ])('%s reaches the /internal route, as /internal/x', async (target) => {
      const answer = await get('default', `${target}?q=a%2F..&b=//c`);
      expect(answer).toMatch(/^HTTP\/1.1 200/);
      expect(answer).toContain('"upstream":"internal"');
      expect(internal.received.map((r) => r.url)).toEqual(['/internal/x?q=a%2F..&b=//c']);
      expect(live.received).toHaveLength(0);
    });

    it('forwards the normalised path and the untouched query to live and to the mirror copy', async () => {
      const answer = await get('default', '/books//2/./reviews/%7Eall/../?page=./../2');
      expect(answer).toMatch(/^HTTP\/1.1 200/);
      expect(live.received.map((r) => r.url)).toEqual(['/books/2/reviews/?page=./../2']);
      await eventually(() => mirror.received.length > 0);
      expect(mirror.received.map((r) => r.url)).toEqual(['/books/2/reviews/?page=./../2']);
    });

    it.each([
      ['/books/%zz', 'a malformed escape'],
      ['/books/%', 'a trailing "%"'],
      ['/books/%0', 'a cut escape'],
      ['/books/a%00b', 'an escaped NUL'],
    ])('answers 400 BAD_PATH for %s (%s) and forwards nothing', async (target) => {
      const answer = await get('default', target);
      expect(answer).toMatch(/^HTTP\/1.1 400/);
      expect(answer).toContain('"code":"BAD_PATH"');
      expect(live.received).toHaveLength(0);
      expect(internal.received).toHaveLength(0);
    });
  });

  describe('with pathNormalization.normalization NONE', () => {
    it('matches and forwards the path as received (the behaviour before normalisation)', async () => {
      const answer = await get('NONE', '//internal/x?q=1');
      expect(answer).toContain('"upstream":"live"');
      expect(live.received.map((r) => r.url)).toEqual(['//internal/x?q=1']);
    });
  });

  describe('with DECODE_AND_MERGE_SLASHES', () => {
    it('decodes escaped slashes and backslashes before removing dots: /books%2F..%5Cinternal/x reaches /internal', async () => {
      const answer = await get('DECODE_AND_MERGE_SLASHES', '/books%2F..%5Cinternal/x');
      expect(answer).toContain('"upstream":"internal"');
      expect(internal.received.map((r) => r.url)).toEqual(['/internal/x']);
    });
  });

  it('keeps escaped slashes by default (as Istio does below DECODE_AND_MERGE_SLASHES)', async () => {
    expect(await get('default', '/books%2f..%2Finternal/x')).toContain('"upstream":"live"');
    expect(live.received.map((r) => r.url)).toEqual(['/books%2F..%2Finternal/x']);
  });

  it('refuses an unknown normalization at load, naming the key and the values', async () => {
    await expect(startProxy(config({ normalization: 'merge' }))).rejects.toThrow(
      /pathNormalization\.normalization must be one of "NONE", "BASE", "MERGE_SLASHES", "DECODE_AND_MERGE_SLASHES"/,
    );
  });
});
