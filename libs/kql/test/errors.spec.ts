import { KqlError, runQuery } from '../src';
import { failure, labSource, run, tableSource } from './fixtures/run';

describe('error texts', () => {
  it('reports a syntax error with the parser message and its 1-based position', async () => {
    expect(await failure('requests | where name == | take 5')).toBe('SyntaxError: Missing expression (line 1, column 25)');
  });

  it('counts lines and columns from 1 on a multi-line query', async () => {
    expect(await failure('requests\n| where name ==\n| take 5')).toBe('SyntaxError: Missing expression (line 2, column 16)');
  });

  it('reports an unknown column in Azure words', async () => {
    expect(await failure('requests\n| where nme == "x"')).toBe(
      "SemanticError: The name 'nme' does not refer to any known column, table, variable or function. (line 2, column 9)",
    );
  });

  it('reports a type mismatch in Azure words', async () => {
    expect(await failure('requests | where duration > 1h')).toBe(
      "SemanticError: The operator '>' is not defined for the operand types real and timespan. (line 1, column 27)",
    );
  });

  it('refuses a valid operator it does not run, with its position', async () => {
    expect(await failure('requests\n| mv-expand customDimensions')).toBe(
      "UnsupportedError: The operator 'mv-expand' is not supported by the local collector (line 2, column 3)",
    );
    expect(await failure('requests | join (dependencies) on operation_Id')).toBe(
      "UnsupportedError: The operator 'join' is not supported by the local collector (line 1, column 12)",
    );
  });

  it('refuses a valid scalar operator it does not run, named', async () => {
    expect(await failure('requests | where name has_any ("a", "b")')).toBe(
      "UnsupportedError: The operator 'has_any' is not supported by the local collector (line 1, column 18)",
    );
    expect(await failure('requests | where name matches regex "a.*"')).toBe(
      "UnsupportedError: The operator 'matches regex' is not supported by the local collector (line 1, column 18)",
    );
  });

  it('refuses a table expression other than a table name', async () => {
    expect(await failure('union requests, dependencies')).toBe(
      "UnsupportedError: The operator 'union' is not supported by the local collector (line 1, column 1)",
    );
  });

  it('refuses a function it does not run, named as written, with its position', async () => {
    expect(await failure('requests | where isnotempty(parse_json(url))')).toBe(
      "UnsupportedError: The function 'parse_json' is not supported by the local collector (line 1, column 29)",
    );
  });

  it('refuses an aggregation it does not run', async () => {
    expect(await failure('requests | summarize stdev(duration) by name')).toBe(
      "UnsupportedError: The aggregation 'stdev' is not supported by the local collector (line 1, column 22)",
    );
  });

  it('refuses a tabular let', async () => {
    expect(await failure('let r = requests | take 1;\nr')).toMatch(/^UnsupportedError: .* \(line 1, column 1\)$/);
  });

  it('fails past the row limit, naming it', async () => {
    expect(await failure('requests', { maxRows: 5 })).toBe(
      'LimitError: The query returned more than 5 rows: narrow it with where, summarize or take',
    );
    expect((await run('requests', { maxRows: 12 })).rows).toHaveLength(12);
  });

  it('names the default row limit, 50000', async () => {
    const many = Array.from({ length: 50_001 }, (_, i) => ({ x: i }));
    expect(await failure('t', {}, tableSource([{ name: 'x', type: 'long' }], many))).toBe(
      'LimitError: The query returned more than 50000 rows: narrow it with where, summarize or take',
    );
  });

  it('refuses a timespan option that is not ISO 8601', async () => {
    expect(await failure('requests', { timespan: '15 minutes' })).toMatch(/^EvaluationError: The timespan '15 minutes'/);
  });

  it('rejects with a KqlError carrying the code, line and column', async () => {
    const error = await runQuery('requests | where', labSource).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KqlError);
    expect(error).toMatchObject({ code: 'SyntaxError', line: 1, column: 17 });
  });
});

describe('bad input', () => {
  it('an empty query, or one of lets only, says a tabular expression is missing', async () => {
    expect(await failure('')).toBe(
      'SyntaxError: The query has no tabular expression: it must end with one, e.g. requests | take 10 (line 1, column 1)',
    );
    expect(await failure('let x = 1;')).toMatch(/^SyntaxError: The query has no tabular expression/);
  });

  it('a query that is not a string', async () => {
    const error = await runQuery(undefined as unknown as string, labSource).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SyntaxError', message: 'The query must be a string, got undefined' });
  });

  it('a second query statement is refused, not silently dropped', async () => {
    expect(await failure('requests | take 1; dependencies | take 1')).toBe(
      'UnsupportedError: The second query statement is not supported by the local collector (line 1, column 20)',
    );
  });

  it('an expression over aggregations is refused, not miscomputed', async () => {
    expect(await failure('requests | summarize count() * 2')).toMatch(/^UnsupportedError: .*count\(\)\*2.* \(line 1, column 22\)$/);
  });

  it("a source's column type outside Log Analytics' names the table, column and type", async () => {
    const source = tableSource([{ name: 'x', type: 'decimal' as 'real' }], []);
    expect(await failure('t', {}, source)).toMatch(/^SemanticError: The source's table 't' declares column 'x' of type 'decimal'/);
  });

  it('a bad maxRows is refused', async () => {
    expect(await failure('requests', { maxRows: 0 })).toBe('EvaluationError: maxRows must be a positive integer, got 0');
  });
});
