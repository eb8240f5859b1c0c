import { rawArrayItems } from './raw-json-items';

describe('rawArrayItems', () => {
  const roundTrip = (value: unknown[]) => {
    const text = JSON.stringify(value);
    return { text, items: rawArrayItems(text, value.length) };
  };

  it('returns each element exactly as written', () => {
    const value = [{ a: 1, b: [1, 2, { c: '}' }] }, 'x', 3, null, [], {}];
    const { items } = roundTrip(value);
    expect(items).toEqual(value.map((element) => JSON.stringify(element)));
  });

  it('is not fooled by brackets, commas, quotes and backslashes inside strings', () => {
    const value = [{ s: 'a,b]}[{' }, { s: 'quote " and \\ and \\" and ,' }, { s: '\\' }, 'end\\\\'];
    const { items } = roundTrip(value);
    expect(items?.map((item) => JSON.parse(item ?? 'null') as unknown)).toEqual(value);
  });

  it('drops the whitespace around elements and keeps what is inside them', () => {
    expect(rawArrayItems(' [ {"a" : 1} ,\t"b"  ] ', 2)).toEqual(['{"a" : 1}', '"b"']);
    expect(rawArrayItems('[]', 0)).toEqual([]);
    expect(rawArrayItems('[ ]', 0)).toEqual([]);
  });

  it('marks an element that spans lines, which a line-based store cannot keep as written', () => {
    expect(rawArrayItems('[\n  {\n    "a": 1\n  },\n  {"b": 2}\n]', 2)).toEqual([undefined, '{"b": 2}']);
  });

  it('gives up when the text is not the array that was parsed', () => {
    expect(rawArrayItems('{"a": 1}', 1)).toBeUndefined();
    expect(rawArrayItems('[1, 2]', 3)).toBeUndefined();
  });
});
