import { type LogQueryResult, type LogQueryTable } from './log-query.dto';

/** The tables with at most `maxRows` rows in all, the first tables first; says how many there were when any were left out. */
export function truncateRows(tables: readonly LogQueryTable[], maxRows: number): LogQueryResult {
  const totalRows = tables.reduce((sum, table) => sum + table.rows.length, 0);
  if (totalRows <= maxRows) return { tables };
  let room = maxRows;
  const kept = tables.map((table) => {
    const rows = table.rows.slice(0, room);
    room -= rows.length;
    return { ...table, rows };
  });
  return { tables: kept, truncated: { relayedRows: maxRows, totalRows } };
}
