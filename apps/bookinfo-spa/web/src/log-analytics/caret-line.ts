/** The line a refusal points at, and the text under it that puts a caret below the column. */
export interface CaretLine {
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly caret: string;
}

/**
 * The query's `line` (1-based) with a caret under `column` (1-based); tabs before the column are
 * kept in the caret line so that it lines up in a monospace block. Undefined when the position is
 * not in the query (it was edited since, or the collector counted differently).
 */
export function caretLine(query: string, line: number, column: number): CaretLine | undefined {
  const text = query.split(/\r?\n/)[line - 1];
  if (text === undefined || column < 1 || column > text.length + 1) return undefined;
  const pad = text.slice(0, column - 1).replace(/[^\t]/g, ' ');
  return { line, column, text, caret: `${pad}^` };
}
