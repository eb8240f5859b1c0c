import { labQuery } from './lab-query';

/** What the fake collector answers to one POST /query: a status and a JSON body (or raw text). */
export interface FakeQueryAnswer {
  readonly status: number;
  readonly body: unknown;
  /** Sent as is instead of `body`'s JSON. */
  readonly raw?: string;
}

export type FakeQueryHandler = (request: { readonly query: string; readonly timespan?: string }) => FakeQueryAnswer;

/** Log Analytics' answer to the lab's query over a few rows (Kusto's `sort by` is descending). */
export const LAB_RESULT = {
  tables: [
    {
      name: 'PrimaryResult',
      columns: [
        { name: 'name', type: 'string' },
        { name: 'podVersion', type: 'string' },
        { name: 'resultCode', type: 'string' },
        { name: 'duration', type: 'real' },
        { name: 'requestCount', type: 'long' },
      ],
      rows: [
        ['GET /books/:id/reviews', 'V3MIR-BookServiceDelay', '200', 301.23456, 12],
        ['GET /books/:id/reviews', 'V1MIR-LiveBookService', '200', 3.5, 12],
        ['GET /books/:id', 'V1MIR-LiveBookService', '200', 2.25, 30],
      ],
    },
  ],
};

export const TIMECHART_QUERY = 'requests\n| summarize count() by bin(timestamp, 1m)\n| render timechart';

export const TIMECHART_RESULT = {
  tables: [
    {
      name: 'PrimaryResult',
      columns: [
        { name: 'timestamp', type: 'datetime' },
        { name: 'count_', type: 'long' },
      ],
      rows: [
        ['2026-12-01T08:00:00.0000000Z', 4],
        ['2026-12-01T08:01:00.0000000Z', 9],
        ['2026-12-01T08:02:00.0000000Z', 6],
      ],
    },
  ],
};

/** A columnchart that fits: categories, then one numeric series. */
export const COLUMNCHART_QUERY = 'requests\n| summarize count() by resultCode\n| render columnchart';

export const COLUMNCHART_RESULT = {
  tables: [
    {
      name: 'PrimaryResult',
      columns: [
        { name: 'resultCode', type: 'string' },
        { name: 'count_', type: 'long' },
      ],
      rows: [
        ['200', 40],
        ['500', 2],
      ],
    },
  ],
};

/** A columnchart whose second column is a string: Kusto would split series by it, the page shows the table. */
export const SPLIT_CHART_QUERY = 'requests\n| summarize count() by resultCode, cloud_RoleName\n| render columnchart';

export const SPLIT_CHART_RESULT = {
  tables: [
    {
      name: 'PrimaryResult',
      columns: [
        { name: 'resultCode', type: 'string' },
        { name: 'cloud_RoleName', type: 'string' },
        { name: 'count_', type: 'long' },
      ],
      rows: [
        ['200', 'book-service', 40],
        ['500', 'book-service', 2],
      ],
    },
  ],
};

/** A refusal as Log Analytics words it (the collector's POST /query 400). */
export function refusal(code: string, message: string, line: number, column: number): FakeQueryAnswer {
  return {
    status: 400,
    body: {
      error: {
        code: 'BadArgumentError',
        message: 'The request had some invalid properties',
        innererror: { code, message: `${message} (line ${line}, column ${column})`, line, pos: column },
      },
    },
  };
}

/** The malformed query the tests send: a `where` with nothing after it, on line 2. */
export const MALFORMED_QUERY = 'requests\n| where \n| take 10';

/** The lab's query, the charts, the malformed one; anything else names no known table. */
export const answerLabQueries: FakeQueryHandler = ({ query }) => {
  if (query === labQuery()) return { status: 200, body: LAB_RESULT };
  if (query === TIMECHART_QUERY) return { status: 200, body: TIMECHART_RESULT };
  if (query === COLUMNCHART_QUERY) return { status: 200, body: COLUMNCHART_RESULT };
  if (query === SPLIT_CHART_QUERY) return { status: 200, body: SPLIT_CHART_RESULT };
  if (query === MALFORMED_QUERY) return refusal('SyntaxError', 'Missing expression', 2, 8);
  return refusal('SemanticError', "The name 'unknown' does not refer to any known table", 1, 1);
};
