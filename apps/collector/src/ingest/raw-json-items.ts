const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * The source text of each element of a JSON array that JSON.parse has already accepted, so
 * that an accepted item can be stored exactly as it was sent instead of being serialised
 * again (which cost the collector as much CPU as parsing). An element that spans lines
 * (pretty-printed input) is `undefined`: the store keeps one item per line, so the caller
 * serialises that one. Returns undefined when `text` is not an array of `count` elements.
 * Only structure is tracked (strings, nesting, top-level commas): the syntax is already valid.
 */
export function rawArrayItems(text: string, count: number): (string | undefined)[] | undefined {
  const open = text.indexOf('[');
  if (open < 0 || text.slice(0, open).trim() !== '') return undefined;
  const items: (string | undefined)[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = closingQuote(text, i);
      continue;
    }
    if (code === OPEN_BRACKET || code === OPEN_BRACE) depth += 1;
    else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      depth -= 1;
      if (depth === 0) {
        const last = text.slice(start, i).trim();
        if (last !== '' || items.length > 0) items.push(singleLine(last));
        return items.length === count ? items : undefined;
      }
    } else if (code === COMMA && depth === 1) {
      items.push(singleLine(text.slice(start, i).trim()));
      start = i + 1;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opened at `open`. */
function closingQuote(text: string, open: number): number {
  let i = text.indexOf('"', open + 1);
  while (i > 0) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return i;
    i = text.indexOf('"', i + 1);
  }
  return text.length;
}

function singleLine(raw: string): string | undefined {
  return raw.includes('\n') || raw.includes('\r') ? undefined : raw;
}
