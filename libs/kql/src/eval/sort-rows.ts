import type { SortKey } from '../ast';
import type { CompileScope } from './compile-scope';
import { compileExpression } from './compile-expression';
import type { Row } from './layout';
import { type Evaluator, compareCells } from './values';

/** Sorts rows by keys (each key evaluated once per row), Kusto's null placement included. */
export function compileSort(keys: readonly SortKey[], scope: CompileScope): (rows: Iterable<Row>) => Row[] {
  const evaluators: Evaluator[] = keys.map((key) => compileExpression(key.expr, scope));
  return (rows) => {
    const decorated: { row: Row; keys: ReturnType<Evaluator>[] }[] = [];
    for (const row of rows) decorated.push({ row, keys: evaluators.map((evaluate) => evaluate(row)) });
    decorated.sort((x, y) => {
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const a = x.keys[i] ?? null;
        const b = y.keys[i] ?? null;
        if (a === null || b === null) {
          if (a === b) continue;
          return (a === null) === key.nullsFirst ? -1 : 1;
        }
        const order = compareCells(a, b);
        if (order !== 0) return key.descending ? -order : order;
      }
      return 0;
    });
    return decorated.map((item) => item.row);
  };
}
