import type { Cell, ColumnSchema, KqlType } from './types';

/** Our own small tree of what the engine runs, built from Microsoft's syntax tree once it has checked it. */

export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | '!~';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export type StringOp = 'contains' | 'has' | 'startswith' | 'endswith';

export type Expr =
  | { readonly kind: 'literal'; readonly type: KqlType; readonly value: Cell }
  | { readonly kind: 'column'; readonly type: KqlType; readonly name: string }
  /** A scalar `let`: its value is computed once, before any row. */
  | { readonly kind: 'variable'; readonly type: KqlType; readonly name: string }
  | { readonly kind: 'arithmetic'; readonly type: KqlType; readonly op: ArithmeticOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'compare'; readonly type: 'bool'; readonly op: ComparisonOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'logical'; readonly type: 'bool'; readonly op: 'and' | 'or'; readonly left: Expr; readonly right: Expr }
  | {
      readonly kind: 'string-match';
      readonly type: 'bool';
      readonly op: StringOp;
      readonly negated: boolean;
      readonly caseSensitive: boolean;
      readonly left: Expr;
      readonly right: Expr;
    }
  | { readonly kind: 'negate'; readonly type: KqlType; readonly operand: Expr }
  | {
      readonly kind: 'in';
      readonly type: 'bool';
      readonly negated: boolean;
      readonly caseSensitive: boolean;
      readonly subject: Expr;
      readonly values: readonly Expr[];
    }
  | {
      readonly kind: 'between';
      readonly type: 'bool';
      readonly negated: boolean;
      readonly subject: Expr;
      readonly low: Expr;
      readonly high: Expr;
    }
  | { readonly kind: 'call'; readonly type: KqlType; readonly name: string; readonly args: readonly Expr[] }
  /** `d["k"]`, `d.k`, `d[0]`. */
  | { readonly kind: 'member'; readonly type: 'dynamic'; readonly target: Expr; readonly key: Expr };

export type AggregateName = 'count' | 'countif' | 'avg' | 'sum' | 'min' | 'max' | 'dcount' | 'percentile' | 'percentiles' | 'make_set';

export interface Aggregate {
  readonly name: AggregateName;
  readonly args: readonly Expr[];
  /** One column, or one per percentile for `percentiles`. */
  readonly outputs: readonly ColumnSchema[];
}

export interface NamedExpr {
  readonly name: string;
  readonly expr: Expr;
}

export interface SortKey {
  readonly expr: Expr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

export type Stage =
  | { readonly kind: 'where'; readonly predicate: Expr }
  /** New or replaced columns, in order; a replaced column keeps its place. */
  | { readonly kind: 'extend'; readonly columns: readonly NamedExpr[] }
  /** project, project-away and project-rename: the whole output, in order. */
  | { readonly kind: 'project'; readonly columns: readonly NamedExpr[] }
  | { readonly kind: 'sort'; readonly keys: readonly SortKey[] }
  | { readonly kind: 'top'; readonly count: Expr; readonly keys: readonly SortKey[] }
  | { readonly kind: 'take'; readonly count: Expr }
  | { readonly kind: 'distinct'; readonly columns: readonly NamedExpr[] }
  | { readonly kind: 'count' }
  | { readonly kind: 'summarize'; readonly by: readonly NamedExpr[]; readonly aggregates: readonly Aggregate[] };

export interface Query {
  readonly lets: readonly NamedExpr[];
  readonly table: string;
  readonly stages: readonly Stage[];
}
