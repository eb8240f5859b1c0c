import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { TableScanError } from '../errors';
import { scanStatement, type CellDecoder } from './scan-statement';
import { MAX_CACHED_SCANS } from './storage-limits';
import { type Cell, type JsonValue, type ScanRequest, type TableSchema, type TableSource } from '@mirrormesh/kql';
import { TELEMETRY_TABLES } from './telemetry-tables';

interface CachedStatement {
  readonly statement: StatementSync;
  /** A statement has one cursor: while a scan reads it, another scan of the same shape gets its own. */
  busy: boolean;
}

/**
 * The collector's telemetry tables as the KQL engine reads them: only the columns a query reads,
 * only the keys it reads of a dynamic column, only the time range it bounds, streamed row by row.
 */
export class SqliteTableSource implements TableSource {
  private readonly statements = new Map<string, CachedStatement>();

  constructor(private readonly db: DatabaseSync) {}

  tables(): readonly TableSchema[] {
    return TELEMETRY_TABLES;
  }

  scan(table: string, request: ScanRequest): Iterable<readonly Cell[]> {
    const schema = TELEMETRY_TABLES.find((candidate) => candidate.name === table);
    if (schema === undefined) {
      throw new TableScanError(`no table ${JSON.stringify(table)}: the tables are ${TELEMETRY_TABLES.map((t) => t.name).join(', ')}`);
    }
    // Built (and checked) now, so a bad request throws at the call, not at the first row.
    const { sql, params, decoders } = scanStatement(schema, request);
    return this.rows(sql, params, decoders, request.columns.length);
  }

  private *rows(
    sql: string,
    params: readonly (string | number)[],
    decoders: readonly CellDecoder[],
    width: number,
  ): Generator<readonly Cell[]> {
    const cached = this.statement(sql);
    cached.busy = true;
    try {
      for (const row of cached.statement.iterate(...params) as Iterable<Cell[]>) {
        if (width === 0) {
          yield [];
          continue;
        }
        for (let index = 0; index < decoders.length; index += 1) {
          const value = row[index];
          if (value === null || value === undefined) continue;
          const decoder = decoders[index];
          if (decoder === 'bool') row[index] = value !== 0;
          else if (decoder === 'json') row[index] = JSON.parse(value as string) as JsonValue;
        }
        yield row;
      }
    } finally {
      cached.busy = false;
    }
  }

  private statement(sql: string): CachedStatement {
    const cached = this.statements.get(sql);
    if (cached !== undefined && !cached.busy) return cached;
    const statement = this.db.prepare(sql);
    statement.setReturnArrays(true);
    const fresh = { statement, busy: false };
    if (cached === undefined) {
      if (this.statements.size >= MAX_CACHED_SCANS) this.statements.clear();
      this.statements.set(sql, fresh);
    }
    return fresh;
  }
}
