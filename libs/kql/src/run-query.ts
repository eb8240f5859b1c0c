import { KqlError, messages } from './errors';
import { compileExpression } from './eval/compile-expression';
import { compileStage } from './eval/compile-stage';
import { Layout, type Row } from './eval/layout';
import { formatCell } from './result/format-cell';
import { analyze, buildGlobals } from './parser/analyze';
import { buildQuery } from './parser/build-query';
import { loadParser } from './parser/parser-loader';
import { planColumns } from './plan/scan-planner';
import { type TimeRange, intersect, leadingTimeRange, timeColumn } from './plan/time-range';
import { parseTimespanOption } from './plan/timespan-option';
import type { Cell, QueryOptions, QueryResult, ScanRequest, TableSchema, TableSource } from './types';

/** Past this many result rows a query fails (Azure truncates at 30,000; failing says so instead). */
export const DEFAULT_MAX_ROWS = 50_000;

/** Parses (loading Microsoft's parser on the first call), checks, runs. Rejects with KqlError. */
export async function runQuery(text: string, source: TableSource, options: QueryOptions = {}): Promise<QueryResult> {
  if (typeof text !== 'string') throw new KqlError('SyntaxError', messages.notText(text));
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows <= 0) throw new KqlError('EvaluationError', messages.badMaxRows(maxRows));
  const now = (options.now ?? Date.now)();
  const parser = await loadParser();
  const tables = source.tables();
  const code = analyze(parser, text, buildGlobals(parser, tables));
  const query = buildQuery(parser, text, code);
  const table = tables.find((candidate) => candidate.name === query.table);
  if (!table) throw new KqlError('SemanticError', `Unknown table '${query.table}'`);

  const variables = new Map<string, Cell>();
  for (const item of query.lets) {
    variables.set(item.name, compileExpression(item.expr, { columns: new Map(), variables, now })([]));
  }
  const hasTime = table.columns.some((column) => column.name === timeColumn && column.type === 'datetime');
  const optionRange = options.timespan !== undefined ? parseTimespanOption(options.timespan, now) : undefined;
  const timeRange = hasTime ? intersect(leadingTimeRange(query, { columns: new Map(), variables, now }), optionRange) : undefined;
  const needs = planColumns(query, table);
  const columns =
    optionRange && hasTime && !needs.columns.includes(timeColumn)
      ? table.columns.filter((c) => c.name === timeColumn || needs.columns.includes(c.name)).map((c) => c.name)
      : needs.columns;
  const request: ScanRequest = { ...needs, columns, ...(timeRange ? { timeRange } : {}) };

  let layout = new Layout(columns.map((name) => table.columns.find((column) => column.name === name)!));
  let rows: Iterable<Row> = checkedScan(source, table, request);
  if (optionRange && hasTime) rows = withinRange(rows, layout.indexes.get(timeColumn)!, optionRange);
  for (const stage of query.stages) {
    const compiled = compileStage(stage, layout, variables, now);
    rows = compiled.run(rows);
    layout = compiled.layout;
  }

  const types = layout.columns.map((column) => column.type);
  const output: unknown[][] = [];
  for (const row of rows) {
    if (output.length >= maxRows) throw new KqlError('LimitError', messages.tooManyRows(maxRows));
    output.push(types.map((type, index) => formatCell(row[index] ?? null, type)));
  }
  return { tables: [{ name: 'PrimaryResult', columns: layout.columns, rows: output }] };
}

/** The source's rows, refused with a clear error when one does not carry the requested columns. */
function* checkedScan(source: TableSource, table: TableSchema, request: ScanRequest): Iterable<Row> {
  const width = request.columns.length;
  for (const row of source.scan(table.name, request)) {
    if (row.length !== width) throw new KqlError('EvaluationError', messages.sourceRowWidth(table.name, width, row.length));
    yield row;
  }
}

/** The request's `timespan`: the engine filters, since the source's range is only a hint. */
function* withinRange(rows: Iterable<Row>, index: number, range: TimeRange): Iterable<Row> {
  const from = range.from ?? -Infinity;
  const to = range.to ?? Infinity;
  for (const row of rows) {
    const time = row[index];
    if (typeof time === 'number' && time >= from && time < to) yield row;
  }
}
