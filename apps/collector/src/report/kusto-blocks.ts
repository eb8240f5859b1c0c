/** One query found in a Markdown file, with the line its text starts on (1-based). */
export interface KustoBlock {
  readonly query: string;
  readonly line: number;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*(kusto|kql)\s*$/i;

/**
 * The fenced code blocks of a Markdown text marked `kusto` or `kql`, in order: what a user
 * would copy from it into Log Analytics. Other blocks (shell, YAML) are not queries.
 */
export function kustoBlocks(markdown: string): KustoBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: KustoBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i] ?? '');
    if (open === null) continue;
    const fence = open[2] as string;
    const body: string[] = [];
    let j = i + 1;
    // Closed by a fence of the same character at least as long; an unclosed block runs to the end, as Markdown reads it.
    while (j < lines.length && !isClosing(lines[j] ?? '', fence)) body.push(lines[j++] ?? '');
    blocks.push({ query: body.join('\n'), line: i + 2 });
    i = j;
  }
  return blocks;
}

function isClosing(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed === (fence[0] as string).repeat(trimmed.length);
}
