import type { ErrorCase } from './corpus-case';

const unsupported = (kind: 'operator' | 'function' | 'aggregation', name: string, line: number, column: number) =>
  `The ${kind} '${name}' is not supported by the local collector (line ${line}, column ${column})`;

/**
 * Malformed and unsupported queries with the KqlError they must raise. Syntax and semantic texts are
 * Microsoft's parser's first error diagnostic (checked by check-syntax.ts); an unsupported name is
 * located at its first character.
 */
export const errorCases: readonly ErrorCase[] = [
  {
    name: 'a comparison without its right operand',
    query: 'requests | where duration > | take 5',
    code: 'SyntaxError',
    message: 'Missing expression (line 1, column 28)',
    line: 1,
    column: 28,
  },
  {
    name: 'a trailing comma in by, on the third line',
    query: `requests
| where timestamp > ago(1h)
| summarize count() by name,
| sort by name`,
    code: 'SyntaxError',
    message: 'Missing expression (line 3, column 29)',
    line: 3,
    column: 29,
  },
  {
    name: 'an unterminated string literal',
    query: 'requests | where name == "GET /books',
    code: 'SyntaxError',
    message: 'Missing: " (line 1, column 37)',
    line: 1,
    column: 37,
  },
  {
    name: 'take without a count',
    query: 'requests | take',
    code: 'SyntaxError',
    message: 'Missing expression (line 1, column 16)',
    line: 1,
    column: 16,
  },
  {
    name: 'an unknown column',
    query: 'requests | where durration > 100',
    code: 'SemanticError',
    message: "The name 'durration' does not refer to any known column, table, variable or function. (line 1, column 18)",
    line: 1,
    column: 18,
  },
  {
    name: 'an unknown table',
    query: 'request | take 5',
    code: 'SemanticError',
    message: "The name 'request' does not refer to any known table, tabular variable or function. (line 1, column 1)",
    line: 1,
    column: 1,
  },
  {
    name: 'an unknown function',
    query: 'requests | where foo(duration)',
    code: 'SemanticError',
    message: "The name 'foo' does not refer to any known function. (line 1, column 18)",
    line: 1,
    column: 18,
  },
  {
    name: 'contains with a number',
    query: 'requests | where name contains 5',
    code: 'SemanticError',
    message: "The operator 'contains' is not defined for the operand types string and long. (line 1, column 23)",
    line: 1,
    column: 23,
  },
  {
    name: 'an unknown column inside an aggregation',
    query: 'requests | summarize avg(duraton) by name',
    code: 'SemanticError',
    message: "The name 'duraton' does not refer to any known column, table, variable or function. (line 1, column 26)",
    line: 1,
    column: 26,
  },
  ...(
    [
      ['mv-expand', 'requests | mv-expand customDimensions', 1, 12],
      ['join', 'requests | join kind=inner (dependencies) on operation_Id', 1, 12],
      ['union', 'union requests, dependencies | count', 1, 1],
      ['parse', 'requests | parse url with "http://" host "/" rest', 1, 12],
      ['make-series', 'requests | make-series count() default=0 on timestamp from ago(1h) to now() step 5m', 1, 12],
      ['mv-expand', 'requests\n| where timestamp > ago(1h)\n| mv-expand customDimensions', 3, 3],
    ] as const
  ).map(([operator, query, line, column]): ErrorCase => ({
    name: `the unsupported operator ${operator} at line ${line}`,
    query,
    code: 'UnsupportedError',
    message: unsupported('operator', operator, line, column),
    line,
    column,
  })),
  {
    name: 'the unsupported function parse_json',
    query: 'requests | extend d = parse_json(tostring(customDimensions))',
    code: 'UnsupportedError',
    message: unsupported('function', 'parse_json', 1, 23),
    line: 1,
    column: 23,
  },
  {
    name: 'the unsupported function extract',
    query: 'requests | extend host = extract("http://([^/]+)", 1, url)',
    code: 'UnsupportedError',
    message: unsupported('function', 'extract', 1, 26),
    line: 1,
    column: 26,
  },
  {
    name: 'the unsupported aggregation stdev',
    query: 'requests | summarize stdev(duration) by name',
    code: 'UnsupportedError',
    message: unsupported('aggregation', 'stdev', 1, 22),
    line: 1,
    column: 22,
  },
];
