import { type JsonValue } from './diff-report';
import { parseJsonPath, parseJsonPathPattern, type PathSegment, type PatternSegment } from './diff-path';
import { diffJson, jsonEqual, JSON_DIFF_LIMITS, TRUNCATED_DIFF_TEXT } from './json-diff';
import { compilePathTrie } from './path-trie';

const ignoring = (...patterns: string[]) =>
  compilePathTrie(patterns.map((text) => (parseJsonPathPattern(text) as { segments: PatternSegment[] }).segments));

const book = {
  id: 1,
  title: 'The Comedy of Errors',
  year: 1595,
  reviews: [
    { id: 'r1', reviewer: 'Reviewer1', text: 'An extremely entertaining play', rating: 5 },
    { id: 'r2', reviewer: 'Reviewer2', text: 'Absolutely fun and entertaining', rating: 4 },
  ],
};

describe('diffJson', () => {
  it('finds nothing between equal values, whatever the key order, and 1 equals 1.0', () => {
    const reordered = JSON.parse(
      '{"reviews":[{"rating":5,"text":"An extremely entertaining play","reviewer":"Reviewer1","id":"r1"},' +
        '{"rating":4.0,"text":"Absolutely fun and entertaining","reviewer":"Reviewer2","id":"r2"}],"year":1595.0,"title":"The Comedy of Errors","id":1}',
    ) as JsonValue;
    expect(diffJson(book, reordered)).toEqual([]);
  });

  it('reports a renamed field as removed and added at exactly those paths', () => {
    const renamed = { ...book, reviews: book.reviews.map(({ rating, ...rest }) => ({ ...rest, stars: rating })) };
    expect(diffJson(book, renamed)).toEqual([
      { path: '$.reviews[0].rating', kind: 'removed', live: 5, other: undefined },
      { path: '$.reviews[0].stars', kind: 'added', live: undefined, other: 5 },
      { path: '$.reviews[1].rating', kind: 'removed', live: 4, other: undefined },
      { path: '$.reviews[1].stars', kind: 'added', live: undefined, other: 4 },
    ]);
  });

  it('reports number to string as type-changed, and a changed value as value-changed', () => {
    expect(diffJson(book, { ...book, year: '1595', title: 'Hamlet' })).toEqual([
      { path: '$.title', kind: 'value-changed', live: 'The Comedy of Errors', other: 'Hamlet' },
      { path: '$.year', kind: 'type-changed', live: 1595, other: '1595' },
    ]);
  });

  it.each([
    ['null and object', null, {}],
    ['array and object', [], {}],
    ['boolean and string', true, 'true'],
    ['number and null', 0, null],
  ])('tells %s apart as type-changed', (_, a, b) => {
    expect(diffJson({ v: a }, { v: b })).toEqual([{ path: '$.v', kind: 'type-changed', live: a, other: b }]);
  });

  it('compares arrays by index: a longer one adds, a shorter one removes', () => {
    expect(diffJson([1, 2], [1, 2, 3, [4]])).toEqual([
      { path: '$[2]', kind: 'added', live: undefined, other: 3 },
      { path: '$[3]', kind: 'added', live: undefined, other: [4] },
    ]);
    expect(diffJson([1, 2, 3], [1])).toEqual([
      { path: '$[1]', kind: 'removed', live: 2, other: undefined },
      { path: '$[2]', kind: 'removed', live: 3, other: undefined },
    ]);
  });

  it('writes keys that are not identifiers in brackets', () => {
    expect(diffJson({ 'a b': { 'x-id': 1 } }, { 'a b': { 'x-id': 2 } })).toEqual([
      { path: '$["a b"]["x-id"]', kind: 'value-changed', live: 1, other: 2 },
    ]);
  });

  it('keeps a "__proto__" key a plain key', () => {
    const a = JSON.parse('{"__proto__":{"x":1}}') as JsonValue;
    const b = JSON.parse('{"__proto__":{"x":2}}') as JsonValue;
    expect(diffJson(a, b)).toEqual([{ path: '$.__proto__.x', kind: 'value-changed', live: 1, other: 2 }]);
    expect(diffJson(a, {})).toEqual([{ path: '$.__proto__', kind: 'removed', live: { x: 1 }, other: undefined }]);
  });

  it('drops ignored paths and everything under them, [*] matching every index', () => {
    const live: JsonValue = {
      servedAt: 'a',
      reviews: [
        { id: 'x', meta: { at: 1 }, rating: 5 },
        { id: 'y', meta: { at: 2 } },
      ],
    };
    const other: JsonValue = { servedAt: 'b', reviews: [{ id: 'z', meta: { at: 3 }, rating: 4 }, { id: 'w' }] };
    expect(diffJson(live, other, { ignore: ignoring('$.servedAt', '$.reviews[*].id', '$.reviews[*].meta') })).toEqual([
      { path: '$.reviews[0].rating', kind: 'value-changed', live: 5, other: 4 },
    ]);
    expect(diffJson(live, other, { ignore: ignoring('$') })).toEqual([]);
  });

  it('stops after maxDifferences with one "$" entry marked truncated', () => {
    const many = (offset: number) => Array.from({ length: JSON_DIFF_LIMITS.maxDifferences + 500 }, (_, i) => i + offset);
    const out = diffJson(many(0), many(1));
    expect(out).toHaveLength(JSON_DIFF_LIMITS.maxDifferences + 1);
    expect(out[JSON_DIFF_LIMITS.maxDifferences - 1]?.path).toBe(`$[${JSON_DIFF_LIMITS.maxDifferences - 1}]`);
    expect(out.at(-1)).toEqual({
      path: '$',
      kind: 'value-changed',
      live: TRUNCATED_DIFF_TEXT,
      other: TRUNCATED_DIFF_TEXT,
      truncated: 'max-differences',
    });
    expect(diffJson([1, 2, 3], [2, 3, 4], { maxDifferences: 3 })).toHaveLength(3);
  });

  it('compares containers past maxDepth whole, without recursion, as one truncated entry', () => {
    const nest = (depth: number, leaf: JsonValue): JsonValue => {
      let value = leaf;
      for (let i = 0; i < depth; i += 1) value = { n: value };
      return value;
    };
    expect(diffJson(nest(100_000, 1), nest(100_000, 1))).toEqual([]);
    const out = diffJson(nest(100_000, 1), nest(100_000, 2));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ path: `$${'.n'.repeat(JSON_DIFF_LIMITS.maxDepth)}`, kind: 'value-changed', truncated: 'max-depth' });
    expect(diffJson(nest(3, [1]), nest(3, [2]), { maxDepth: 2 })[0]).toMatchObject({ path: '$.n.n', truncated: 'max-depth' });
  });
});

