import type { QueryResult } from '../../src';
import type { CorpusCase } from './corpus-case';

/** Reals match within this relative difference (sums in another order differ in the last bits). */
export const REAL_TOLERANCE = 1e-9;

type Table = QueryResult['tables'][number];
type Options = Pick<CorpusCase, 'ordered' | 'sortKeys' | 'setColumns'>;

/** What differs between an engine's answer and the expected one (undefined when they match). */
export function resultDifference(actual: QueryResult, expected: QueryResult, options: Options): string | undefined {
  const got = actual.tables[0];
  const want = expected.tables[0];
  if (got === undefined || want === undefined) return `expected a first table, got ${actual.tables.length} table(s)`;
  if (got.name !== want.name) return `the first table is named '${got.name}', expected '${want.name}'`;
  const columns = (t: Table) => t.columns.map((c) => `${c.name}:${c.type}`).join(', ');
  if (columns(got) !== columns(want)) return `columns [${columns(got)}], expected [${columns(want)}]`;
  if (got.rows.length !== want.rows.length) return `${got.rows.length} rows, expected ${want.rows.length}`;
  const gotRows = got.rows.map((r) => normalize(want, r, options.setColumns));
  const wantRows = want.rows.map((r) => normalize(want, r, options.setColumns));
  if (options.ordered) {
    const keys = (options.sortKeys ?? want.columns.map((c) => c.name)).map((k) => want.columns.findIndex((c) => c.name === k));
    for (let i = 0; i < wantRows.length; i++) {
      const pick = (row: readonly unknown[] | undefined) => keys.map((k) => row?.[k]);
      if (!sameRow(pick(gotRows[i]), pick(wantRows[i])))
        return `row ${i} is ${JSON.stringify(gotRows[i])}, expected ${JSON.stringify(wantRows[i])}`;
    }
  }
  const unmatched = [...gotRows];
  for (const row of wantRows) {
    const at = unmatched.findIndex((candidate) => sameRow(candidate, row));
    if (at < 0) return `no row matches ${JSON.stringify(row)}; got ${JSON.stringify(gotRows)}`;
    unmatched.splice(at, 1);
  }
  return undefined;
}

/** make_set arrays compare as sets: their elements sorted. */
function normalize(table: Table, row: readonly unknown[], setColumns: readonly string[] = []): unknown[] {
  return row.map((cell, i) => {
    const column = table.columns[i];
    if (column === undefined || !setColumns.includes(column.name) || typeof cell !== 'string') return cell;
    const elements = JSON.parse(cell) as unknown[];
    return JSON.stringify(
      elements
        .map((e) => JSON.stringify(e))
        .sort()
        .map((e) => JSON.parse(e) as unknown),
    );
  });
}

function sameRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((cell, i) => sameCell(cell, b[i]));
}

function sameCell(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= REAL_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}
