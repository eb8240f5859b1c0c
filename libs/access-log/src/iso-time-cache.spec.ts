import { IsoTimeCache } from './iso-time-cache';

describe('IsoTimeCache', () => {
  it('writes what toISOString writes, across seconds, days and years, in any order', () => {
    const cache = new IsoTimeCache();
    const start = Date.UTC(2026, 11, 31, 23, 59, 58, 990);
    const times: number[] = [];
    for (let ms = start; ms < start + 2_100; ms += 7) times.push(ms);
    times.push(start + 5, 0, -1, -1_000, -1_001, 1.9, -0.5, Date.UTC(1999, 0, 1), 8.64e15, Date.UTC(10_000, 0, 1, 0, 0, 0, 1), start + 12);
    for (const ms of times) expect([ms, cache.format(ms)]).toEqual([ms, new Date(ms).toISOString()]);
  });
});
