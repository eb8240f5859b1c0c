import { parseJsonPathPattern, type PathSegment, type PatternSegment } from './diff-path';
import { compilePathTrie, cursorAt } from './path-trie';

function trie(...patterns: string[]) {
  return compilePathTrie(
    patterns.map((text) => {
      const parsed = parseJsonPathPattern(text);
      if ('error' in parsed) throw new Error(parsed.error);
      return parsed.segments as PatternSegment[];
    }),
  );
}

const matches = (root: ReturnType<typeof trie>, ...segments: PathSegment[]) => cursorAt(root, segments)?.matched === true;

describe('compilePathTrie', () => {
  it('has no cursor without patterns', () => {
    expect(trie()).toBeUndefined();
  });

  it('matches a named path and everything under it, not its parent or siblings', () => {
    const root = trie('$.user.email');
    expect(matches(root, 'user', 'email')).toBe(true);
    expect(matches(root, 'user', 'email', 'domain')).toBe(true);
    expect(matches(root, 'user')).toBe(false);
    expect(matches(root, 'user', 'name')).toBe(false);
    expect(cursorAt(root, ['other'])).toBeUndefined();
  });

  it('matches [*] against any index but not against a key', () => {
    const root = trie('$.reviews[*].id');
    expect(matches(root, 'reviews', 0, 'id')).toBe(true);
    expect(matches(root, 'reviews', 41, 'id')).toBe(true);
    expect(matches(root, 'reviews', '0', 'id')).toBe(false);
    expect(matches(root, 'reviews', 0, 'text')).toBe(false);
  });

  it('follows an exact index and [*] at once', () => {
    const root = trie('$.a[*].x', '$.a[1].y');
    expect(matches(root, 'a', 1, 'x')).toBe(true);
    expect(matches(root, 'a', 1, 'y')).toBe(true);
    expect(matches(root, 'a', 2, 'y')).toBe(false);
  });

  it('matches the root with "$"', () => {
    expect(trie('$')?.matched).toBe(true);
  });
});
