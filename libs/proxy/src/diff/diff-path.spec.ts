import { ANY_INDEX, formatJsonPath, MAX_JSON_PATH_LENGTH, parseJsonPath, parseJsonPathPattern } from './diff-path';

describe('formatJsonPath', () => {
  it('writes identifier keys with ".", other keys as JSON strings in brackets, indexes in brackets', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['reviews', 0, 'rating'])).toBe('$.reviews[0].rating');
    expect(formatJsonPath(['a b', 'x-id', '0', '', 'quote"d'])).toBe('$["a b"]["x-id"]["0"][""]["quote\\"d"]');
  });

  it('round-trips through parseJsonPath', () => {
    const segments = ['reviews', 12, 'a b', 'é', 'line\nbreak', '$', '[*]'];
    expect(parseJsonPath(formatJsonPath(segments))).toEqual({ segments });
  });
});

describe('parseJsonPathPattern', () => {
  it('reads [*] as any index, in rules only', () => {
    expect(parseJsonPathPattern('$.reviews[*].id')).toEqual({ segments: ['reviews', ANY_INDEX, 'id'] });
    expect(parseJsonPath('$.reviews[*].id')).toEqual({ error: '"[*]" at character 9 is for rules only' });
  });

  it.each([
    ['$.a[', 'unclosed "[" at character 3'],
    ['$.a[0', 'unclosed "[" at character 3'],
    ['$.a[*', 'unclosed "[" at character 3'],
    ['$["a"', 'unclosed "[" at character 1'],
    ['$["a', 'unclosed string at character 2'],
    ['$["\\q"]', 'invalid string at character 2'],
    ['$.', 'expected a name after "." at character 2 (write ["key"] for other keys)'],
    ['$.x-id', 'unexpected "-" at character 3 (expected "." or "[")'],
    ['$a', 'unexpected "a" at character 1 (expected "." or "[")'],
    ['$[]', 'expected an index, "*" or a quoted key after "[" at character 1'],
    ['$[99999999999999999999]', 'index too large at character 2'],
    ['a.b', 'must start with "$"'],
  ])('refuses %j: %s', (text, error) => {
    expect(parseJsonPathPattern(text)).toEqual({ error });
  });

  it('refuses a path longer than the bound', () => {
    expect(parseJsonPathPattern(`$.${'a'.repeat(MAX_JSON_PATH_LENGTH)}`)).toEqual({
      error: `longer than ${MAX_JSON_PATH_LENGTH} characters`,
    });
  });
});
