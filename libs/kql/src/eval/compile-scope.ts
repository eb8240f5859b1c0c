import type { Cell } from '../types';

/** What compiling an expression resolves once: column positions, scalar lets, the query's `now`. */
export interface CompileScope {
  readonly columns: ReadonlyMap<string, number>;
  readonly variables: ReadonlyMap<string, Cell>;
  readonly now: number;
}
