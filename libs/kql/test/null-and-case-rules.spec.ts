import { run } from './fixtures/run';
import { ruleSource } from './fixtures/rule-rows';

const where = async (predicate: string) => (await run(`t | where ${predicate} | project i`, {}, ruleSource)).rows.map((row) => row[0]);

describe("Kusto's case rules", () => {
  it('== and != on strings are case-sensitive; =~ and !~ are not', async () => {
    expect(await where('s == "alpha"')).toEqual([]);
    expect(await where('s == "Alpha"')).toEqual([1]);
    expect(await where('s =~ "ALPHA"')).toEqual([1]);
    expect(await where('s !~ "alpha"')).toEqual([2, 3, 4, 5]);
    expect(await where('s != "Alpha"')).toEqual([2, 3, 4, 5]);
  });

  it('contains, startswith, endswith are case-insensitive; the _cs variants are not', async () => {
    expect(await where('s contains "AM"')).toEqual([3]);
    expect(await where('s contains_cs "AM"')).toEqual([]);
    expect(await where('s !contains "a"')).toEqual([4]);
    expect(await where('s !contains_cs "A"')).toEqual([2, 3, 4, 5]);
    expect(await where('s startswith "al"')).toEqual([1]);
    expect(await where('s startswith_cs "al"')).toEqual([]);
    expect(await where('s endswith "TA"')).toEqual([2, 5]);
    expect(await where('s !endswith "ta"')).toEqual([1, 3, 4]);
  });

  it('has matches whole terms, case-insensitively', async () => {
    expect(await where('s has "ray"')).toEqual([3]);
    expect(await where('s has "ra"')).toEqual([]);
    expect(await where('s has "GAMMA"')).toEqual([3]);
    expect(await where('s has_cs "gamma"')).toEqual([]);
    expect(await where('s !has "ray"')).toEqual([1, 2, 4, 5]);
  });

  it('in is case-sensitive, in~ is not; !in and !in~ negate them', async () => {
    expect(await where('s in ("alpha", "beta")')).toEqual([2]);
    expect(await where('s in~ ("alpha", "beta")')).toEqual([1, 2]);
    expect(await where('s !in ("alpha", "beta")')).toEqual([1, 3, 4, 5]);
    expect(await where('s !in~ ("alpha", "beta")')).toEqual([3, 4, 5]);
    expect(await where('n in (7, 10)')).toEqual([1, 3]);
    expect(await where('s in (strcat("be", "ta"), "x")')).toEqual([2]);
  });

  it('a dynamic array in an in-list stands for its elements', async () => {
    const { rows } = await run('let names = dynamic(["Alpha", "delta"]);\nt | where s in (names) | project i', {}, ruleSource);
    expect(rows).toEqual([[1], [5]]);
    expect(await where('s in~ (dynamic(["ALPHA"]), "beta")')).toEqual([1, 2]);
    expect(await where('i !in (dynamic([1, 2]))')).toEqual([3, 4, 5]);
  });

  it('string operators on dynamic values read their text', async () => {
    expect(await where('d.k contains "hello"')).toEqual([1, 2, 5]);
    expect(await where('d.k == "hello"')).toEqual([2]);
    expect(await where('d["k"] =~ "hello"')).toEqual([2, 5]);
    expect(await where('d.num == 2')).toEqual([2]);
    expect(await where('d.k in ("HELLO", "x")')).toEqual([5]);
  });
});

describe("Kusto's null rules", () => {
  it('comparisons with null are false, either way round', async () => {
    expect(await where('n > -100')).toEqual([1, 2, 3, 5]);
    expect(await where('n < 100')).toEqual([1, 2, 3, 5]);
    expect(await where('n == 0 or n != 0')).toEqual([1, 2, 3, 5]);
    expect(await where('r between (0 .. 10)')).toEqual([1, 2, 4]);
    expect(await where('r !between (0 .. 2)')).toEqual([2, 4, 5]);
  });

  it('arithmetic over null is null', async () => {
    const { rows } = await run('t | where i == 4 | project a = n + 1, b = ts + 1h', {}, ruleSource);
    expect(rows).toEqual([[null, null]]);
  });

  it('isnull / isnotnull test null; isempty / isnotempty also treat "" as empty', async () => {
    expect(await where('isnull(n)')).toEqual([4]);
    expect(await where('isnotnull(b)')).toEqual([1, 2, 3, 5]);
    expect(await where('isempty(s)')).toEqual([4]);
    expect(await where('isnull(s)')).toEqual([]);
    expect(await where('isnotempty(d.k)')).toEqual([1, 2, 5]);
    expect(await where('isempty(d.k)')).toEqual([3, 4]);
  });

  it('not() of null is not true, and neither is a null bool in where', async () => {
    expect(await where('b')).toEqual([1, 3]);
    expect(await where('not(b)')).toEqual([2, 5]);
  });

  it('a missing string reads as the empty string', async () => {
    const { rows } = await run('t | where i == 4 | project s, strlen(s)', {}, ruleSource);
    expect(rows).toEqual([['', 0]]);
  });
});
