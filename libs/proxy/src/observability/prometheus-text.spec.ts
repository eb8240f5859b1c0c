import diagnosticsChannel from 'node:diagnostics_channel';
import { PROXY_CHANNELS, type ExchangeEvent } from './channels';
import { Histogram } from './histogram';
import { createProxyStats } from './proxy-stats';

const base: ExchangeEvent = {
  mirror: false,
  route: 'r"1',
  cluster: 'c',
  method: 'GET',
  path: '/',
  requestId: 'id',
  status: 0,
  errorCode: 'UPSTREAM_TIMEOUT',
  durationMs: 3,
  startedAt: 0,
  bytes: 0,
  attempts: 1,
  remoteAddress: undefined,
  httpVersion: '1.1',
  userAgent: undefined,
};

describe('stats', () => {
  it('counts error codes when there is no status and escapes label values', () => {
    const stats = createProxyStats();
    diagnosticsChannel.channel(PROXY_CHANNELS.exchange).publish(base);
    stats.close();
    diagnosticsChannel.channel(PROXY_CHANNELS.exchange).publish(base);
    expect(stats.renderPrometheus()).toContain('mirrormesh_requests_total{route="r\\"1",cluster="c",code="upstream_timeout"} 1');
  });

  it('keeps cumulative buckets and estimates quantiles from them', () => {
    const h = new Histogram([0.01, 0.1, 1]);
    [0.005, 0.05, 0.05, 0.5].forEach((v) => h.observe(v));
    expect(h.counts).toEqual([1, 2, 1, 0]);
    expect(h.quantile(0.5)).toBe(0.1);
    expect(h.quantile(0.99)).toBe(1);
  });
});
