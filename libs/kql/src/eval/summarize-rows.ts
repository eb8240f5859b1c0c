import type { Stage } from '../ast';
import type { Cell } from '../types';
import { type Accumulator, compileAggregate } from './aggregations';
import { compileExpression } from './compile-expression';
import { type CompiledStage, Layout, type Row } from './layout';
import type { CompileScope } from './compile-scope';
import { cellKey } from './values';

type Summarize = Extract<Stage, { kind: 'summarize' }>;

interface Group {
  readonly by: Cell[];
  readonly accumulators: Accumulator[];
}

/** summarize: groups by the `by` values (output first), then one column per aggregate output. */
export function compileSummarize(stage: Summarize, scope: CompileScope): CompiledStage {
  const by = stage.by.map((item) => compileExpression(item.expr, scope));
  const factories = stage.aggregates.map((aggregate) => compileAggregate(aggregate, scope));
  const layout = new Layout([
    ...stage.by.map((item) => ({ name: item.name, type: item.expr.type })),
    ...stage.aggregates.flatMap((aggregate) => aggregate.outputs),
  ]);
  const newGroup = (values: Cell[]): Group => ({ by: values, accumulators: factories.map((factory) => factory()) });
  return {
    layout,
    run(rows) {
      // Groups in nested maps, one level per `by` column: no key string is built per row, and
      // strings coming from the source keep their cached hashes.
      const root = new Map<string | number | boolean, unknown>();
      const groups: Group[] = [];
      const last = by.length - 1;
      for (const row of rows) {
        let level = root;
        let group: Group | undefined;
        for (let i = 0; i <= last; i++) {
          const key = cellKey(by[i]!(row));
          const found = level.get(key);
          if (i < last) {
            let next = found as Map<string | number | boolean, unknown> | undefined;
            if (!next) level.set(key, (next = new Map()));
            level = next;
          } else {
            group = found as Group | undefined;
            if (!group) {
              group = newGroup(by.map((evaluate) => evaluate(row)));
              level.set(key, group);
              groups.push(group);
            }
          }
        }
        if (!group) {
          // No `by`: one group for every row.
          group = groups[0] ?? newGroup([]);
          if (groups.length === 0) groups.push(group);
        }
        const accumulators = group.accumulators;
        for (let i = 0; i < accumulators.length; i++) accumulators[i]!.add(row);
      }
      // Without `by`, Kusto answers one row even over no input (count() = 0).
      if (groups.length === 0 && by.length === 0) groups.push(newGroup([]));
      const output: Row[] = [];
      for (const group of groups) {
        output.push([...group.by, ...group.accumulators.flatMap((accumulator) => accumulator.results())]);
      }
      return output;
    },
  };
}
