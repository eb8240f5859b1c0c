import type { Cell, ColumnSchema } from '../types';
import type { CompileScope } from './compile-scope';

/** The columns rows carry at one point of the pipeline, in order. */
export class Layout {
  readonly columns: readonly ColumnSchema[];
  readonly indexes: ReadonlyMap<string, number>;

  constructor(columns: readonly ColumnSchema[]) {
    this.columns = columns;
    this.indexes = new Map(columns.map((column, index) => [column.name, index]));
  }

  scope(variables: ReadonlyMap<string, Cell>, now: number): CompileScope {
    return { columns: this.indexes, variables, now };
  }
}

export type Row = readonly Cell[];

/** A compiled stage: what it outputs, and how it turns input rows into output rows. */
export interface CompiledStage {
  readonly layout: Layout;
  run(rows: Iterable<Row>): Iterable<Row>;
}
