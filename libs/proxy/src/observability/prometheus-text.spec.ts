import diagnosticsChannel from 'node:diagnostics_channel';
import { PROXY_CHANNELS, type ExchangeEvent } from './channels';
import { Histogram } from './histogram';
import { createProxyStats } from './proxy-stats';

const base: ExchangeEvent = {
  proxyId: 'p-1',
  mirror: false,
  route: 'r"1',
  cluster: 'c',
  method: 'GET',
  path: '/',
  requestId: 'id',
  status: 0,
  errorCode: 'UPSTREAM_TIMEOUT',
  complete: false,
  durationMs: 3,
  queuedMs: 0,
  sent: true,
  startedAt: 0,
  bytes: 0,
  attempts: 1,
  remoteAddress: undefined,
  httpVersion: '1.1',
  userAgent: undefined,
};

describe('Prometheus text', () => {
  it('counts error codes when there is no status and escapes label values', () => {
    const stats = createProxyStats();
    diagnosticsChannel.channel(PROXY_CHANNELS.exchange).publish(base);
    stats.close();
    diagnosticsChannel.channel(PROXY_CHANNELS.exchange).publish(base);
    expect(stats.renderPrometheus()).toContain('mirrormesh_requests_total{route="r\\"1",cluster="c",code="upstream_timeout"} 1');
  });

  it('keeps non-cumulative counts per bucket and renders them cumulative', () => {
    const h = new Histogram([0.01, 0.1, 1]);
    [0.005, 0.05, 0.05, 0.5].forEach((v) => h.observe(v));
    expect(h.counts).toEqual([1, 2, 1, 0]);
    const stats = createProxyStats();
    [1, 50, 50, 500].forEach((durationMs) =>
      diagnosticsChannel.channel(PROXY_CHANNELS.exchange).publish({ ...base, route: 'r', durationMs }),
    );
    stats.close();
    const text = stats.renderPrometheus();
    expect(text).toContain('mirrormesh_request_duration_seconds_bucket{route="r",cluster="c",le="0.001"} 1');
    expect(text).toContain('mirrormesh_request_duration_seconds_bucket{route="r",cluster="c",le="0.05"} 3');
    expect(text).toContain('mirrormesh_request_duration_seconds_bucket{route="r",cluster="c",le="+Inf"} 4');
    expect(text).toContain('mirrormesh_request_duration_seconds_count{route="r",cluster="c"} 4');
  });
});
