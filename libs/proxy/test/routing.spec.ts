import { createClient, startUpstream, type Upstream } from '@mirrormesh/testing';
import { startProxy, type ProxyServer } from './support/proxy-server';

describe('routing: first matching route wins, by uri, header and method', () => {
  let reviews: Upstream;
  let ratings: Upstream;
  let jason: Upstream;
  let proxy: ProxyServer;
  const client = createClient();

  beforeAll(async () => {
    [reviews, ratings, jason] = await Promise.all([startUpstream('reviews'), startUpstream('ratings'), startUpstream('jason')]);
    proxy = await startProxy({
      clusters: [
        { name: 'reviews', endpoints: [reviews.endpoint] },
        { name: 'ratings', endpoints: [ratings.endpoint] },
        { name: 'jason', endpoints: [jason.endpoint] },
      ],
      routes: [
        { name: 'jason', match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { cluster: 'jason' } }] },
        {
          name: 'ratings',
          match: [{ uri: { prefix: '/ratings' } }, { uri: { regex: '/stars/[0-9]+' }, method: { exact: 'GET' } }],
          route: [{ destination: { cluster: 'ratings' } }],
        },
        { name: 'reviews', match: [{ uri: { exact: '/reviews' } }], route: [{ destination: { cluster: 'reviews' } }] },
      ],
    });
  });

  afterAll(async () => {
    await client.close();
    await proxy.close();
    await Promise.all([reviews.close(), ratings.close(), jason.close()]);
  });

  const upstreamOf = async (path: string, init?: Parameters<typeof client.send>[1]) => {
    const reply = await client.send(`${proxy.url}${path}`, init);
    return reply.status === 200 ? (JSON.parse(reply.text) as { upstream: string }).upstream : reply.status;
  };

  it('routes by uri prefix, exact and regex, keeping the query', async () => {
    expect(await upstreamOf('/ratings/1?x=1')).toBe('ratings');
    expect(await upstreamOf('/stars/42')).toBe('ratings');
    expect(await upstreamOf('/reviews')).toBe('reviews');
    expect(await upstreamOf('/reviews?page=2')).toBe('reviews');
    expect(ratings.received[0]?.url).toBe('/ratings/1?x=1');
  });

  it('routes by header (Istio end-user: jason) before later routes', async () => {
    expect(await upstreamOf('/reviews', { headers: { 'end-user': 'jason' } })).toBe('jason');
    expect(await upstreamOf('/reviews', { headers: { 'end-user': 'maria' } })).toBe('reviews');
  });

  it('matches method and full-string regex only', async () => {
    expect(await upstreamOf('/stars/42', { method: 'DELETE' })).toBe(404);
    expect(await upstreamOf('/stars/42x')).toBe(404);
  });

  it('answers 404 with a small JSON body when no route matches', async () => {
    const reply = await client.send(`${proxy.url}/reviews/extra`);
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.text)).toEqual({ code: 'NO_ROUTE', message: 'no route matches this request' });
    expect(reply.headers['content-type']).toContain('application/json');
  });
});
