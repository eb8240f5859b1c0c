import { type BodyLayout, scanBody } from './body-layout';

const limits = { maxItemsPerBatch: 100, maxJsonValues: 1_000 };
const scan = (text: string, bounds = limits): BodyLayout => scanBody(text, bounds);
const overMessage = (layout: BodyLayout) => (layout.kind === 'over' ? layout.error.message : `not over: ${layout.kind}`);

describe('scanBody', () => {
  it('returns each array element exactly as written', () => {
    const value = [{ a: 1, b: [1, 2, { c: '}' }] }, 'x', 3, null, [], {}];
    expect(scan(JSON.stringify(value))).toEqual({ kind: 'array', elements: value.map((element) => JSON.stringify(element)) });
  });

  it('is not fooled by brackets, commas, quotes and backslashes inside strings', () => {
    const value = [{ s: 'a,b]}[{' }, { s: 'quote " and \\ and \\" and ,' }, { s: '\\' }, 'end\\\\', { k: '"{[,' }];
    const layout = scan(JSON.stringify(value));
    expect(layout.kind === 'array' && layout.elements.map((item) => JSON.parse(item) as unknown)).toEqual(value);
  });

  it('counts only top-level elements, however deep the nesting', () => {
    const nested = JSON.stringify([{ a: [[1, 2], { b: [3, { c: [4, 5] }] }] }, [6, [7, [8]]]]);
    expect(scan(nested)).toMatchObject({ kind: 'array', elements: { length: 2 } });
  });

  it('drops the whitespace around elements and keeps what is inside them', () => {
    expect(scan(' [ {"a" : 1} ,\t"b"  ] ')).toEqual({ kind: 'array', elements: ['{"a" : 1}', '"b"'] });
    expect(scan('[]')).toEqual({ kind: 'array', elements: [] });
    expect(scan('[ ]')).toEqual({ kind: 'array', elements: [] });
    expect(scan('[\n  {\n    "a": 1\n  },\n  {"b": 2}\n]')).toEqual({ kind: 'array', elements: ['{\n    "a": 1\n  }', '{"b": 2}'] });
  });

  it('tells one value, newline-delimited JSON and an empty body apart', () => {
    expect(scan('{"a": [1, 2]}')).toEqual({ kind: 'value' });
    expect(scan('{\n  "a": 1\n}\n')).toEqual({ kind: 'value' });
    expect(scan('42')).toEqual({ kind: 'value' });
    expect(scan('{"a": 1}\n{"b": "x,]"}\r\n\n{oops\n')).toEqual({ kind: 'lines', lines: ['{"a": 1}', '{"b": "x,]"}', '{oops'] });
    expect(scan('[1]\n[2]')).toEqual({ kind: 'lines', lines: ['[1]', '[2]'] });
    expect(scan('1 2')).toEqual({ kind: 'lines', lines: ['1 2'] });
    expect(scan(' \n\t ')).toEqual({ kind: 'empty' });
  });

  it('reads a malformed body by its lines rather than as one value', () => {
    expect(scan('[{"name": ')).toEqual({ kind: 'lines', lines: ['[{"name":'] });
    expect(scan('{"a": 1}}')).toEqual({ kind: 'lines', lines: ['{"a": 1}}'] });
  });

  it('stops at the item bound, in an array or in lines', () => {
    const bounds = { maxItemsPerBatch: 3, maxJsonValues: 1_000 };
    expect(scan('[1, 2, 3]', bounds)).toMatchObject({ kind: 'array' });
    expect(overMessage(scan('[1, 2, 3, 4]', bounds))).toBe('batch has more than 3 items (MAX_ITEMS_PER_BATCH); nothing was stored');
    expect(overMessage(scan('{}\n{}\n\n{}\n{}', bounds))).toContain('MAX_ITEMS_PER_BATCH');
    // Counted as far as the bound, before the end is read: an unfinished array is still over.
    expect(overMessage(scan(`[${'0,'.repeat(10)}`, bounds))).toContain('MAX_ITEMS_PER_BATCH');
  });

  it('stops at the JSON value bound, whatever the item count', () => {
    const bounds = { maxItemsPerBatch: 3, maxJsonValues: 20 };
    expect(scan(`[${'['.repeat(18)}${']'.repeat(18)}]`, bounds)).toMatchObject({ kind: 'array' });
    expect(overMessage(scan(`[${'['.repeat(50)}${']'.repeat(50)}]`, bounds))).toContain('MAX_JSON_VALUES');
    expect(overMessage(scan(`{${Array.from({ length: 30 }, (_, i) => `"k${i}":0`).join(',')}}`, bounds))).toContain('MAX_JSON_VALUES');
    // Separators inside strings are not values.
    expect(scan(`["${',{['.repeat(100)}"]`, bounds)).toMatchObject({ kind: 'array' });
  });

  it('does not let an unclosed string hide the lines after it from the counts', () => {
    const bounds = { maxItemsPerBatch: 1_000, maxJsonValues: 20 };
    expect(overMessage(scan(`{"a": "unclosed\n${'[[[[[\n'.repeat(10)}`, bounds))).toContain('MAX_JSON_VALUES');
    expect(scan('{"a": "x\n"}\n{"b": 1}', bounds)).toEqual({ kind: 'lines', lines: ['{"a": "x', '"}', '{"b": 1}'] });
  });

  it('scans escaped quotes on many lines in linear time', () => {
    const text = `"${'\\"\n'.repeat(200_000)}`;
    const started = performance.now();
    expect(scan(text, { maxItemsPerBatch: 1_000_000, maxJsonValues: 1_000 })).toMatchObject({ kind: 'lines' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
