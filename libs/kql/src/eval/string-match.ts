import type { StringOp } from '../ast';

/** Kusto's terms are runs of ASCII letters and digits: `has` matches a whole term (or a run of them). */
function isTermChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function hasTerm(haystack: string, needle: string): boolean {
  if (needle.length === 0) return true;
  const leftOpen = !isTermChar(needle.charCodeAt(0));
  const rightOpen = !isTermChar(needle.charCodeAt(needle.length - 1));
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const startsTerm = leftOpen || at === 0 || !isTermChar(haystack.charCodeAt(at - 1));
    const endsTerm = rightOpen || end === haystack.length || !isTermChar(haystack.charCodeAt(end));
    if (startsTerm && endsTerm) return true;
  }
  return false;
}

/** The string predicates over already case-folded operands. */
export const stringMatchers: Readonly<Record<StringOp, (haystack: string, needle: string) => boolean>> = {
  contains: (haystack, needle) => haystack.includes(needle),
  has: hasTerm,
  startswith: (haystack, needle) => haystack.startsWith(needle),
  endswith: (haystack, needle) => haystack.endsWith(needle),
};
