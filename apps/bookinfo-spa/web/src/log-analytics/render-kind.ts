/** The `render` kinds drawn on the page; Kusto has more (piechart, areachart, …), shown as tables. */
export const DRAWN_RENDER_KINDS = ['timechart', 'columnchart', 'barchart'] as const;
export type DrawnRenderKind = (typeof DRAWN_RENDER_KINDS)[number];

/** The query with string literals and `//` comments blanked, so `| render` inside them is not read. */
function codeOnly(query: string): string {
  return query.replace(/@?"(?:[^"\\\n]|\\.)*"|@?'(?:[^'\\\n]|\\.)*'|\/\/[^\n]*/g, (text) => ' '.repeat(text.length));
}

/**
 * The visualization a query asks for with `| render <kind>` (the last one), lower-cased; null
 * when it asks for none. The collector ignores `render` (rows only), so the page reads it here.
 */
export function renderKindOf(query: string): string | null {
  const matches = [...codeOnly(query).matchAll(/\|\s*render\s+([A-Za-z]+)/g)];
  const kind = matches.at(-1)?.[1];
  return kind === undefined ? null : kind.toLowerCase();
}

export function isDrawnRenderKind(kind: string): kind is DrawnRenderKind {
  return (DRAWN_RENDER_KINDS as readonly string[]).includes(kind);
}
