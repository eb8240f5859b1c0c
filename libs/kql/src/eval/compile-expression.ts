import type { ArithmeticOp, Expr } from '../ast';
import { KqlError } from '../errors';
import type { Cell, KqlType } from '../types';
import type { CompileScope } from './compile-scope';
import { compileBetween, compileComparison, compileIn, compileStringMatch } from './compile-predicates';
import { compileCall } from './scalar-functions';
import type { Evaluator } from './values';

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
      return compileComparison(expr, scope, compileExpression);
    case 'logical': {
      const left = compileExpression(expr.left, scope);
      const right = compileExpression(expr.right, scope);
      return expr.op === 'and' ? (row) => left(row) === true && right(row) === true : (row) => left(row) === true || right(row) === true;
    }
    case 'string-match':
      return compileStringMatch(expr, scope, compileExpression);
    case 'in':
      return compileIn(expr, scope, compileExpression);
    case 'between':
      return compileBetween(expr, scope, compileExpression);
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

/** The operation chosen once, at compile time: no switch per row. */
function arithmeticOperation(op: ArithmeticOp, integral: boolean): (a: number, b: number) => Cell {
  switch (op) {
    case '+':
      return (a, b) => a + b;
    case '-':
      return (a, b) => a - b;
    case '*':
      return (a, b) => a * b;
    case '/':
      // Integer division truncates, and by zero gives null; real division gives ±Infinity or NaN.
      return integral ? (a, b) => (b === 0 ? null : Math.trunc(a / b)) : (a, b) => a / b;
    case '%':
      return integral ? (a, b) => (b === 0 ? null : a % b) : (a, b) => a % b;
  }
}

function compileArithmetic(op: ArithmeticOp, type: KqlType, left: Evaluator, right: Evaluator): Evaluator {
  const apply = arithmeticOperation(op, type === 'long' || type === 'int');
  return (row) => {
    const a = left(row);
    const b = right(row);
    return typeof a === 'number' && typeof b === 'number' ? apply(a, b) : null;
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
