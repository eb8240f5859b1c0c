import type { ComparisonOp, Expr } from '../ast';
import type { Cell } from '../types';
import type { CompileScope } from './compile-scope';
import { stringMatchers } from './string-match';
import { type Evaluator, compareCells, dynamicScalar, stringifier } from './values';

/** The predicates (comparisons, string matches, in, between), compiled over compiled operands. */
type Compile = (expr: Expr, scope: CompileScope) => Evaluator;

/** A cell as the comparable scalar of its type (dynamic unwrapped; strings folded for =~). */
function scalarReader(expr: Expr, scope: CompileScope, fold: boolean, compile: Compile): Evaluator {
  const evaluate = compile(expr, scope);
  const read: Evaluator = expr.type === 'dynamic' ? (row) => dynamicScalar(evaluate(row)) : evaluate;
  if (!fold) return read;
  return (row) => {
    const value = read(row);
    return typeof value === 'string' ? value.toLowerCase() : value;
  };
}

export function compileComparison(expr: Extract<Expr, { kind: 'compare' }>, scope: CompileScope, compile: Compile): Evaluator {
  const { op, left: leftExpr, right: rightExpr } = expr;
  const fold = op === '=~' || op === '!~';
  const left = scalarReader(leftExpr, scope, fold, compile);
  const right = scalarReader(rightExpr, scope, fold, compile);
  // dynamic against string compares the dynamic value's text (customDimensions.Mirror == "true").
  const textual = (leftExpr.type === 'string') !== (rightExpr.type === 'string');
  const test = comparisonTests[op];
  return (row) => {
    let a = left(row);
    let b = right(row);
    if (a === null || b === null) return false;
    if (textual && typeof a !== typeof b) {
      a = String(a);
      b = String(b);
    }
    return test(a, b);
  };
}

const comparisonTests: Readonly<Record<ComparisonOp, (a: Cell, b: Cell) => boolean>> = {
  '==': (a, b) => a === b,
  '=~': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '!~': (a, b) => a !== b,
  '<': (a, b) => compareCells(a, b) < 0,
  '<=': (a, b) => compareCells(a, b) <= 0,
  '>': (a, b) => compareCells(a, b) > 0,
  '>=': (a, b) => compareCells(a, b) >= 0,
};

export function compileStringMatch(expr: Extract<Expr, { kind: 'string-match' }>, scope: CompileScope, compile: Compile): Evaluator {
  const left = compile(expr.left, scope);
  const right = compile(expr.right, scope);
  const match = stringMatchers[expr.op];
  const fold = !expr.caseSensitive;
  const leftText = stringifier(expr.left.type);
  const rightText = stringifier(expr.right.type);
  const constantNeedle = expr.right.kind === 'literal' || expr.right.kind === 'variable';
  const needleOf = (row: readonly Cell[]) => {
    const text = rightText(right(row));
    return fold ? text.toLowerCase() : text;
  };
  const fixed = constantNeedle ? needleOf([]) : undefined;
  const negated = expr.negated;
  if (fixed !== undefined && fold && expr.op !== 'has') {
    // A constant needle, case-insensitive: one precompiled expression, no lower-cased copy per row.
    const escaped = fixed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(expr.op === 'startswith' ? `^${escaped}` : expr.op === 'endswith' ? `${escaped}$` : escaped, 'i');
    return (row) => {
      const value = left(row);
      const found = pattern.test(typeof value === 'string' ? value : leftText(value));
      return negated ? !found : found;
    };
  }
  return (row) => {
    const value = left(row);
    const text = typeof value === 'string' ? value : leftText(value);
    const found = match(fold ? text.toLowerCase() : text, fixed ?? needleOf(row));
    return negated ? !found : found;
  };
}

export function compileIn(expr: Extract<Expr, { kind: 'in' }>, scope: CompileScope, compile: Compile): Evaluator {
  const fold = !expr.caseSensitive;
  const textual = expr.subject.type === 'dynamic';
  const normalize = (cell: Cell): Cell => {
    const value = dynamicScalar(cell);
    return normalizeIn(fold && typeof value === 'string' ? value.toLowerCase() : value, textual);
  };
  const subject = compile(expr.subject, scope);
  const readers = expr.values.map((value) => compile(value, scope));
  // A dynamic array in the list stands for its elements (`resultCode in (codes)` with a let of an array).
  const listOf = (row: readonly Cell[]): Set<Cell> => {
    const set = new Set<Cell>();
    for (const read of readers) {
      const value = read(row);
      if (Array.isArray(value)) for (const item of value as readonly Cell[]) set.add(normalize(item));
      else set.add(normalize(value));
    }
    return set;
  };
  const constant = expr.values.every((value) => value.kind === 'literal' || value.kind === 'variable');
  const fixed = constant ? listOf([]) : undefined;
  const negated = expr.negated;
  return (row) => {
    const value = subject(row);
    if (value === null) return negated;
    const found = (fixed ?? listOf(row)).has(normalize(value));
    return negated ? !found : found;
  };
}

/** Inside `in`, a dynamic subject meets literal lists by text ("200" in (200, "200")). */
function normalizeIn(value: Cell, textual: boolean): Cell {
  return textual && value !== null ? String(value) : value;
}

export function compileBetween(expr: Extract<Expr, { kind: 'between' }>, scope: CompileScope, compile: Compile): Evaluator {
  const subject = scalarReader(expr.subject, scope, false, compile);
  const low = scalarReader(expr.low, scope, false, compile);
  const high = scalarReader(expr.high, scope, false, compile);
  // `timestamp between (datetime(…) .. 1h)`: a timespan upper bound is a length from the lower one.
  const relative = expr.subject.type === 'datetime' && expr.high.type === 'timespan';
  const negated = expr.negated;
  return (row) => {
    const value = subject(row);
    const from = low(row);
    let to = high(row);
    if (value === null || from === null || to === null) return false;
    if (relative && typeof from === 'number' && typeof to === 'number') to = from + to;
    const inside = compareCells(value, from) >= 0 && compareCells(value, to) <= 0;
    return negated ? !inside : inside;
  };
}
