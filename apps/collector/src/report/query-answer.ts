/** One table of a Log Analytics query answer: typed columns, rows of cells as the API returns them. */
export interface AnswerTable {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly (readonly unknown[])[];
}

/** The query API's answer (Log Analytics' response format). */
export interface QueryAnswer {
  readonly tables: readonly AnswerTable[];
}

/** Where a query went wrong, as the query API says it (line and column 1-based, when known). */
export interface QueryProblem {
  readonly code: string;
  readonly message: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answer, checked: undefined when the body is not Log Analytics' shape (every row as wide as its columns). */
export function parseQueryAnswer(body: unknown): QueryAnswer | undefined {
  if (!isRecord(body) || !Array.isArray(body.tables)) return undefined;
  for (const table of body.tables as unknown[]) {
    if (!isRecord(table) || typeof table.name !== 'string' || !Array.isArray(table.columns) || !Array.isArray(table.rows)) return undefined;
    const columns = table.columns as unknown[];
    if (!columns.every((c) => isRecord(c) && typeof c.name === 'string' && typeof c.type === 'string')) return undefined;
    if (!(table.rows as unknown[]).every((row) => Array.isArray(row) && row.length === columns.length)) return undefined;
  }
  return body as unknown as QueryAnswer;
}

/**
 * The error of a refused query: Log Analytics' `{error: {code, message, innererror: {code, message, line, pos}}}`
 * (the innermost error that names a position wins). Undefined for any other body.
 */
export function parseQueryProblem(body: unknown): QueryProblem | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined;
  let error: Record<string, unknown> = body.error;
  while (isRecord(error.innererror)) error = error.innererror;
  if (typeof error.message !== 'string') return undefined;
  return {
    code: typeof error.code === 'string' ? error.code : 'BadArgumentError',
    message: error.message,
    line: typeof error.line === 'number' ? error.line : undefined,
    column: typeof error.pos === 'number' ? error.pos : undefined,
  };
}
