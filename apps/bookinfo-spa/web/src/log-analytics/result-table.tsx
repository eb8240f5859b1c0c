import type { LogQueryTable } from '../../../src/mesh/log-query.dto';
import { formatCell, isNumericType } from './result-cells';

/** A result table as Log Analytics shows it: the columns with their types, one row per row. */
export function ResultTable({ table }: { readonly table: LogQueryTable }) {
  return (
    <div className="table-scroll">
      <table className="stats query-result" aria-label={`Query result ${table.name}`} data-query-table={table.name}>
        <thead>
          <tr>
            {table.columns.map((column, c) => (
              <th
                key={`${c}:${column.name}`}
                scope="col"
                className={isNumericType(column.type) ? 'num' : undefined}
                data-column={column.name}
                data-type={column.type}
              >
                {column.name} <span className="column-type">{column.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} data-row={r}>
              {table.columns.map((column, c) => {
                const value = row[c] ?? null;
                return (
                  <td
                    key={c}
                    className={isNumericType(column.type) ? 'num' : undefined}
                    data-column={column.name}
                    data-value={value === null ? '' : String(value)}
                    data-null={value === null ? 'true' : undefined}
                  >
                    {formatCell(column.type, value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
