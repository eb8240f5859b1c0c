import { REDACTED } from '../config/redact-config';
import { compileCompareRules } from './compare-rules';
import { DIFF_EXAMPLE_LIMITS, exampleValue, truncateText } from './diff-example';

const rules = compileCompareRules({ redact: ['$.user.email', '$.cards[*].number', 'x-api-key'] });

describe('exampleValue', () => {
  it('shows an absent value as null', () => {
    expect(exampleValue('$.a', undefined, rules)).toBeNull();
  });

  it('redacts credential headers always, and the headers the rules name', () => {
    expect(exampleValue('headers.set-cookie', 'session=secret', rules)).toBe(REDACTED);
    expect(exampleValue('headers.x-api-key', 'k', rules)).toBe(REDACTED);
    expect(exampleValue('headers.x-other', 'v', rules)).toBe('v');
    expect(REDACTED).toBe('<redacted>'); // the marker GET /config and the access log use
  });

  it('redacts a named body path, anything under it, and named paths inside a larger value', () => {
    expect(exampleValue('$.user.email', 'a@b.c', rules)).toBe(REDACTED);
    expect(exampleValue('$.user.email.domain', 'b.c', rules)).toBe(REDACTED);
    expect(exampleValue('$.user', { name: 'Ann', email: 'a@b.c' }, rules)).toEqual({ name: 'Ann', email: REDACTED });
    expect(exampleValue('$', { cards: [{ number: '4111', kind: 'visa' }] }, rules)).toEqual({
      cards: [{ number: REDACTED, kind: 'visa' }],
    });
    expect(exampleValue('$.user.name', 'Ann', rules)).toBe('Ann');
  });

  it('cuts strings to 200 characters, the last one "…"', () => {
    const shown = exampleValue('$.text', 'y'.repeat(500), rules) as string;
    expect(shown).toHaveLength(DIFF_EXAMPLE_LIMITS.stringChars);
    expect(shown.endsWith('y…')).toBe(true);
    expect(exampleValue('$.text', 'y'.repeat(200), rules)).toBe('y'.repeat(200));
  });

  it('never cuts a surrogate pair in half', () => {
    const cut = truncateText(`${'a'.repeat(198)}😀tail`, 200);
    expect(cut).toBe(`${'a'.repeat(198)}…`);
  });

  it('bounds a large value: a few levels deep, a few dozen values in all', () => {
    const deep = { a: { b: { c: { d: 1 } } }, list: [[[[1]]]] };
    expect(exampleValue('$', deep, rules)).toEqual({ a: { b: { c: '[object of 1 key]' } }, list: [['[array of 1 item]']] });
    const wide = Array.from({ length: 500 }, (_, i) => i);
    const shown = exampleValue('$', wide, rules) as unknown[];
    expect(shown).toHaveLength(DIFF_EXAMPLE_LIMITS.values + 1);
    expect(shown.at(-1)).toBe(`[${500 - DIFF_EXAMPLE_LIMITS.values} more items]`);
    const keys = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, i]));
    expect(exampleValue('$', keys, rules)).toMatchObject({ '…': `[${80 - DIFF_EXAMPLE_LIMITS.values} more keys]` });
  });

  it('keeps a "__proto__" key a plain key', () => {
    const value = JSON.parse('{"__proto__":{"x":1}}') as { readonly [key: string]: never };
    const shown = exampleValue('$', value, rules) as object;
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect(JSON.stringify(shown)).toBe('{"__proto__":{"x":1}}');
  });
});
