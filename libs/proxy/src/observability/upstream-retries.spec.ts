import { MAX_CLUSTERS_TRACKED } from './cluster-latencies';
import { UpstreamRetries } from './upstream-retries';

describe('UpstreamRetries', () => {
  it('counts every try after the first, per cluster, and nothing for an exchange tried once', () => {
    const retries = new UpstreamRetries();
    retries.record('b', 3);
    retries.record('a', 2);
    retries.record('a', 1);
    retries.record('c', 0);
    expect(retries.snapshot()).toEqual([
      { cluster: 'a', count: 1 },
      { cluster: 'b', count: 2 },
    ]);
  });

  it('caps the clusters it tracks and counts the rest as overflow', () => {
    const retries = new UpstreamRetries();
    for (let i = 0; i <= MAX_CLUSTERS_TRACKED; i += 1) retries.record(`c${i}`, 2);
    expect(retries.snapshot()).toHaveLength(MAX_CLUSTERS_TRACKED);
    expect(retries.overflow).toBe(1);
  });
});
