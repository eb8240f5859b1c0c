import { ANY_INDEX, type PathSegment, type PatternSegment } from './diff-path';

/**
 * Where a walk of a JSON value stands against a set of path patterns. A walk asks each
 * child once, so checking a body against the rules costs one step per node (not one match
 * of every rule per node), and a subtree no rule reaches into is left at once (`undefined`).
 */
export interface PathCursor {
  /** A pattern names this path: it and everything under it. */
  readonly matched: boolean;
  /** The cursor one segment further down; undefined when no pattern goes there. */
  child(segment: PathSegment): PathCursor | undefined;
}

/** A node of the patterns' trie is its own cursor: a walk allocates nothing on the common path. */
class TrieNode implements PathCursor {
  terminal = false;
  readonly keys = new Map<string, TrieNode>();
  readonly indexes = new Map<number, TrieNode>();
  anyIndex: TrieNode | undefined;

  get matched(): boolean {
    return this.terminal;
  }

  child(segment: PathSegment): PathCursor | undefined {
    if (typeof segment === 'string') return this.keys.get(segment);
    const exact = this.indexes.get(segment);
    if (exact !== undefined && this.anyIndex !== undefined) return new NodesCursor([exact, this.anyIndex]);
    return exact ?? this.anyIndex;
  }
}

/** Where both `[*]` and an exact index lead on from one array: several nodes at once. */
class NodesCursor implements PathCursor {
  readonly matched: boolean;

  constructor(private readonly nodes: readonly TrieNode[]) {
    this.matched = nodes.some((node) => node.terminal);
  }

  child(segment: PathSegment): PathCursor | undefined {
    const next: TrieNode[] = [];
    for (const node of this.nodes) {
      if (typeof segment === 'string') {
        const keyed = node.keys.get(segment);
        if (keyed !== undefined) next.push(keyed);
      } else {
        const indexed = node.indexes.get(segment);
        if (indexed !== undefined) next.push(indexed);
        if (node.anyIndex !== undefined) next.push(node.anyIndex);
      }
    }
    return next.length <= 1 ? next[0] : new NodesCursor(next);
  }
}

/** The root cursor of a set of patterns; undefined when there are none. */
export function compilePathTrie(patterns: readonly (readonly PatternSegment[])[]): PathCursor | undefined {
  if (patterns.length === 0) return undefined;
  const root = new TrieNode();
  for (const pattern of patterns) {
    let node = root;
    for (const segment of pattern) node = step(node, segment);
    node.terminal = true;
  }
  return root;
}

function step(node: TrieNode, segment: PatternSegment): TrieNode {
  if (segment === ANY_INDEX) return (node.anyIndex ??= new TrieNode());
  if (typeof segment === 'string') return entry(node.keys, segment);
  return entry(node.indexes, segment);
}

function entry<K>(map: Map<K, TrieNode>, key: K): TrieNode {
  let next = map.get(key);
  if (next === undefined) map.set(key, (next = new TrieNode()));
  return next;
}

/** The cursor at the end of `segments`, or `matched` as soon as a prefix is named; undefined when no pattern reaches. */
export function cursorAt(root: PathCursor | undefined, segments: readonly PathSegment[]): PathCursor | undefined {
  let cursor = root;
  for (const segment of segments) {
    if (cursor === undefined || cursor.matched) return cursor;
    cursor = cursor.child(segment);
  }
  return cursor;
}
