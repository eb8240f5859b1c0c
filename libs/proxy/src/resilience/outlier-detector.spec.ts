import { ClientAbortedError, RequestTimeoutError, RouteTimeoutError } from '../errors';
import { ClusterHealth, type EndpointHealth } from './cluster-health';
import { OutlierDetector, type OutlierSettings } from './outlier-detector';

const SETTINGS: OutlierSettings = {
  consecutive5xx: 3,
  consecutiveGateway: 0,
  intervalMs: 10_000,
  baseEjectionMs: 30_000,
  maxEjectionMs: 300_000,
  maxEjectionPercent: 10,
};
const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

function setup(settings: Partial<OutlierSettings> = {}, size = 2) {
  let now = 1000;
  const health = new ClusterHealth();
  const endpoints = Array.from({ length: size }, (_, i) => health.endpoint(`10.0.0.${i}:80`));
  const detector = new OutlierDetector({ ...SETTINGS, ...settings }, health, size, () => now);
  const fail = (endpoint: EndpointHealth, times: number, outcome: number | Error = 500) => {
    for (let i = 0; i < times; i += 1) detector.record(endpoint, outcome);
  };
  return { health, endpoints, detector, fail, advance: (ms: number) => (now += ms) };
}

describe('OutlierDetector', () => {
  it('ejects an endpoint after consecutive5xxErrors in a row; a success in between starts the count again', () => {
    const { endpoints, detector, fail, health } = setup();
    const [a] = endpoints as [EndpointHealth];
    fail(a, 2);
    detector.record(a, 200);
    fail(a, 2);
    expect(detector.isEjected(a)).toBe(false);
    fail(a, 1);
    expect(detector.isEjected(a)).toBe(true);
    expect(health).toMatchObject({ ejectionsTotal: 1, ejected: 1 });
  });

  it('counts connect failures, resets and timeouts with an upstream as 5xx, never what the client or the proxy caused', () => {
    const { endpoints, detector, fail } = setup();
    const [a, b] = endpoints as [EndpointHealth, EndpointHealth];
    fail(a, 5, new ClientAbortedError());
    fail(a, 5, new RequestTimeoutError('slow client'));
    expect(a.consecutive5xx).toBe(0);
    fail(b, 1, refused);
    fail(b, 1, Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    fail(b, 1, new RouteTimeoutError(100));
    expect(detector.isEjected(b)).toBe(true);
  });

  it('with consecutiveGatewayErrors, only 502/503/504 and failures without an answer count; a 500 starts that count again', () => {
    const { endpoints, detector, fail } = setup({ consecutive5xx: 0, consecutiveGateway: 2 });
    const [a] = endpoints as [EndpointHealth];
    fail(a, 1, 503);
    fail(a, 1, 500);
    fail(a, 1, refused);
    expect(detector.isEjected(a)).toBe(false);
    fail(a, 1, 504);
    expect(detector.isEjected(a)).toBe(true);
  });

  it('ejects for baseEjectionTime × the times ejected, returns the endpoint after it, and bounds it by the maximum', () => {
    const { endpoints, detector, fail, advance } = setup({ baseEjectionMs: 100_000, maxEjectionMs: 250_000 });
    const [a] = endpoints as [EndpointHealth];
    const ejectedFor = () => {
      fail(a, 3);
      let ms = 0;
      while (detector.isEjected(a)) {
        advance(1000);
        ms += 1000;
      }
      return ms;
    };
    expect(ejectedFor()).toBe(100_000);
    expect(ejectedFor()).toBe(200_000);
    expect(ejectedFor()).toBe(250_000);
    expect(ejectedFor()).toBe(250_000);
  });

  it('lowers the multiplier by one per interval spent in service', () => {
    const { endpoints, detector, fail, advance } = setup();
    const [a] = endpoints as [EndpointHealth];
    fail(a, 3);
    advance(30_000);
    fail(a, 3);
    expect(a.ejections).toBe(2);
    advance(60_000);
    expect(detector.isEjected(a)).toBe(false);
    advance(25_000); // two intervals in service
    fail(a, 3);
    expect(a.ejections).toBe(1);
  });

  it('ignores answers that arrive while the endpoint is ejected: it returns with a clean record', () => {
    const { endpoints, detector, fail } = setup();
    const [a] = endpoints as [EndpointHealth];
    fail(a, 3);
    fail(a, 2);
    expect(a.consecutive5xx).toBe(0);
    expect(detector.isEjected(a)).toBe(true);
  });

  it('ejects while the share already out is below maxEjectionPercent: always one, never more than the cap', () => {
    const ten = setup({}, 10);
    ten.endpoints.forEach((e) => ten.fail(e, 3));
    expect(ten.health.ejected).toBe(1);
    const half = setup({ maxEjectionPercent: 50 }, 4);
    half.endpoints.forEach((e) => half.fail(e, 3));
    expect(half.health.ejected).toBe(2);
    const none = setup({ maxEjectionPercent: 0 }, 4);
    none.endpoints.forEach((e) => none.fail(e, 3));
    expect(none.health.ejected).toBe(0);
  });

  it('counts the endpoints ejected now, returning those whose time is up', () => {
    const { endpoints, fail, health, advance } = setup({ maxEjectionPercent: 100 });
    fail(endpoints[0]!, 3);
    advance(10_000);
    fail(endpoints[1]!, 3);
    expect(health.sweep(1000 + 10_000)).toBe(2);
    advance(25_000);
    expect(health.sweep(1000 + 35_000)).toBe(1);
    expect(health.ejectionsTotal).toBe(2);
  });
});
