import type { Expr, Query } from '../ast';
import type { TableSchema } from '../types';

/** Which table columns a query reads, and which dynamic ones it reads only through constant keys. */
export interface ColumnNeeds {
  readonly columns: readonly string[];
  readonly dynamicKeys?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Follows each column through the pipeline back to the table column it comes from (renames and
 * projections included): a column is needed when an expression reads it or it reaches the output.
 */
export function planColumns(query: Query, table: TableSchema): ColumnNeeds {
  const dynamicColumns = new Set(table.columns.filter((c) => c.type === 'dynamic').map((c) => c.name));
  const needed = new Set<string>();
  const wholeDynamic = new Set<string>();
  const keys = new Map<string, Set<string>>();
  let origins = new Map<string, string | null>(table.columns.map((c) => [c.name, c.name]));

  const readWhole = (origin: string | null | undefined) => {
    if (!origin) return;
    needed.add(origin);
    if (dynamicColumns.has(origin)) wholeDynamic.add(origin);
  };
  const visit = (expr: Expr): void => {
    switch (expr.kind) {
      case 'column':
        return readWhole(origins.get(expr.name));
      case 'member': {
        const origin = expr.target.kind === 'column' ? origins.get(expr.target.name) : undefined;
        if (origin && expr.key.kind === 'literal' && typeof expr.key.value === 'string') {
          needed.add(origin);
          let set = keys.get(origin);
          if (!set) keys.set(origin, (set = new Set()));
          set.add(expr.key.value);
          return;
        }
        visit(expr.target);
        return visit(expr.key);
      }
      case 'literal':
      case 'variable':
        return;
      case 'negate':
        return visit(expr.operand);
      case 'in':
        visit(expr.subject);
        return expr.values.forEach(visit);
      case 'between':
        visit(expr.subject);
        visit(expr.low);
        return visit(expr.high);
      case 'call':
        return expr.args.forEach(visit);
      default:
        visit(expr.left);
        return visit(expr.right);
    }
  };
  const originOf = (expr: Expr) => (expr.kind === 'column' ? (origins.get(expr.name) ?? null) : null);

  for (const stage of query.stages) {
    switch (stage.kind) {
      case 'where':
        visit(stage.predicate);
        break;
      case 'extend':
        for (const column of stage.columns) {
          visit(column.expr);
          origins.set(column.name, originOf(column.expr));
        }
        break;
      case 'project':
      case 'distinct': {
        // A plain column carried by project is read only if it is read later or reaches the output;
        // distinct reads its columns (they decide which rows remain).
        for (const column of stage.columns) {
          if (stage.kind === 'distinct' || column.expr.kind !== 'column') visit(column.expr);
        }
        origins = new Map(stage.columns.map((column) => [column.name, originOf(column.expr)]));
        break;
      }
      case 'sort':
        stage.keys.forEach((key) => visit(key.expr));
        break;
      case 'top':
        stage.keys.forEach((key) => visit(key.expr));
        break;
      case 'take':
        break;
      case 'count':
        origins = new Map();
        break;
      case 'summarize':
        stage.by.forEach((item) => visit(item.expr));
        stage.aggregates.forEach((aggregate) => aggregate.args.forEach(visit));
        origins = new Map();
        break;
    }
  }
  for (const origin of origins.values()) readWhole(origin);

  const columns = table.columns.filter((c) => needed.has(c.name)).map((c) => c.name);
  const dynamicKeys = new Map<string, readonly string[]>();
  for (const [column, names] of keys) {
    if (!wholeDynamic.has(column)) dynamicKeys.set(column, [...names]);
  }
  return dynamicKeys.size > 0 ? { columns, dynamicKeys } : { columns };
}
