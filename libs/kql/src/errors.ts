/** What kind of failure a KqlError reports (the contract's codes). */
export type KqlErrorCode = 'SyntaxError' | 'SemanticError' | 'UnsupportedError' | 'LimitError' | 'EvaluationError';

export interface TextPosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** Every failure of a query: what was wrong and, when known, where (1-based line and column). */
export class KqlError extends Error {
  readonly code: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: KqlErrorCode, message: string, position?: TextPosition) {
    super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
    this.name = 'KqlError';
    this.code = code;
    this.line = position?.line;
    this.column = position?.column;
  }
}

/** The message texts, in one place: clients and the corpus compare them verbatim. */
export const messages = {
  unsupportedOperator: (name: string) => `The operator '${name}' is not supported by the local collector`,
  unsupportedFunction: (name: string) => `The function '${name}' is not supported by the local collector`,
  unsupportedAggregation: (name: string) => `The aggregation '${name}' is not supported by the local collector`,
  unsupportedSyntax: (what: string) => `The ${what} is not supported by the local collector`,
  tooManyRows: (limit: number) => `The query returned more than ${limit} rows: narrow it with where, summarize or take`,
  badTimespanOption: (value: string) =>
    `The timespan '${value}' is not an ISO 8601 duration or interval (PT15M, P1D, start/end, start/duration)`,
  notText: (value: unknown) => `The query must be a string, got ${value === null ? 'null' : typeof value}`,
  noTabularExpression: 'The query has no tabular expression: it must end with one, e.g. requests | take 10',
  badColumnType: (table: string, column: string, type: string) =>
    `The source's table '${table}' declares column '${column}' of type '${type}', which is not a Log Analytics type (string, datetime, long, int, real, bool, dynamic, timespan, guid)`,
  badMaxRows: (value: number) => `maxRows must be a positive integer, got ${value}`,
  sourceRowWidth: (table: string, expected: number, got: number) =>
    `The source returned a row of ${got} cells for table '${table}', expected ${expected}`,
} as const;
