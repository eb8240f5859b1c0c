import { run } from './fixtures/run';
import { ruleSource } from './fixtures/rule-rows';

const q = (text: string) => run(text, {}, ruleSource);

describe('summarize', () => {
  it('names and types default columns as Kusto does, by columns first', async () => {
    const { columns } = await q(
      't | summarize count(), countif(b), avg(r), sum(i), min(ts), max(n), dcount(s), percentile(r, 50), make_set(b) by b',
    );
    expect(columns).toEqual([
      'b:bool',
      'count_:long',
      'countif_b:long',
      'avg_r:real',
      'sum_i:long',
      'min_ts:datetime',
      'max_n:long',
      'dcount_s:long',
      'percentile_r_50:real',
      'set_b:dynamic',
    ]);
  });

  it('count() counts rows, nulls included; avg and sum ignore nulls; avg is real', async () => {
    expect((await q('t | summarize count(), avg(r), sum(n), avg(n)')).rows).toEqual([[5, (1.5 + 2.5 + 4 - 0.5) / 4, 10, 10 / 4]]);
  });

  it('countif counts rows where the predicate is true', async () => {
    expect((await q('t | summarize countif(b), countif(n > 0)')).rows).toEqual([[2, 2]]);
  });

  it('min and max ignore nulls and order datetimes and strings', async () => {
    expect((await q('t | summarize min(n), max(n), min(ts), max(s)')).rows).toEqual([[-7, 10, '2026-12-01T07:00:00.0000000Z', 'delta']]);
  });

  it('dcount is exact and ignores nulls', async () => {
    expect((await q('t | summarize dcount(b), dcount(i), dcount(tostring(d.k))')).rows).toEqual([[2, 5, 4]]);
  });

  it('percentile is nearest-rank; percentiles names one column per value', async () => {
    const { columns, rows } = await q('t | summarize percentile(i, 50), percentiles(i, 20, 21, 100), percentile(r, 0)');
    expect(columns).toEqual([
      'percentile_i_50:long',
      'percentile_i_20:long',
      'percentile_i_21:long',
      'percentile_i_100:long',
      'percentile_r_0:real',
    ]);
    expect(rows).toEqual([[3, 1, 2, 5, -0.5]]);
  });

  it('make_set keeps distinct values in first-seen order, as JSON text', async () => {
    expect((await q('t | summarize make_set(b), make_set(i, 2)')).rows).toEqual([['[true,false]', '[1,2]']]);
  });

  it('groups by a computed key and by bin() of a datetime', async () => {
    const { columns, rows } = await q('t | where isnotnull(ts) | summarize n = count() by hour = bin(ts, 1h) | sort by hour asc');
    expect(columns).toEqual(['hour:datetime', 'n:long']);
    expect(rows).toEqual([
      ['2026-12-01T07:00:00.0000000Z', 2],
      ['2026-12-01T08:00:00.0000000Z', 1],
      ['2026-12-02T07:00:00.0000000Z', 1],
    ]);
  });

  it('a null key is a group of its own', async () => {
    expect((await q('t | summarize count() by b | sort by count_ asc')).rows).toEqual([
      [null, 1],
      [true, 2],
      [false, 2],
    ]);
  });

  it('without by, one row even over no input', async () => {
    expect((await q('t | where n > 100 | summarize count(), avg(r)')).rows).toEqual([[0, null]]);
    expect((await q('t | where n > 100 | summarize count() by s')).rows).toEqual([]);
  });

  it('summarize by only gives the distinct keys', async () => {
    expect((await q('t | summarize by b')).rows).toEqual([[true], [false], [null]]);
  });
});
