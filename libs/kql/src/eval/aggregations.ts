import type { Aggregate } from '../ast';
import { KqlError } from '../errors';
import type { Cell } from '../types';
import type { CompileScope } from './compile-scope';
import { compileExpression } from './compile-expression';
import { percentileNearestRank } from './percentile';
import { type Evaluator, cellKey, compareCells } from './values';

/** One aggregate's running state for one group. */
export interface Accumulator {
  add(row: readonly Cell[]): void;
  /** One cell per output column of the aggregate. */
  results(): Cell[];
}

export type AccumulatorFactory = () => Accumulator;

/** make_set's default bound, as Kusto's (1,048,576 distinct values). */
const makeSetDefaultMaxSize = 1_048_576;

function constantNumber(expr: Aggregate['args'][number] | undefined, scope: CompileScope, what: string): number {
  const value = expr ? compileExpression(expr, scope)([]) : null;
  if (typeof value !== 'number') throw new KqlError('EvaluationError', `${what} must be a constant number`);
  return value;
}

/** An aggregate compiled once: its argument closures and a factory of per-group accumulators. */
export function compileAggregate(aggregate: Aggregate, scope: CompileScope): AccumulatorFactory {
  const [first] = aggregate.args;
  const value: Evaluator = first ? compileExpression(first, scope) : () => null;
  switch (aggregate.name) {
    case 'count':
      return () => {
        let count = 0;
        return { add: () => void count++, results: () => [count] };
      };
    case 'countif':
      return () => {
        let count = 0;
        return { add: (row) => void (value(row) === true && count++), results: () => [count] };
      };
    case 'sum':
      return () => {
        let sum = 0;
        let seen = false;
        return {
          add: (row) => {
            const cell = value(row);
            if (typeof cell === 'number') {
              sum += cell;
              seen = true;
            }
          },
          results: () => [seen ? sum : null],
        };
      };
    case 'avg':
      return () => {
        let sum = 0;
        let count = 0;
        return {
          add: (row) => {
            const cell = value(row);
            if (typeof cell === 'number') {
              sum += cell;
              count++;
            }
          },
          results: () => [count === 0 ? null : sum / count],
        };
      };
    case 'min':
    case 'max': {
      const sign = aggregate.name === 'min' ? -1 : 1;
      return () => {
        let best: Cell = null;
        return {
          add: (row) => {
            const cell = value(row);
            if (cell !== null && (best === null || sign * compareCells(cell, best) > 0)) best = cell;
          },
          results: () => [best],
        };
      };
    }
    case 'dcount':
      return () => {
        const seen = new Set<string | number | boolean>();
        return {
          add: (row) => {
            const cell = value(row);
            if (cell !== null) seen.add(cellKey(cell));
          },
          results: () => [seen.size],
        };
      };
    case 'percentile':
    case 'percentiles': {
      const percents = aggregate.args.slice(1).map((arg) => constantNumber(arg, scope, 'A percentile'));
      return () => {
        const values: number[] = [];
        return {
          add: (row) => {
            const cell = value(row);
            if (typeof cell === 'number') values.push(cell);
          },
          results: () => {
            values.sort((x, y) => x - y);
            return percents.map((percent) => percentileNearestRank(values, percent));
          },
        };
      };
    }
    case 'make_set': {
      const maxSize = aggregate.args[1] ? constantNumber(aggregate.args[1], scope, "make_set's size") : makeSetDefaultMaxSize;
      return () => {
        const keys = new Set<string | number | boolean>();
        const items: Cell[] = [];
        return {
          add: (row) => {
            const cell = value(row);
            if (cell === null || items.length >= maxSize) return;
            const key = cellKey(cell);
            if (keys.has(key)) return;
            keys.add(key);
            items.push(cell);
          },
          results: () => [items],
        };
      };
    }
  }
}
