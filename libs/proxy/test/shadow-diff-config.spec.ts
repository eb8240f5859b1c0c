import { parseProxyConfig } from '../src';
import { messageOf } from './support/config-message';
import { comparedConfig } from './support/json-upstream';

const endpoints = { live: '127.0.0.1:1', candidate: '127.0.0.1:2', noise: '127.0.0.1:3' };

describe('mirror.compare config', () => {
  it('applies the documented defaults', () => {
    const config = parseProxyConfig(comparedConfig(endpoints));
    expect(config.routes[0]?.mirror?.compare).toEqual({ enabled: true, maxBodyBytes: 65536, ignore: [], redact: [] });
    expect(config.limits).toMatchObject({ diffPendingComparisons: 1000, diffPendingBytes: 32 * 1024 * 1024 });
    const noise = parseProxyConfig(comparedConfig(endpoints, { noise: { cluster: 'live2' } }));
    expect(noise.routes[0]?.mirror?.compare?.noise).toEqual({ cluster: 'live2', percentage: { value: 100 } });
  });

  it('names the path of a malformed JSON path in ignore', () => {
    expect(messageOf(comparedConfig(endpoints, { ignore: ['date', '$.a['] }))).toMatch(
      /^routes\[0\]\.mirror\.compare\.ignore\[1\] .*\$\.a\[/,
    );
  });

  it('refuses maxBodyBytes over 1 MiB, naming the path and the rule', () => {
    expect(messageOf(comparedConfig(endpoints, { maxBodyBytes: 2 * 1024 * 1024 }))).toMatch(
      /^routes\[0\]\.mirror\.compare\.maxBodyBytes must be .*1048576/,
    );
  });

  it('refuses an unknown noise cluster, and the candidate as its own noise', () => {
    expect(messageOf(comparedConfig(endpoints, { noise: { cluster: 'nowhere' } }))).toBe(
      'routes[0].mirror.compare.noise.cluster "nowhere" is not a defined cluster',
    );
    expect(messageOf(comparedConfig(endpoints, { noise: { cluster: 'candidate' } }))).toMatch(
      /^routes\[0\]\.mirror\.compare\.noise\.cluster "candidate" is the mirror's own cluster/,
    );
  });

  it('checks each of mirrors[] too, and refuses unknown keys', () => {
    const config = {
      clusters: [
        { name: 'live', endpoints: [endpoints.live] },
        { name: 'candidate', endpoints: [endpoints.candidate] },
      ],
      routes: [
        {
          name: 'reviews',
          route: [{ destination: { cluster: 'live' } }],
          mirrors: [{ cluster: 'candidate', compare: { enabled: true, noise: { cluster: 'gone' }, ignroe: [] } }],
        },
      ],
    };
    expect(messageOf(config)).toMatch(/routes\[0\]\.mirrors\[0\]\.compare\.ignroe/);
    delete (config.routes[0]!.mirrors[0]!.compare as Record<string, unknown>)['ignroe'];
    expect(messageOf(config)).toBe('routes[0].mirrors[0].compare.noise.cluster "gone" is not a defined cluster');
  });

  it('refuses limits.diffPendingComparisons below 0', () => {
    expect(messageOf(comparedConfig(endpoints, {}, { limits: { diffPendingComparisons: -1 } }))).toMatch(
      /^limits\.diffPendingComparisons must be/,
    );
  });
});

describe('regression: noise copies counted as live traffic in Istio metrics', () => {
  it("refuses a noise cluster with a live cluster's Istio workload: its copies are mirror exchanges", () => {
    const config = comparedConfig(
      endpoints,
      { noise: { cluster: 'live2' } },
      { telemetry: { istioMetrics: { enabled: true, destinations: { live: { workload: 'books' }, live2: { workload: 'books' } } } } },
    );
    expect(messageOf(config)).toMatch(/^telemetry\.istioMetrics\.destinations\.live2 gives mirror cluster "live2" the workload "books"/);
  });
});
