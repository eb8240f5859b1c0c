/** The first ```kusto fenced block of a Markdown text, without its fences; undefined when there is none. */
export function firstKustoBlock(markdown: string): string | undefined {
  const match = /^```kusto[ \t]*\r?\n([\s\S]*?)\r?\n```[ \t]*$/m.exec(markdown);
  return match?.[1];
}
