import type { Expr, Query } from '../ast';
import type { CompileScope } from '../eval/compile-scope';
import { compileExpression } from '../eval/compile-expression';

export interface TimeRange {
  readonly from?: number;
  readonly to?: number;
}

/** The column Application Insights' tables are partitioned by: the only one a time range bounds. */
export const timeColumn = 'timestamp';

/** Both bounds: the later start and the earlier end. */
export function intersect(a: TimeRange | undefined, b: TimeRange | undefined): TimeRange | undefined {
  if (!a) return b;
  if (!b) return a;
  const from = a.from === undefined ? b.from : b.from === undefined ? a.from : Math.max(a.from, b.from);
  const to = a.to === undefined ? b.to : b.to === undefined ? a.to : Math.min(a.to, b.to);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

function isConstant(expr: Expr): boolean {
  switch (expr.kind) {
    case 'literal':
    case 'variable':
      return true;
    case 'arithmetic':
      return isConstant(expr.left) && isConstant(expr.right);
    case 'negate':
      return isConstant(expr.operand);
    case 'call':
      return (expr.name === 'ago' || expr.name === 'now' || expr.name === 'bin') && expr.args.every(isConstant);
    default:
      return false;
  }
}

const mirrored: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' };

/**
 * The bounds on `timestamp` that the leading `where` clauses imply (conjuncts of `timestamp > c`,
 * `<`, `>=`, `<=`, `==`, `between`, with c a constant). A superset: the rows are filtered anyway.
 */
export function leadingTimeRange(query: Query, scope: CompileScope): TimeRange | undefined {
  let range: TimeRange | undefined;
  const constant = (expr: Expr) => {
    const value = compileExpression(expr, scope)([]);
    return typeof value === 'number' ? value : undefined;
  };
  const isTime = (expr: Expr) => expr.kind === 'column' && expr.name === timeColumn && expr.type === 'datetime';
  const bound = (op: string, value: number | undefined): TimeRange | undefined => {
    if (value === undefined) return undefined;
    if (op === '>' || op === '>=') return { from: value };
    if (op === '<') return { to: value };
    if (op === '<=') return { to: value + 1 };
    if (op === '==') return { from: value, to: value + 1 };
    return undefined;
  };
  const visit = (expr: Expr): void => {
    if (expr.kind === 'logical' && expr.op === 'and') {
      visit(expr.left);
      visit(expr.right);
    } else if (expr.kind === 'compare' && isTime(expr.left) && isConstant(expr.right)) {
      range = intersect(range, bound(expr.op, constant(expr.right)));
    } else if (expr.kind === 'compare' && isTime(expr.right) && isConstant(expr.left)) {
      range = intersect(range, bound(mirrored[expr.op] ?? '', constant(expr.left)));
    } else if (expr.kind === 'between' && !expr.negated && isTime(expr.subject) && isConstant(expr.low) && isConstant(expr.high)) {
      const low = constant(expr.low);
      let high = constant(expr.high);
      if (low !== undefined && high !== undefined && expr.high.type === 'timespan') high += low;
      if (low !== undefined && high !== undefined) range = intersect(range, { from: low, to: high + 1 });
    }
  };
  for (const stage of query.stages) {
    if (stage.kind !== 'where') break;
    visit(stage.predicate);
  }
  return range;
}
