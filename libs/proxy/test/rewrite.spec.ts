import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import { recordEvents } from './support/channel-recorder';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('rewrite: the path and authority go upstream rewritten, to live and copy alike (Istio HTTPRewrite)', () => {
  let live: Upstream;
  let mirror: Upstream;
  let proxy: ProxyServer;
  const client = createClient();
  const events = recordEvents();
  const to = [{ destination: { cluster: 'live' } }];

  beforeAll(async () => {
    [live, mirror] = await Promise.all([startUpstream('live'), startUpstream('mirror')]);
    proxy = await startProxy({
      clusters: [
        { name: 'live', endpoints: [live.endpoint] },
        { name: 'mirror', endpoints: [mirror.endpoint] },
      ],
      routes: [
        {
          name: 'prefix',
          match: [{ uri: { prefix: '/ratings' } }],
          rewrite: { uri: '/v1/bookRatings', authority: 'ratings.internal:9080' },
          route: to,
          mirror: { cluster: 'mirror' },
        },
        { name: 'exact', match: [{ uri: { exact: '/old' } }], rewrite: { uri: '/new' }, route: to },
        { name: 'regex', match: [{ uri: { regex: '/legacy/[0-9]+' } }], rewrite: { uri: '/current' }, route: to },
        {
          name: 'several',
          match: [{ uri: { prefix: '/a/' } }, { uri: { prefix: '/bb/' } }],
          rewrite: { uri: '/x/' },
          route: to,
        },
        { name: 'case', match: [{ uri: { prefix: '/CASE' }, ignoreUriCase: true }], rewrite: { uri: '/lower' }, route: to },
        {
          name: 'regex-rewrite',
          match: [{ uri: { prefix: '/service/' } }],
          uriRegexRewrite: { match: '^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1' },
          route: to,
        },
        { name: 'authority', match: [{ uri: { prefix: '/host' } }], rewrite: { authority: 'other.internal' }, route: to },
        { name: 'no-uri-match', match: [{ method: { exact: 'PUT' } }], rewrite: { uri: '/put' }, route: to },
        { name: 'untouched', route: to },
      ],
    });
  });

  afterAll(async () => {
    events.stop();
    await client.close();
    await proxy.close();
    await Promise.all([live.close(), mirror.close()]);
  });

  const forwarded = async (path: string, init?: Parameters<typeof client.send>[1]) => {
    const reply = await client.send(`${proxy.url}${path}`, init);
    expect(reply.status).toBe(200);
    return live.received.at(-1);
  };

  it('a prefix match has its matched prefix replaced, the rest and the query kept', async () => {
    expect((await forwarded('/ratings/7?lang=en&x=%20'))?.url).toBe('/v1/bookRatings/7?lang=en&x=%20');
    expect((await forwarded('/ratings'))?.url).toBe('/v1/bookRatings');
  });

  it('an exact or a regex match has the whole path replaced', async () => {
    expect((await forwarded('/old?q=1'))?.url).toBe('/new?q=1');
    expect((await forwarded('/legacy/42'))?.url).toBe('/current');
  });

  it('with several match blocks, the prefix of the block that matched is replaced', async () => {
    expect((await forwarded('/a/1'))?.url).toBe('/x/1');
    expect((await forwarded('/bb/2'))?.url).toBe('/x/2');
  });

  it('ignoreUriCase: the prefix matched in another case is replaced all the same', async () => {
    expect((await forwarded('/case/1'))?.url).toBe('/lower/1');
  });

  it('uriRegexRewrite replaces what the regex matches, with its groups', async () => {
    expect((await forwarded('/service/books/list?all=1'))?.url).toBe('/list/instance/books?all=1');
  });

  it('a match without uri has "/" replaced, as Istio (Envoy prefix "/")', async () => {
    expect((await forwarded('/items/1', { method: 'PUT', body: 'x' }))?.url).toBe('/putitems/1');
  });

  it('authority replaces the Host upstream; x-forwarded-host keeps the one received', async () => {
    const got = await forwarded('/host', { headers: { host: 'books.example' } });
    expect(got?.headers.host).toBe('other.internal');
    expect(got?.headers['x-forwarded-host']).toBe('books.example');
    expect(got?.url).toBe('/host');
  });

  it('the mirror copy gets the rewritten path, and the -shadow suffix on the rewritten authority', async () => {
    mirror.received.length = 0;
    await forwarded('/ratings/9?v=2', { headers: { host: 'books.example' } });
    await eventually(() => mirror.received.length === 1);
    expect(mirror.received[0]?.url).toBe('/v1/bookRatings/9?v=2');
    expect(mirror.received[0]?.headers.host).toBe('ratings.internal-shadow:9080');
    expect(live.received.at(-1)?.headers.host).toBe('ratings.internal:9080');
  });

  it('events show the path as forwarded, live and copy', async () => {
    events.clear();
    await forwarded('/ratings/3');
    await eventually(() => events.live.length === 1 && events.mirror.length === 1);
    expect(events.live[0]).toMatchObject({ route: 'prefix', path: '/v1/bookRatings/3' });
    expect(events.mirror[0]).toMatchObject({ route: 'prefix', path: '/v1/bookRatings/3' });
  });

  it('a route without rewrite forwards the path and Host as received', async () => {
    const got = await forwarded('/plain/path?x=1', { headers: { host: 'books.example' } });
    expect(got?.url).toBe('/plain/path?x=1');
    expect(got?.headers.host).toBe('books.example');
  });
});
