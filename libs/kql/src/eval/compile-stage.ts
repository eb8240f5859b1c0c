import type { Expr, NamedExpr, Stage } from '../ast';
import { KqlError } from '../errors';
import type { Cell, ColumnSchema } from '../types';
import type { CompileScope } from './compile-scope';
import { compileExpression } from './compile-expression';
import { type CompiledStage, Layout, type Row } from './layout';
import { compileSort } from './sort-rows';
import { compileSummarize } from './summarize-rows';
import { type Evaluator, cellKey } from './values';

/** One tabular operator compiled against the columns its input carries. */
export function compileStage(stage: Stage, input: Layout, variables: ReadonlyMap<string, Cell>, now: number): CompiledStage {
  const scope = input.scope(variables, now);
  switch (stage.kind) {
    case 'where': {
      const predicate = compileExpression(stage.predicate, scope);
      return {
        layout: input,
        *run(rows) {
          for (const row of rows) if (predicate(row) === true) yield row;
        },
      };
    }
    case 'extend':
      return compileExtend(stage.columns, input, variables, now);
    case 'project':
    case 'distinct':
      return compileProjection(stage.columns, scope, stage.kind === 'distinct');
    case 'sort': {
      const sort = compileSort(stage.keys, scope);
      return { layout: input, run: (rows) => sort(rows) };
    }
    case 'top': {
      const sort = compileSort(stage.keys, scope);
      const count = constantCount(stage.count, scope);
      return { layout: input, run: (rows) => sort(rows).slice(0, count) };
    }
    case 'take': {
      const count = constantCount(stage.count, scope);
      return {
        layout: input,
        *run(rows) {
          if (count <= 0) return;
          let taken = 0;
          for (const row of rows) {
            yield row;
            if (++taken >= count) return;
          }
        },
      };
    }
    case 'count':
      return {
        layout: new Layout([{ name: 'Count', type: 'long' }]),
        run(rows) {
          let count = 0;
          for (const _ of rows) count++;
          return [[count]];
        },
      };
    case 'summarize':
      return compileSummarize(stage, scope);
  }
}

function constantCount(expr: Expr, scope: CompileScope): number {
  const value = compileExpression(expr, scope)([]);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new KqlError('EvaluationError', 'The row count of take/top must be a constant number');
  }
  return Math.trunc(value);
}

/** extend: each column sees the ones before it; a replaced column keeps its place. */
function compileExtend(columns: readonly NamedExpr[], input: Layout, variables: ReadonlyMap<string, Cell>, now: number): CompiledStage {
  let layout = input;
  const steps: { index: number; evaluate: Evaluator }[] = [];
  for (const column of columns) {
    const evaluate = compileExpression(column.expr, layout.scope(variables, now));
    const existing = layout.indexes.get(column.name);
    const schema: ColumnSchema = { name: column.name, type: column.expr.type };
    const next = [...layout.columns];
    if (existing === undefined) next.push(schema);
    else next[existing] = schema;
    steps.push({ index: existing ?? layout.columns.length, evaluate });
    layout = new Layout(next);
  }
  return {
    layout,
    *run(rows) {
      for (const row of rows) {
        const out = row.slice();
        for (const step of steps) out[step.index] = step.evaluate(out);
        yield out;
      }
    },
  };
}

function compileProjection(all: readonly NamedExpr[], scope: CompileScope, distinct: boolean): CompiledStage {
  // A table column the scan left out (the planner found no later read of it) is carried no further.
  const columns = all.filter((column) => column.expr.kind !== 'column' || scope.columns.has(column.expr.name));
  const evaluators = columns.map((column) => compileExpression(column.expr, scope));
  const layout = new Layout(columns.map((column) => ({ name: column.name, type: column.expr.type })));
  const project = (row: Row): Row => evaluators.map((evaluate) => evaluate(row));
  if (!distinct) {
    return {
      layout,
      *run(rows) {
        for (const row of rows) yield project(row);
      },
    };
  }
  return {
    layout,
    *run(rows) {
      const seen = new Set<string>();
      for (const row of rows) {
        const out = project(row);
        const key = out.map((cell) => String(cellKey(cell))).join('\u0001');
        if (seen.has(key)) continue;
        seen.add(key);
        yield out;
      }
    },
  };
}
