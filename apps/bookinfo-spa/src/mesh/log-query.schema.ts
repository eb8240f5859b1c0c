import { INVALID, type Checked, type Issue, type JsonSchema, type PathStack, s, Schema } from '@mirrormesh/schema';
import { type LogQueryCell, type LogQueryColumnType } from './log-query.dto';

/** Bounds of what is relayed either way: the browser and the collector are both outside this process. */
export const LOG_QUERY_LIMITS = {
  /** Of the KQL text, UTF-8; Azure's own limit is larger, but no hand-written query comes near it. */
  maxQueryBytes: 64 * 1024,
  /** `PT15M`, `P1D`, `2026-12-01T00:00:00Z/2026-12-02T00:00:00Z`. */
  maxTimespanLength: 64,
  /** Of the collector's answer, read no further: a query over raw rows can answer far more. */
  maxAnswerBytes: 4 * 1024 * 1024,
  /** Rows relayed to the browser, every table together; the rest are counted, not sent. */
  maxRows: 10_000,
  /** Tables in one answer (Log Analytics returns one; a few leave room, not an unbounded list). */
  maxTables: 8,
  /** Columns of one table. */
  maxColumns: 500,
  /** Queries relayed at once: each may hold up to maxAnswerBytes while it is read and checked. */
  maxInFlight: 4,
} as const;

const COLUMN_TYPES: readonly LogQueryColumnType[] = ['string', 'datetime', 'long', 'int', 'real', 'bool', 'dynamic', 'timespan', 'guid'];

/** A result cell: the API sends every type as a JSON scalar (dynamic values as their JSON text). */
class LogQueryCellSchema extends Schema<LogQueryCell> {
  check(input: unknown, path: PathStack, issues: Issue[]): Checked<LogQueryCell> {
    if (input === null || typeof input === 'string' || typeof input === 'boolean') return input;
    if (typeof input === 'number' && Number.isFinite(input)) return input;
    issues.push({ path: path.slice(), message: 'must be a string, a finite number, a boolean or null' });
    return INVALID;
  }

  toJsonSchema(): JsonSchema {
    return { type: ['string', 'number', 'boolean', 'null'] };
  }
}

/** The browser's request: the KQL text (its size is checked apart, to answer 413) and an optional timespan. */
export const logQueryRequestSchema = s.object({
  query: s.string({ minLength: 1 }).refine((query) => (query.trim() === '' ? 'must not be blank' : undefined)),
  timespan: s
    .string({
      minLength: 1,
      maxLength: LOG_QUERY_LIMITS.maxTimespanLength,
      pattern: /^[0-9A-Za-z:.+/-]+$/,
      patternRule: 'must be an ISO 8601 duration or interval such as PT15M, P1D or start/end',
    })
    .optional(),
});

const tableSchema = s
  .object(
    {
      name: s.string({ minLength: 1, maxLength: 200 }),
      columns: s.array(
        s.object({ name: s.string({ minLength: 1, maxLength: 1000 }), type: s.oneOf(COLUMN_TYPES) }, { unknownKeys: 'strip' }),
        { maxItems: LOG_QUERY_LIMITS.maxColumns },
      ),
      // Not bounded here: the byte bound holds them, and rows past maxRows are counted, then left out.
      rows: s.array(s.array(new LogQueryCellSchema(), { maxItems: LOG_QUERY_LIMITS.maxColumns })),
    },
    { unknownKeys: 'strip' },
  )
  .refine((table) => {
    const width = table.columns.length;
    const row = table.rows.findIndex((cells) => cells.length !== width);
    return row === -1 ? undefined : `rows[${row}] must have one cell per column (${width})`;
  });

/** The collector's 200: Log Analytics' response format. */
export const logQueryAnswerSchema = s.object(
  { tables: s.array(tableSchema, { minItems: 1, maxItems: LOG_QUERY_LIMITS.maxTables }) },
  { unknownKeys: 'strip' },
);

const position = s.integer({ min: 1, max: 1_000_000 }).optional();

/** The collector's 400: Log Analytics' error format, the engine's error in `innererror`. */
export const logQueryErrorSchema = s.object(
  {
    error: s.object(
      {
        code: s.string({ minLength: 1, maxLength: 200 }),
        message: s.string({ minLength: 1, maxLength: 8192 }),
        innererror: s
          .object(
            {
              code: s.string({ minLength: 1, maxLength: 200 }),
              message: s.string({ minLength: 1, maxLength: 8192 }),
              line: position,
              pos: position,
            },
            { unknownKeys: 'strip' },
          )
          .optional(),
      },
      { unknownKeys: 'strip' },
    ),
  },
  { unknownKeys: 'strip' },
);
