import { DatabaseSync } from 'node:sqlite';
import { WAL_SIZE_LIMIT_BYTES } from './storage-limits';
import { type KqlType } from '@mirrormesh/kql';
import { STRINGS_TABLE } from './string-dictionary';
import {
  CODED_COLUMNS,
  CONSTANT_COLUMNS,
  PROMOTED_DIMENSIONS,
  TELEMETRY_TABLE_BY_NAME,
  promotedColumn,
  storedColumns,
  type TelemetryTableName,
} from './telemetry-tables';

/** Bumped when the tables change shape; a database of a later version is refused. */
export const SCHEMA_VERSION = 3;

/** Every item that is neither a request nor a dependency: its kind, time and envelope as sent. */
export const OTHER_ITEMS_TABLE = 'other_items';
/** Names of the segment files of the previous storage already imported (so a crash mid-import never doubles them). */
export const IMPORTED_SEGMENTS_TABLE = 'imported_segments';

const SQL_TYPES: Readonly<Record<KqlType, string>> = {
  string: 'TEXT',
  guid: 'TEXT',
  datetime: 'INTEGER',
  long: 'INTEGER',
  int: 'INTEGER',
  bool: 'INTEGER',
  real: 'REAL',
  timespan: 'REAL',
  dynamic: 'TEXT',
};

/** An identifier for SQL text; names come from the schema above, never from a request. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The table's columns: Log Analytics' (constant ones generated, never stored), then the promoted
 * dimensions. A coded column has no declared type, hence no affinity: SQLite keeps its codes as
 * integers and its uncoded strings as text.
 */
function columnDefinitions(table: TelemetryTableName): string {
  const constants = CONSTANT_COLUMNS[table];
  const coded = CODED_COLUMNS[table];
  const columns = TELEMETRY_TABLE_BY_NAME[table].columns.map(({ name, type }) => {
    const constant = constants[name];
    if (constant !== undefined) return `${quoteIdentifier(name)} TEXT GENERATED ALWAYS AS ('${constant}') VIRTUAL`;
    if (coded.has(name)) return quoteIdentifier(name);
    return `${quoteIdentifier(name)} ${SQL_TYPES[type]}${name === 'timestamp' ? ' NOT NULL' : ''}`;
  });
  columns.push(...PROMOTED_DIMENSIONS.map((key) => quoteIdentifier(promotedColumn(key))));
  return columns.join(', ');
}

function telemetryTableSql(table: TelemetryTableName): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (${columnDefinitions(table)});
CREATE INDEX IF NOT EXISTS ${table}_timestamp ON ${table} ("timestamp");`;
}

/**
 * Version 1 → 2: the promoted dimensions' columns, filled from the stored JSON (SQLite's `->` gives
 * the value's JSON text, as the collector writes it for new rows).
 */
function promoteDimensionsSql(table: TelemetryTableName): string {
  return PROMOTED_DIMENSIONS.map((key) => {
    const column = quoteIdentifier(promotedColumn(key));
    return `ALTER TABLE ${table} ADD COLUMN ${column} TEXT;
UPDATE ${table} SET ${column} = "customDimensions" -> '$."${key}"' WHERE "customDimensions" IS NOT NULL;`;
  }).join('\n');
}

/**
 * Version 2 → 3: the coded columns lose their TEXT type (whose affinity would turn codes into text).
 * SQLite cannot change a column's type, so the table is rebuilt, rows copied as they are (rowids
 * kept): their strings stay text, which the coded columns also hold; new rows get codes.
 */
function untypeCodedColumnsSql(table: TelemetryTableName): string {
  const columns = storedColumns(table).map(quoteIdentifier).join(', ');
  return `CREATE TABLE ${table}_v3 (${columnDefinitions(table)});
INSERT INTO ${table}_v3 (rowid, ${columns}) SELECT rowid, ${columns} FROM ${table};
DROP TABLE ${table};
ALTER TABLE ${table}_v3 RENAME TO ${table};`;
}

const UPGRADES: Readonly<Record<number, string>> = {
  1: `${promoteDimensionsSql('requests')}\n${promoteDimensionsSql('dependencies')}`,
  2: `${untypeCodedColumnsSql('requests')}\n${untypeCodedColumnsSql('dependencies')}`,
};

const SCHEMA_SQL = `${telemetryTableSql('requests')}
${telemetryTableSql('dependencies')}
CREATE TABLE IF NOT EXISTS ${OTHER_ITEMS_TABLE} ("timestamp" INTEGER NOT NULL, "itemType" TEXT NOT NULL, "envelope" TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ${OTHER_ITEMS_TABLE}_timestamp ON ${OTHER_ITEMS_TABLE} ("timestamp");
CREATE TABLE IF NOT EXISTS ${IMPORTED_SEGMENTS_TABLE} ("name" TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS ${STRINGS_TABLE} ("code" INTEGER PRIMARY KEY, "value" TEXT NOT NULL UNIQUE);`;

/**
 * Opens (creating) the database: WAL with synchronous=FULL, so a committed transaction is on disk
 * when COMMIT returns; incremental auto-vacuum (set before the first table exists), so retention
 * can give freed pages back to the file system. Throws on a database it cannot use.
 */
export function openDatabase(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    const journal = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode?: string } | undefined;
    if (journal?.journal_mode !== 'wal') throw new Error(`cannot use write-ahead logging (journal mode ${journal?.journal_mode})`);
    db.exec(`PRAGMA synchronous = FULL; PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}; PRAGMA foreign_keys = OFF`);
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    if (version > SCHEMA_VERSION)
      throw new Error(`the database has schema version ${version}; this collector knows up to ${SCHEMA_VERSION}`);
    // A database of an earlier version is upgraded step by step, in the transaction that stamps it.
    const upgrades = version === 0 ? [] : Array.from({ length: SCHEMA_VERSION - version }, (_, step) => UPGRADES[version + step]);
    db.exec(`BEGIN; ${upgrades.join('\n')} ${SCHEMA_SQL} PRAGMA user_version = ${SCHEMA_VERSION}; COMMIT;`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
