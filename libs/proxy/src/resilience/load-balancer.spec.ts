import { ClusterHealth } from './cluster-health';
import { LoadBalancer, type Balanced } from './load-balancer';
import { OutlierDetector } from './outlier-detector';

interface Fake extends Balanced {
  readonly name: string;
  inFlight: number;
}

function cluster(names: string[]) {
  const health = new ClusterHealth();
  const endpoints: Fake[] = names.map((name) => ({
    name,
    inFlight: 0,
    health: health.endpoint(name),
    load() {
      return this.inFlight;
    },
  }));
  const settings = {
    consecutive5xx: 1,
    consecutiveGateway: 0,
    intervalMs: 1000,
    baseEjectionMs: 1000,
    maxEjectionMs: 1000,
    maxEjectionPercent: 100,
  };
  let now = 0;
  const detector = new OutlierDetector(settings, health, names.length, () => now);
  const eject = (i: number) => detector.record(endpoints[i]!.health!, 503);
  return { endpoints, detector, eject, advance: (ms: number) => (now += ms) };
}

/** A random source that replays the given draws. */
function draws(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}

const names = (picked: Fake[]) => picked.map((e) => e.name).join('');

describe('LoadBalancer', () => {
  it('ROUND_ROBIN takes endpoints in turn and passes over ejected ones until they return', () => {
    const { endpoints, detector, eject, advance } = cluster(['a', 'b', 'c']);
    const balancer = new LoadBalancer('ROUND_ROBIN', endpoints, detector);
    expect(names(Array.from({ length: 4 }, () => balancer.pick(undefined)))).toBe('abca');
    eject(1);
    expect(names(Array.from({ length: 4 }, () => balancer.pick(undefined)))).toBe('ccac');
    advance(1000);
    expect(names(Array.from({ length: 3 }, () => balancer.pick(undefined)))).toBe('cab');
  });

  it('gives a retry another endpoint than its last, unless no other is in service', () => {
    const { endpoints, detector, eject } = cluster(['a', 'b']);
    const balancer = new LoadBalancer('ROUND_ROBIN', endpoints, detector);
    const [a, b] = endpoints as [Fake, Fake];
    expect(balancer.pick(a)).toBe(b);
    expect(balancer.pick(a)).toBe(b);
    eject(1);
    expect(balancer.pick(a)).toBe(a);
  });

  it('picks among all endpoints when every one is ejected (panic routing) rather than fail', () => {
    const { endpoints, detector, eject } = cluster(['a', 'b']);
    const balancer = new LoadBalancer('ROUND_ROBIN', endpoints, detector);
    eject(0);
    eject(1);
    expect(names([balancer.pick(undefined), balancer.pick(undefined)])).toBe('ab');
  });

  it('LEAST_REQUEST draws two and takes the one with fewer requests; an ejected one never wins', () => {
    const { endpoints, detector, eject } = cluster(['a', 'b', 'c']);
    endpoints[0]!.inFlight = 5;
    endpoints[1]!.inFlight = 1;
    endpoints[2]!.inFlight = 0;
    // Draw a then (a + 1 + 0) = b: b is lighter.
    expect(new LoadBalancer('LEAST_REQUEST', endpoints, detector, draws(0, 0)).pick(undefined).name).toBe('b');
    // Draw b then c: c is lighter; once c is ejected, b wins.
    const balancer = new LoadBalancer('LEAST_REQUEST', endpoints, detector, draws(0.4, 0));
    expect(balancer.pick(undefined).name).toBe('c');
    eject(2);
    expect(balancer.pick(undefined).name).toBe('b');
  });

  it('RANDOM draws one and moves past ejected ones', () => {
    const { endpoints, detector, eject } = cluster(['a', 'b', 'c']);
    const balancer = new LoadBalancer('RANDOM', endpoints, detector, draws(0.5));
    expect(balancer.pick(undefined).name).toBe('b');
    eject(1);
    expect(balancer.pick(undefined).name).toBe('c');
  });
});
