import { run } from './fixtures/run';
import { ruleSource } from './fixtures/rule-rows';

const q = (text: string) => run(text, {}, ruleSource);

describe('tabular operators', () => {
  it('where keeps the rows whose predicate is true (null is not true)', async () => {
    expect((await q('t | where n > 0 | project s')).rows).toEqual([['Alpha'], ['Gamma ray']]);
  });

  it('extend adds columns at the end and replaces a same-named one in place', async () => {
    const { columns, rows } = await q('t | take 1 | project s, n | extend twice = n * 2, s = strcat(s, "!")');
    expect(columns).toEqual(['s:string', 'n:long', 'twice:long']);
    expect(rows).toEqual([['Alpha!', 7, 14]]);
  });

  it('extend names unnamed expressions as Kusto does', async () => {
    const { columns } = await q('t | take 1 | project s, d | extend d.k, strcat(s, "x"), tostring(d)');
    expect(columns).toEqual(['s:string', 'd:string', 'd_k:dynamic', 'Column1:string']);
  });

  it('project computes, renames and orders columns', async () => {
    const { columns, rows } = await q('t | take 2 | project i, label = toupper(s), half = r / 2');
    expect(columns).toEqual(['i:int', 'label:string', 'half:real']);
    expect(rows).toEqual([
      [1, 'ALPHA', 0.75],
      [2, 'BETA', 1.25],
    ]);
  });

  it('project-away drops and project-rename renames in place', async () => {
    const { columns } = await q('t | project-away d, ts, b | project-rename number = n');
    expect(columns).toEqual(['s:string', 'number:long', 'i:int', 'r:real']);
  });

  it('sort by defaults to descending, with nulls last when descending and first when ascending', async () => {
    expect((await q('t | sort by n | project n')).rows).toEqual([[10], [7], [0], [-7], [null]]);
    expect((await q('t | order by n asc | project n')).rows).toEqual([[null], [-7], [0], [7], [10]]);
    expect((await q('t | sort by n asc nulls last | project n')).rows).toEqual([[-7], [0], [7], [10], [null]]);
    expect((await q('t | sort by n desc nulls first | project n')).rows).toEqual([[null], [10], [7], [0], [-7]]);
  });

  it('sort by several keys, strings ordinally (upper case before lower case)', async () => {
    expect((await q('t | sort by b asc, s asc | project s')).rows).toEqual([[''], ['beta'], ['delta'], ['Alpha'], ['Gamma ray']]);
  });

  it('top N by takes the first N of the sort', async () => {
    expect((await q('t | top 2 by r | project r')).rows).toEqual([[4], [2.5]]);
    expect((await q('t | top 2 by r asc | project r')).rows).toEqual([[null], [-0.5]]);
  });

  it('take and limit keep the first N rows', async () => {
    expect((await q('t | take 2 | project i')).rows).toEqual([[1], [2]]);
    expect((await q('t | limit 1 | project i')).rows).toEqual([[1]]);
    expect((await q('let n2 = 3; t | take n2 | count')).rows).toEqual([[3]]);
  });

  it('distinct keeps one row per combination, in first-seen order', async () => {
    const { columns, rows } = await q('t | distinct b');
    expect(columns).toEqual(['b:bool']);
    expect(rows).toEqual([[true], [false], [null]]);
    expect((await q('t | project b | distinct *')).rows).toHaveLength(3);
  });

  it('count counts rows', async () => {
    expect(await q('t | count')).toEqual({ columns: ['Count:long'], rows: [[5]] });
  });

  it('render has no effect on rows', async () => {
    expect((await q('t | summarize count() by b | render barchart')).rows).toHaveLength(3);
  });

  it('scalar lets are computed once and read anywhere', async () => {
    expect((await q('let min = 5;\nlet word = "a";\nt | where n > min and s contains word | project s')).rows).toEqual([
      ['Alpha'],
      ['Gamma ray'],
    ]);
  });
});
