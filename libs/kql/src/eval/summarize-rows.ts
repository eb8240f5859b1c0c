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
      const groups = new Map<string | number | boolean, Group>();
      for (const row of rows) {
        const values = by.map((evaluate) => evaluate(row));
        const key = values.length === 1 ? cellKey(values[0]!) : values.map((value) => String(cellKey(value))).join('\u0001');
        let group = groups.get(key);
        if (!group) {
          group = newGroup(values);
          groups.set(key, group);
        }
        for (const accumulator of group.accumulators) accumulator.add(row);
      }
      // Without `by`, Kusto answers one row even over no input (count() = 0).
      if (groups.size === 0 && by.length === 0) groups.set('', newGroup([]));
      const output: Row[] = [];
      for (const group of groups.values()) {
        output.push([...group.by, ...group.accumulators.flatMap((accumulator) => accumulator.results())]);
      }
      return output;
    },
  };
}
