import { TableScanError } from '../errors';
import { quoteIdentifier } from './database-schema';
import { type KqlType, type ScanRequest, type TableSchema } from '@mirrormesh/kql';

/** The SQL of one scan and how to read its cells back; `sql` depends only on the request's shape. */
export interface ScanStatement {
  /** Same shape, same text: the key of the prepared-statement cache. */
  readonly sql: string;
  readonly params: readonly (string | number)[];
  /** How each cell is read back: as stored, 0/1 → boolean, or JSON text → value. */
  readonly decoders: readonly CellDecoder[];
}

export type CellDecoder = 'plain' | 'bool' | 'json';

function decoderOf(type: KqlType): CellDecoder {
  return type === 'bool' ? 'bool' : type === 'dynamic' ? 'json' : 'plain';
}

/**
 * `SELECT <columns> FROM <table> [WHERE timestamp >= ? AND timestamp < ?]`. A dynamic column read
 * through keys becomes `json_object(key, col -> '$."key"', …)`: SQLite extracts those keys and hands
 * over a small object, not the whole value. Keys and paths are parameters; the path quotes the key
 * as a JSON string, so keys holding quotes, dots or brackets read the key itself.
 */
export function scanStatement(schema: TableSchema, request: ScanRequest): ScanStatement {
  const params: (string | number)[] = [];
  const decoders: CellDecoder[] = [];
  const selected = request.columns.map((name) => {
    const column = schema.columns.find((candidate) => candidate.name === name);
    if (column === undefined) {
      throw new TableScanError(`table ${schema.name} has no column ${JSON.stringify(name)}: its columns are ${columnList(schema)}`);
    }
    decoders.push(decoderOf(column.type));
    const keys = request.dynamicKeys?.get(name);
    if (keys === undefined) return quoteIdentifier(name);
    if (column.type !== 'dynamic')
      throw new TableScanError(`column ${schema.name}.${name} is ${column.type}: only dynamic columns are read by key`);
    if (keys.length === 0) return `json_object()`;
    const members = keys.map((key) => {
      params.push(key, `$.${JSON.stringify(key)}`);
      return `?, ${quoteIdentifier(name)} -> ?`;
    });
    return `json_object(${members.join(', ')})`;
  });
  for (const name of request.dynamicKeys?.keys() ?? []) {
    if (!request.columns.includes(name))
      throw new TableScanError(`dynamicKeys names ${JSON.stringify(name)}, which is not among the columns scanned`);
  }
  const bounds: string[] = [];
  const { from, to } = request.timeRange ?? {};
  if (from !== undefined && Number.isFinite(from)) {
    bounds.push('"timestamp" >= ?');
    params.push(from);
  }
  if (to !== undefined && Number.isFinite(to)) {
    bounds.push('"timestamp" < ?');
    params.push(to);
  }
  const where = bounds.length > 0 ? ` WHERE ${bounds.join(' AND ')}` : '';
  return { sql: `SELECT ${selected.length > 0 ? selected.join(', ') : '1'} FROM ${schema.name}${where}`, params, decoders };
}

function columnList(schema: TableSchema): string {
  return schema.columns.map((column) => column.name).join(', ');
}