describe('jsonEqual', () => {
  it('is equality by value', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, c: 3 }, { a: 1, b: 3 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
  });
});

function valueAt(value: JsonValue | undefined, segments: readonly PathSegment[]): JsonValue | undefined {
  let at = value;
  for (const segment of segments) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, segment)) return undefined;
    at = (at as Record<string | number, JsonValue>)[segment];
  }
  return at;
}

/** A seeded generator: the corpus is the same on every run, and a failure names its seed. */
function random(seed: number) {
  // Spread small seeds over 32 bits, then skip the first outputs (xorshift starts slowly).
  let state = Math.imul(seed, 0x9e3779b9) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < 8; i += 1) next();
  return next;
}

function generate(next: () => number, depth: number): JsonValue {
  // A container at the root, scalars only deep down.
  const pick = depth === 0 ? 4 + Math.floor(next() * 2) : Math.floor(next() * (depth > 4 ? 4 : 6));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return next() < 0.5 ? Math.floor(next() * 1000) - 500 : next() * 1e6;
    case 3:
      return Array.from({ length: Math.floor(next() * 6) }, () => String.fromCharCode(32 + Math.floor(next() * 95))).join('');
    case 4:
      return Array.from({ length: Math.floor(next() * 5) }, () => generate(next, depth + 1));
    default: {
      const keys = ['id', 'a b', 'x-y', '0', '', 'rating', '__proto__', 'é'];
      const object: Record<string, JsonValue> = {};
      for (let i = Math.floor(next() * 5); i > 0; i -= 1) {
        Object.defineProperty(object, keys[Math.floor(next() * keys.length)] ?? 'k', {
          value: generate(next, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
  }
}

describe('diffJson over a generated corpus', () => {
  it('generates varied values (else the next test proves little)', () => {
    const texts = Array.from({ length: 200 }, (_, i) => JSON.stringify(generate(random(i + 1), 0)));
    expect(new Set(texts.map((text) => text[0]))).toEqual(new Set(['[', '{']));
    expect(texts.filter((text) => text.length > 40).length).toBeGreaterThan(40);
  });

  it.each(Array.from({ length: 200 }, (_, i) => i + 1))(
    'finds no difference between a value and its own JSON round-trip (seed %i)',
    (seed) => {
      const value = generate(random(seed), 0);
      expect(diffJson(value, value)).toEqual([]);
      expect(diffJson(value, JSON.parse(JSON.stringify(value)) as JsonValue)).toEqual([]);
      expect(jsonEqual(value, JSON.parse(JSON.stringify(value)) as JsonValue)).toBe(true);
    },
  );

  it('finds a difference between different values of the corpus', () => {
    let differing = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const [a, b] = [generate(random(seed), 0), generate(random(seed + 1000), 0)];
      const equal = JSON.stringify(a) === JSON.stringify(b);
      const differences = diffJson(a, b);
      expect(differences.length === 0).toBe(equal);
      if (!equal) differing += 1;
      // Every path leads to the values reported, in both.
      for (const difference of differences) {
        const parsed = parseJsonPath(difference.path);
        if ('error' in parsed) throw new Error(`${difference.path}: ${parsed.error}`);
        expect([valueAt(a, parsed.segments), valueAt(b, parsed.segments)]).toEqual([difference.live, difference.other]);
      }
    }
    expect(differing).toBeGreaterThan(100);
  });
});
