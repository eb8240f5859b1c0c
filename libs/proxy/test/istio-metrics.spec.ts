import { createClient, eventually, startUpstream, type Upstream } from '@mirrormesh/testing';
import {
  createIstioMetrics,
  createProxyStats,
  ISTIO_DURATION_BUCKETS_MS,
  parseProxyConfig,
  startAdminServer,
  type AdminServer,
  type IstioMetrics,
  type ProxyStats,
} from '../src';
import { parseSamples, sumOf, type Sample } from './support/prometheus-samples';
import { startProxy, type ProxyServer } from './support/proxy-server';

/** Flagger's built-in Istio checks select the live workload as the destination reports it. */
const flaggerSelector = (namespace: string, target: string) => ({
  reporter: 'destination',
  destination_workload_namespace: namespace,
  destination_workload: { match: new RegExp(target) },
});

describe('istio metrics: istio_requests_total and istio_request_duration_milliseconds with Istio labels', () => {
  const client = createClient();
  let primary: Upstream;
  let canary: Upstream;
  let shadow: Upstream;
  let proxy: ProxyServer;
  let stats: ProxyStats;
  let istio: IstioMetrics;
  let admin: AdminServer;
  const scrape = async (): Promise<Sample[]> => parseSamples((await client.send(`http://127.0.0.1:${admin.address.port}/metrics`)).text);

  const config = (enabled: boolean) => ({
    clusters: [
      { name: 'primary', endpoints: [primary.endpoint] },
      { name: 'canary', endpoints: [canary.endpoint] },
      { name: 'shadow', endpoints: [shadow.endpoint] },
    ],
    routes: [
      {
        name: 'books',
        match: [{ uri: { prefix: '/books' } }],
        route: [
          { destination: { cluster: 'primary' }, weight: 100 },
          { destination: { cluster: 'canary' }, weight: 0 },
        ],
        mirror: { cluster: 'shadow' },
      },
    ],
    telemetry: {
      istioMetrics: {
        enabled,
        namespace: 'test',
        sourceWorkload: 'istio-ingressgateway',
        destinations: {
          primary: { workload: 'books-primary', version: 'v1', service: 'books' },
          canary: { workload: 'books', version: 'v2', service: 'books' },
          shadow: { workload: 'books-shadow', version: 'v2', service: 'books-shadow' },
        },
      },
    },
  });

  beforeAll(async () => {
    [primary, canary, shadow] = await Promise.all([
      startUpstream('primary'),
      startUpstream('canary'),
      // The candidate fails every copy: none of it may reach the live workload's success rate.
      startUpstream('shadow', (_req, res) => {
        res.writeHead(500);
        res.end('broken candidate');
      }),
    ]);
    proxy = await startProxy(config(false));
    stats = createProxyStats({ proxy: proxy.proxy });
    istio = createIstioMetrics({ proxy: proxy.proxy });
    admin = await startAdminServer({ port: 0, stats, istioMetrics: istio, config: () => proxy.proxy.config, ready: () => true });
  });
  afterAll(async () => {
    istio.close();
    stats.close();
    await admin.close();
    await client.close();
    await proxy.close();
    await Promise.all([primary.close(), canary.close(), shadow.close()]);
  });

  it('exposes nothing while not enabled', async () => {
    await client.send(`${proxy.url}/books/0`);
    await eventually(() => shadow.received.length === 1);
    expect((await scrape()).filter((s) => s.name.startsWith('istio_'))).toEqual([]);
  });

  it("reports live requests under the live workload and copies under the mirror's: Flagger's success rate never counts copies", async () => {
    proxy.proxy.reload(config(true));
    for (let i = 1; i <= 10; i += 1) expect((await client.send(`${proxy.url}/books/${i}`)).status).toBe(200);
    await eventually(() => shadow.received.length === 11);
    await eventually(
      () => sumOf(parseSamples(istio.renderPrometheus()), 'istio_requests_total', { destination_workload: 'books-shadow' }) === 10,
    );
    const samples = await scrape();

    const total = sumOf(samples, 'istio_requests_total', flaggerSelector('test', 'books-primary'));
    const ok = sumOf(samples, 'istio_requests_total', { ...flaggerSelector('test', 'books-primary'), response_code: { notMatch: /5.*/ } });
    expect(total).toBe(10);
    expect((ok / total) * 100).toBe(100);
    // The canary (weight 0) has no traffic of its own, and no copy either.
    expect(sumOf(samples, 'istio_requests_total', flaggerSelector('test', 'books'))).toBe(0);
    expect(sumOf(samples, 'istio_requests_total', { destination_workload: 'books-shadow', response_code: '500' })).toBe(10);

    const live = samples.find((s) => s.name === 'istio_requests_total' && s.labels.destination_workload === 'books-primary');
    expect(live?.labels).toEqual({
      reporter: 'destination',
      source_workload: 'istio-ingressgateway',
      source_workload_namespace: 'test',
      source_principal: 'unknown',
      source_app: 'istio-ingressgateway',
      source_version: 'unknown',
      source_canonical_service: 'istio-ingressgateway',
      source_canonical_revision: 'unknown',
      destination_workload: 'books-primary',
      destination_workload_namespace: 'test',
      destination_principal: 'unknown',
      destination_app: 'books',
      destination_version: 'v1',
      destination_service: 'books.test.svc.cluster.local',
      destination_service_name: 'books',
      destination_service_namespace: 'test',
      destination_canonical_service: 'books',
      destination_canonical_revision: 'v1',
      request_protocol: 'http',
      grpc_response_status: '',
      connection_security_policy: 'none',
      response_code: '200',
      response_flags: '-',
    });
  });

  it("fills Flagger's request-duration histogram with Istio's buckets, in milliseconds", async () => {
    const samples = await scrape();
    const buckets = samples.filter(
      (s) => s.name === 'istio_request_duration_milliseconds_bucket' && s.labels.destination_workload === 'books-primary',
    );
    expect(buckets.map((s) => s.labels.le)).toEqual([...ISTIO_DURATION_BUCKETS_MS.map(String), '+Inf']);
    expect(buckets.at(-1)?.value).toBe(10);
    expect(sumOf(samples, 'istio_request_duration_milliseconds_count', flaggerSelector('test', 'books-primary'))).toBe(10);
    // A loopback answer takes milliseconds, not seconds: the sum is in ms, and bounded.
    const sum = sumOf(samples, 'istio_request_duration_milliseconds_sum', flaggerSelector('test', 'books-primary'));
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(10 * 60_000);
  });

  it('reports answers without a destination as unknown, with Envoy response flags, and never a path', async () => {
    expect((await client.send(`${proxy.url}/elsewhere/secret-path`)).status).toBe(404);
    await eventually(() => sumOf(parseSamples(istio.renderPrometheus()), 'istio_requests_total', { response_flags: 'NR' }) === 1);
    const samples = await scrape();
    expect(sumOf(samples, 'istio_requests_total', { destination_workload: 'unknown', response_code: '404', response_flags: 'NR' })).toBe(1);
    expect(samples.some((s) => Object.values(s.labels).some((v) => v.includes('secret-path')))).toBe(false);
  });
});

