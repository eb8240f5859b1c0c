import type { ComparisonOp, Expr } from '../ast';
import { KqlError } from '../errors';
import type { Cell, KqlType } from '../types';
import type { CompileScope } from './compile-scope';
import { compileCall } from './scalar-functions';
import { stringMatchers } from './string-match';
import { type Evaluator, compareCells, dynamicScalar, toKqlString } from './values';

/** An expression compiled once into a closure over row arrays. */
export function compileExpression(expr: Expr, scope: CompileScope): Evaluator {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'variable': {
      const value = scope.variables.get(expr.name) ?? null;
      return () => value;
    }
    case 'column':
      return compileColumn(expr.name, expr.type, scope);
    case 'arithmetic':
      return compileArithmetic(expr.op, expr.type, compileExpression(expr.left, scope), compileExpression(expr.right, scope));
    case 'negate': {
      const operand = compileExpression(expr.operand, scope);
      return (row) => {
        const value = operand(row);
        return typeof value === 'number' ? -value : null;
      };
    }
    case 'compare':
      return compileComparison(expr.op, expr.left, expr.right, scope);
    case 'logical': {
      const left = compileExpression(expr.left, scope);
      const right = compileExpression(expr.right, scope);
      return expr.op === 'and' ? (row) => left(row) === true && right(row) === true : (row) => left(row) === true || right(row) === true;
    }
    case 'string-match':
      return compileStringMatch(expr, scope);
    case 'in':
      return compileIn(expr, scope);
    case 'between':
      return compileBetween(expr, scope);
    case 'member':
      return compileMember(expr.target, expr.key, scope);
    case 'call':
      return compileCall(expr, scope, compileExpression);
  }
}

function compileColumn(name: string, type: KqlType, scope: CompileScope): Evaluator {
  const index = scope.columns.get(name);
  if (index === undefined) throw new KqlError('EvaluationError', `Column '${name}' is not available at this point of the query`);
  // Kusto's strings are never null: a missing string reads as "".
  if (type === 'string' || type === 'guid') return (row) => row[index] ?? '';
  return (row) => row[index] ?? null;
}

function compileArithmetic(op: string, type: KqlType, left: Evaluator, right: Evaluator): Evaluator {
  const integral = type === 'long' || type === 'int';
  const apply = (a: number, b: number): Cell => {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (!integral) return a / b;
        return b === 0 ? null : Math.trunc(a / b);
      default:
        if (integral && b === 0) return null;
        return a % b;
    }
  };
  return (row) => {
    const a = left(row);
    const b = right(row);
    return typeof a === 'number' && typeof b === 'number' ? apply(a, b) : null;
  };
}

/** A cell as the comparable scalar of its type (dynamic unwrapped; strings folded for =~). */
function scalarReader(expr: Expr, scope: CompileScope, fold: boolean): Evaluator {
  const evaluate = compileExpression(expr, scope);
  const read: Evaluator = expr.type === 'dynamic' ? (row) => dynamicScalar(evaluate(row)) : evaluate;
  if (!fold) return read;
  return (row) => {
    const value = read(row);
    return typeof value === 'string' ? value.toLowerCase() : value;
  };
}

function compileComparison(op: ComparisonOp, leftExpr: Expr, rightExpr: Expr, scope: CompileScope): Evaluator {
  const fold = op === '=~' || op === '!~';
  const left = scalarReader(leftExpr, scope, fold);
  const right = scalarReader(rightExpr, scope, fold);
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

function compileStringMatch(expr: Extract<Expr, { kind: 'string-match' }>, scope: CompileScope): Evaluator {
  const left = compileExpression(expr.left, scope);
  const right = compileExpression(expr.right, scope);
  const match = stringMatchers[expr.op];
  const fold = !expr.caseSensitive;
  const leftType = expr.left.type;
  const rightType = expr.right.type;
  const constantNeedle = expr.right.kind === 'literal' || expr.right.kind === 'variable';
  const needleOf = (row: readonly Cell[]) => {
    const text = toKqlString(right(row), rightType);
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
      const found = pattern.test(typeof value === 'string' ? value : toKqlString(value, leftType));
      return negated ? !found : found;
    };
  }
  return (row) => {
    const value = left(row);
    const text = typeof value === 'string' ? value : toKqlString(value, leftType);
    const found = match(fold ? text.toLowerCase() : text, fixed ?? needleOf(row));
    return negated ? !found : found;
  };
}

function compileIn(expr: Extract<Expr, { kind: 'in' }>, scope: CompileScope): Evaluator {
  const fold = !expr.caseSensitive;
  const subject = scalarReader(expr.subject, scope, fold);
  const values = expr.values.map((value) => scalarReader(value, scope, fold));
  const textual = expr.subject.type === 'dynamic';
  const negated = expr.negated;
  const constant = expr.values.every((value) => value.kind === 'literal' || value.kind === 'variable');
  const set = constant ? new Set(values.map((value) => normalizeIn(value([]), textual))) : undefined;
  return (row) => {
    const value = subject(row);
    if (value === null) return negated;
    const key = normalizeIn(value, textual);
    const found = set ? set.has(key) : values.some((candidate) => normalizeIn(candidate(row), textual) === key);
    return negated ? !found : found;
  };
}

/** Inside `in`, a dynamic subject meets literal lists by text ("200" in (200, "200")). */
function normalizeIn(value: Cell, textual: boolean): Cell {
  return textual && value !== null ? String(value) : value;
}

function compileBetween(expr: Extract<Expr, { kind: 'between' }>, scope: CompileScope): Evaluator {
  const subject = scalarReader(expr.subject, scope, false);
  const low = scalarReader(expr.low, scope, false);
  const high = scalarReader(expr.high, scope, false);
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

function compileMember(targetExpr: Expr, keyExpr: Expr, scope: CompileScope): Evaluator {
  const target = compileExpression(targetExpr, scope);
  if (keyExpr.kind === 'literal' && typeof keyExpr.value === 'string') {
    // The common case (customDimensions["VersionTag"]): a constant key, read without a key closure.
    const name = keyExpr.value;
    return (row) => {
      const value = target(row);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
      const found = (value as Record<string, Cell>)[name];
      return found !== undefined && Object.hasOwn(value, name) ? found : null;
    };
  }
  const key = compileExpression(keyExpr, scope);
  return (row) => {
    const value = target(row);
    const name = key(row);
    if (value === null || typeof value !== 'object') return null;
    if (Array.isArray(value)) {
      if (typeof name !== 'number') return null;
      return (value[name < 0 ? value.length + name : name] as Cell | undefined) ?? null;
    }
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(value, name)) return null;
    return (value as Record<string, Cell>)[name] ?? null;
  };
}
