import type { LogQueryResult } from '../../../src/mesh/log-query.dto';
import { chartFit } from './chart-fit';
import { isDrawnRenderKind, renderKindOf } from './render-kind';
import { ResultChart } from './result-chart';
import { ResultTable } from './result-table';

/** The chart the query's `render` asks for, or a note saying why the table stands alone. */
function ChartOrNote({ result, query }: { readonly result: LogQueryResult; readonly query: string }) {
  const kind = renderKindOf(query);
  const table = result.tables[0];
  if (kind === null || table === undefined) return null;
  if (!isDrawnRenderKind(kind)) {
    return (
      <p className="muted" data-field="chart-note">
        {`render ${kind} is not drawn here (timechart, columnchart and barchart are): the rows are below.`}
      </p>
    );
  }
  const fit = chartFit(table, kind);
  if (!fit.fit) {
    return (
      <p className="muted" data-field="chart-note">
        {`${fit.note} The rows are below.`}
      </p>
    );
  }
  return <ResultChart chart={fit.chart} />;
}

/** The answer: its chart when asked for and drawable, each table with its row count. */
export function QueryResult({ result, query }: { readonly result: LogQueryResult; readonly query: string }) {
  return (
    <div className="query-result-block">
      <ChartOrNote result={result} query={query} />
      {result.tables.map((table, t) => (
        <div key={`${t}:${table.name}`} data-result-table={table.name}>
          {/* One table (Log Analytics' usual answer) is counted in the status line above. */}
          {result.tables.length > 1 && (
            <h3>
              {table.name}{' '}
              <span className="muted" data-field="row-count" data-value={table.rows.length}>
                {`(${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'})`}
              </span>
            </h3>
          )}
          {table.rows.length > 0 && <ResultTable table={table} />}
        </div>
      ))}
      {result.truncated !== undefined && (
        <p className="warning" data-field="truncated">
          {`Only the first ${result.truncated.relayedRows} of ${result.truncated.totalRows} rows are shown: narrow the query with where, summarize or take.`}
        </p>
      )}
    </div>
  );
}
