// What POST /_mesh/query takes and answers: Log Analytics' query API (the collector's POST /query)
// relayed through this server. Type-only: the web app imports it too.

/** Log Analytics' column types (the query API's names). */
export type LogQueryColumnType = 'string' | 'datetime' | 'long' | 'int' | 'real' | 'bool' | 'dynamic' | 'timespan' | 'guid';

/** The request body: the KQL text and, optionally, Log Analytics' `timespan` (ISO 8601: `PT15M`, `P1D`, `start/end`). */
export interface LogQueryRequest {
  readonly query: string;
  readonly timespan?: string;
}

/**
 * A cell as the API returns it: datetime as an ISO 8601 string, timespan as `[d.]hh:mm:ss[.fffffff]`,
 * dynamic as its JSON text, real/long/int as a number, bool as a boolean, null when missing.
 */
export type LogQueryCell = string | number | boolean | null;

export interface LogQueryTable {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: LogQueryColumnType }[];
  readonly rows: readonly (readonly LogQueryCell[])[];
}

/** 200: the collector's answer as it is, unless it held more rows than are relayed. */
export interface LogQueryResult {
  readonly tables: readonly LogQueryTable[];
  /** Present when rows were left out: how many the collector returned in all (every table). */
  readonly truncated?: { readonly relayedRows: number; readonly totalRows: number };
}

/**
 * 400 with code QUERY_REFUSED: the collector refused the query (syntax, semantics, an operator it
 * does not run, too many rows); problem+json whose `detail` is the collector's message.
 */
export interface LogQueryRefusal {
  readonly status: 400;
  readonly code: 'QUERY_REFUSED';
  readonly detail: string;
  readonly refusal: {
    /** `SyntaxError`, `SemanticError`, `UnsupportedError`, `LimitError`, `EvaluationError`, … */
    readonly code: string;
    readonly message: string;
    /** 1-based, when the collector knows where. */
    readonly line: number | null;
    readonly column: number | null;
  };
}