describe('istio metrics config: destinations name clusters, and a mirror never takes a live workload', () => {
  const base = {
    clusters: [
      { name: 'live', endpoints: ['127.0.0.1:1'] },
      { name: 'candidate', endpoints: ['127.0.0.1:2'] },
    ],
    routes: [{ name: 'all', route: [{ destination: { cluster: 'live' } }], mirror: { cluster: 'candidate' } }],
  };
  const withIstio = (istioMetrics: Record<string, unknown>) => ({ ...base, telemetry: { istioMetrics } });

  it('applies the named defaults', () => {
    expect(parseProxyConfig(base).telemetry).toEqual({
      istioMetrics: {
        enabled: false,
        reporter: 'destination',
        namespace: 'default',
        sourceWorkload: 'unknown',
        sourceVersion: 'unknown',
        destinations: {},
      },
    });
  });

  it('refuses a mirror cluster with the workload of a live cluster', () => {
    expect(() => parseProxyConfig(withIstio({ enabled: true, destinations: { candidate: { workload: 'live' } } }))).toThrow(
      'telemetry.istioMetrics.destinations.candidate gives mirror cluster "candidate" the workload "live" of live cluster "live": its copies would count as live traffic; give it a workload of its own',
    );
    // Another namespace is another workload.
    expect(() =>
      parseProxyConfig(withIstio({ enabled: true, destinations: { candidate: { workload: 'live', namespace: 'shadow' } } })),
    ).not.toThrow();
  });

  it('refuses an unknown cluster, an unknown key and a label value that is not a name', () => {
    expect(() => parseProxyConfig(withIstio({ destinations: { ghost: { workload: 'x' } } }))).toThrow(
      'telemetry.istioMetrics.destinations.ghost is not a defined cluster',
    );
    expect(() => parseProxyConfig(withIstio({ enabled: true, sourceWorkload: 'a"b' }))).toThrow(
      'telemetry.istioMetrics.sourceWorkload must be a name of letters, digits, ".", "_" or "-"',
    );
    expect(() => parseProxyConfig(withIstio({ enable: true }))).toThrow(/telemetry\.istioMetrics\.enable is not a known key/);
  });
});
