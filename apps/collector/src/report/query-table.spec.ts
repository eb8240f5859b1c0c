import { parseQueryAnswer, parseQueryProblem } from './query-answer';
import { formatQueryCsv, formatQueryTable } from './query-table';

const table = {
  name: 'PrimaryResult',
  columns: [
    { name: 'name', type: 'string' },
    { name: 'duration', type: 'real' },
    { name: 'requestCount', type: 'long' },
    { name: 'dims', type: 'dynamic' },
  ],
  rows: [
    ['GET /books', 12.34567, 120, '{"VersionTag":"V1MIR-LiveBookService"}'],
    ['GET /books/{id}, "quoted"', 3, 7, null],
  ],
};

describe('query answers in the terminal', () => {
  it('aligns a table, numbers right, reals to 3 decimals, with its row count', () => {
    expect(formatQueryTable(table).split('\n')).toEqual([
      'name                       duration  requestCount  dims',
      '-------------------------  --------  ------------  --------------------------------------',
      'GET /books                   12.346           120  {"VersionTag":"V1MIR-LiveBookService"}',
      'GET /books/{id}, "quoted"         3             7',
      '2 rows',
      '',
    ]);
  });

  it('writes RFC 4180 CSV with every digit', () => {
    expect(formatQueryCsv(table)).toBe(
      'name,duration,requestCount,dims\r\n' +
        'GET /books,12.34567,120,"{""VersionTag"":""V1MIR-LiveBookService""}"\r\n' +
        '"GET /books/{id}, ""quoted""",3,7,\r\n',
    );
  });

  it('checks the answer’s shape and reads a refusal’s innermost position', () => {
    expect(parseQueryAnswer({ tables: [table] })).toBeDefined();
    expect(parseQueryAnswer({ tables: [{ ...table, rows: [['too short']] }] })).toBeUndefined();
    expect(parseQueryAnswer({ rows: [] })).toBeUndefined();
    const refusal = {
      error: {
        code: 'BadArgumentError',
        message: 'The query is invalid',
        innererror: { code: 'SyntaxError', message: 'Missing expression (line 1, column 22)', line: 1, pos: 22 },
      },
    };
    expect(parseQueryProblem(refusal)).toEqual({
      code: 'SyntaxError',
      message: 'Missing expression (line 1, column 22)',
      line: 1,
      column: 22,
    });
    expect(parseQueryProblem({ nope: 1 })).toBeUndefined();
  });
});
