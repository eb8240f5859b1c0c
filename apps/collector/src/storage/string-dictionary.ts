import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { type JsonValue } from '@mirrormesh/kql';
import { TableScanError } from '../errors';
import { MAX_CODED_STRING_LENGTH, MAX_DICTIONARY_STRINGS } from './storage-limits';

/** The dictionary: each coded string once, with its code. Written only by the collector's thread. */
export const STRINGS_TABLE = 'strings';

/**
 * Columns of few distinct values (names, result codes, roles, VersionTag, …) hold each value as a code
 * into the `strings` table. Rows are narrower, and a scan gives the engine one shared JavaScript string
 * per distinct value instead of a new one per cell: making those strings is most of what node:sqlite
 * spends on a scan. A coded column's cell is a code (INTEGER) or, for a string the dictionary does not
 * hold (too long, or the dictionary is full), the text itself (TEXT): the columns have no type affinity,
 * so SQLite keeps each as written. A committed code never changes meaning.
 */
export class StringEncoder {
  /**
   * Codes as BigInts: node:sqlite binds a number as REAL (8 bytes), a BigInt as INTEGER (1 to 3 here).
   * Codes are dense from 0, so the next one is the count of those known.
   */
  private readonly codes = new Map<string, bigint>();
  private readonly insert: StatementSync;

  constructor(
    private readonly db: DatabaseSync,
    private readonly capacity = MAX_DICTIONARY_STRINGS,
  ) {
    this.insert = db.prepare(`INSERT INTO ${STRINGS_TABLE} ("code", "value") VALUES (?, ?)`);
    this.reload();
  }

  /** The value's code, adding it in the caller's transaction; the value itself when it is not to be coded. */
  encode(value: string): string | bigint {
    const known = this.codes.get(value);
    if (known !== undefined) return known;
    if (value.length > MAX_CODED_STRING_LENGTH || this.codes.size >= this.capacity) return value;
    const code = BigInt(this.codes.size);
    this.insert.run(code, value);
    this.codes.set(value, code);
    return code;
  }

  /** Reads the committed dictionary again: after a rollback, the codes that transaction added are gone. */
  reload(): void {
    this.codes.clear();
    const rows = this.db.prepare(`SELECT "code", "value" FROM ${STRINGS_TABLE} ORDER BY "code"`).all() as { code: number; value: string }[];
    for (const { code, value } of rows) this.codes.set(value, BigInt(code));
  }
}

/**
 * The reading side: a coded column's cell (a code, or the text stored as is) back to its string, or
 * to its JSON value for JSON text.
 */
export class StringDecoder {
  private readonly strings: string[] = [];
  private readonly values: (JsonValue | undefined)[] = [];
  private readonly since: StatementSync;

  constructor(db: DatabaseSync) {
    this.since = db.prepare(`SELECT "code", "value" FROM ${STRINGS_TABLE} WHERE "code" >= ? ORDER BY "code"`);
  }

  /** Learns the codes committed since the last call (codes are dense and only ever added). */
  refresh(): void {
    for (const { code, value } of this.since.all(this.strings.length) as { code: number; value: string }[]) this.strings[code] = value;
  }

  text(cell: string | number): string {
    if (typeof cell === 'string') return cell;
    return this.strings[cell] ?? this.learn(cell);
  }

  /** The JSON value of a cell of JSON text, or of its code (parsed once per code); null for SQL NULL. */
  json(cell: string | number | null): JsonValue {
    if (typeof cell !== 'number') return jsonValue(cell);
    const known = this.values[cell];
    if (known !== undefined) return known;
    const value = jsonValue(this.text(cell));
    this.values[cell] = value;
    return value;
  }

  /** A code committed after the last refresh (a scan outside a read transaction): read it, or fail clearly. */
  private learn(code: number): string {
    this.refresh();
    const value = this.strings[code];
    if (value === undefined)
      throw new TableScanError(`a row holds string code ${code}, which the ${STRINGS_TABLE} table lacks: the database is damaged`);
    return value;
  }
}

/**
 * A JSON text cell's value; null for SQL NULL. A plain string (the common case: dimensions are
 * strings) is unquoted without the parser.
 */
function jsonValue(text: string | null): JsonValue {
  if (text === null) return null;
  if (text.charCodeAt(0) === 34 && text.indexOf('\\') < 0) return text.slice(1, -1);
  return JSON.parse(text) as JsonValue;
}
