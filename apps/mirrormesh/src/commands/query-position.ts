import { type QueryProblem } from '@mirrormesh/collector';

/**
 * The query's line a refusal names, with a caret under its column, as an editor would show it:
 * `\n  | where x == \n  |            ^`. Empty when the refusal names no position inside the query.
 */
export function pointAt(query: string, problem: Pick<QueryProblem, 'line' | 'column'>): string {
  const { line, column } = problem;
  if (line === undefined || column === undefined) return '';
  const text = query.split(/\r?\n/)[line - 1];
  if (text === undefined || column < 1 || column > text.length + 1) return '';
  // Tabs kept as tabs in the caret line, so the caret stays under its character whatever the tab width.
  const pad = text.slice(0, column - 1).replace(/[^\t]/g, ' ');
  return `\n  ${text}\n  ${pad}^`;
}
