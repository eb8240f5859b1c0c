import diagnosticsChannel from 'node:diagnostics_channel';
import { PROXY_CHANNELS, type ExchangeEvent, type MirrorDroppedEvent } from './channels';
import { createProxyStats } from './proxy-stats';

const exchange = diagnosticsChannel.channel(PROXY_CHANNELS.exchange);
const mirrorExchange = diagnosticsChannel.channel(PROXY_CHANNELS.mirrorExchange);
const mirrorDropped = diagnosticsChannel.channel(PROXY_CHANNELS.mirrorDropped);

function event(fields: Partial<ExchangeEvent>): ExchangeEvent {
  const errorCode = fields.errorCode;
  return {
    proxyId: 'a-1',
    mirror: false,
    route: 'books',
    cluster: 'v1',
    method: 'GET',
    path: '/books/1',
    requestId: 'id',
    status: 200,
    errorCode: undefined,
    // An exchange with an error code and no status broke off; every other one here ran to its end.
    complete: errorCode === undefined || (fields.status ?? 200) > 0,
    durationMs: 10,
    queuedMs: 0,
    sent: true,
    startedAt: 0,
    bytes: 0,
    attempts: 1,
    remoteAddress: undefined,
    httpVersion: '1.1',
    userAgent: undefined,
    ...fields,
  };
}

/** Within the histogram's stated error (0.8 %). */
const near = (exact: number) => ({ asymmetricMatch: (n: number) => Math.abs(n - exact) <= exact / 128, toString: () => `≈${exact}` });

const proxyA = {
  id: 'a-1',
  stats: () => ({
    liveInflight: 0,
    mirrorInflight: { shadow: 3 },
    requestBufferedBytes: 0,
    mirrorBufferedBytes: 0,
    clusters: {},
    closed: false,
    upgradesOpen: 0,
    diffPending: { count: 0, bytes: 0 },
  }),
};

describe('createProxyStats', () => {
  it('counts only the given proxy, and every proxy when none is given', () => {
    const onlyA = createProxyStats({ proxy: proxyA });
    const all = createProxyStats();
    exchange.publish(event({}));
    exchange.publish(event({ proxyId: 'b-2' }));
    mirrorExchange.publish(event({ proxyId: 'b-2', mirror: true, cluster: 'shadow' }));
    const dropped: MirrorDroppedEvent = { proxyId: 'b-2', route: 'books', cluster: 'shadow', reason: 'inflight_cap', requestId: 'id' };
    mirrorDropped.publish(dropped);
    onlyA.close();
    all.close();
    const a = onlyA.snapshot();
    expect(a).toMatchObject({ proxyId: 'a-1', live: { total: 1 }, mirror: { total: 0 }, dropped: [], mirrorInflight: { shadow: 3 } });
    expect(all.snapshot()).toMatchObject({ proxyId: undefined, live: { total: 2 }, mirror: { total: 1 }, dropped: [{ count: 1 }] });
    expect(onlyA.renderPrometheus()).toContain('mirrormesh_requests_total{route="books",cluster="v1",code="200"} 1');
  });

  it('gives each cluster of each role its own counts by code and durations, the proxy’s own answers apart', () => {
    const stats = createProxyStats({ proxy: proxyA });
    for (let i = 1; i <= 100; i += 1) exchange.publish(event({ cluster: 'v1', durationMs: i }));
    exchange.publish(event({ cluster: 'v2', status: 503, durationMs: 1000 }));
    exchange.publish(event({ cluster: 'v2', status: 0, errorCode: 'UPSTREAM_TIMEOUT', durationMs: 2000 }));
    for (let i = 0; i < 300; i += 1)
      exchange.publish(event({ route: '', cluster: '', status: 404, errorCode: 'NO_ROUTE', durationMs: 0.05 }));
    exchange.publish(event({ cluster: '', status: 503, errorCode: 'FAULT_INJECTED', durationMs: 0.1 }));
    mirrorExchange.publish(event({ mirror: true, cluster: 'shadow', durationMs: 400 }));
    stats.close();
    const { live, mirror, local } = stats.snapshot();

    expect(live.total).toBe(102);
    expect(live.byCode.every((c) => c.cluster !== '')).toBe(true);
    const [v1, v2] = live.clusters;
    expect(v1).toMatchObject({ cluster: 'v1', total: 100, byCode: [{ code: '200', count: 100 }] });
    expect(v1?.duration).toMatchObject({ count: 100, meanMs: 50.5, p50Ms: near(50), p95Ms: near(95), p99Ms: near(99), maxMs: 100 });
    expect(v2).toMatchObject({
      cluster: 'v2',
      total: 2,
      byCode: [
        { code: '503', count: 1 },
        { code: 'upstream_timeout', count: 1 },
      ],
      duration: { count: 2, meanMs: 1500, maxMs: 2000 },
    });
    expect(live.duration).toMatchObject({ count: 102, maxMs: 2000, p50Ms: near(51) });

    expect(mirror.clusters).toEqual([
      { cluster: 'shadow', total: 1, byCode: [{ code: '200', count: 1 }], duration: expect.objectContaining({ count: 1, p99Ms: 400 }) },
    ]);
    expect(local.total).toBe(301);
    expect(local.byCode).toEqual(
      expect.arrayContaining([
        { route: '', cluster: '', code: '404', count: 300 },
        { route: 'books', cluster: '', code: '503', count: 1 },
      ]),
    );
    expect(local.duration).toMatchObject({ count: 301, p99Ms: 0.05 });
  });

  it('has no durations before the first request', () => {
    const stats = createProxyStats({ proxy: proxyA });
    stats.close();
    expect(stats.snapshot()).toMatchObject({
      live: { total: 0, clusters: [], duration: { count: 0, meanMs: undefined, p99Ms: undefined } },
      local: { total: 0 },
    });
  });
});
