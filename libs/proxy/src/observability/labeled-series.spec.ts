import { LabeledSeries, MAX_SERIES_PER_METRIC } from './labeled-series';

describe('LabeledSeries', () => {
  it('finds the same series for the same label values and keeps them in order of creation', () => {
    const series = new LabeledSeries(['route', 'cluster', 'code'], () => ({ count: 0 }));
    series.get('r', 'c', '200')!.count += 1;
    series.get('r', 'c', '200')!.count += 1;
    series.get('r', 'c', '503')!.count += 1;
    series.get('r', '', '404')!.count += 1;
    expect([...series.entries()].map(({ labels, value }) => [...labels, value.count])).toEqual([
      ['r', 'c', '200', 2],
      ['r', 'c', '503', 1],
      ['r', '', '404', 1],
    ]);
    const two = new LabeledSeries(['route', 'cluster'], () => ({ count: 0 }));
    expect(two.get('r', 'a')).toBe(two.get('r', 'a'));
    expect(two.get('r', 'a')).not.toBe(two.get('r', 'b'));
  });

  it('stops at the cap and counts what it could not keep, without growing', () => {
    const series = new LabeledSeries(['route', 'cluster', 'code'], () => ({ count: 0 }));
    for (let i = 0; i < MAX_SERIES_PER_METRIC; i += 1) expect(series.get(`r${i}`, 'c', '200')).toBeDefined();
    expect(series.get('one more', 'c', '200')).toBeUndefined();
    expect(series.get('r0', 'other', '200')).toBeUndefined();
    expect(series.get('r0', 'c', '201')).toBeUndefined();
    expect(series.get('r0', 'c', '200')).toBeDefined();
    expect(series.overflow).toBe(3);
    expect([...series.entries()]).toHaveLength(MAX_SERIES_PER_METRIC);
  });
});
