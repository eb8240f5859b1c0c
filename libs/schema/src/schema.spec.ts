import { s, SchemaError, parseEnv, type Infer } from './index';

describe('schema', () => {
  const route = s.object({
    name: s.string({ minLength: 1 }),
    mirror: s
      .object({
        cluster: s.string({ minLength: 1 }),
        percentage: s.number({ min: 0, max: 100 }).default(100),
      })
      .optional(),
  });
  const config = s.object({ routes: s.array(route, { minItems: 1 }) });

  it('returns the typed value with defaults applied', () => {
    const value: Infer<typeof config> = config.parse({ routes: [{ name: 'a', mirror: { cluster: 'm' } }] });
    expect(value).toEqual({ routes: [{ name: 'a', mirror: { cluster: 'm', percentage: 100 } }] });
  });

  it('names the path and the rule of every broken rule', () => {
    const result = config.safeParse({ routes: [{ name: 'a' }, { name: '', mirror: { cluster: 'm', percentage: 120 } }] });
    expect(result.ok).toBe(false);
    expect(() => config.parse({ routes: [{ name: 'a' }, { name: '', mirror: { cluster: 'm', percentage: 120 } }] })).toThrow(
      new SchemaError([
        { path: ['routes', 1, 'name'], message: 'must not be empty' },
        { path: ['routes', 1, 'mirror', 'percentage'], message: 'must be a number between 0 and 100' },
      ]),
    );
  });

  it('gives every issue its own path, however deep and however many siblings fail', () => {
    const even = s.integer().refine((n) => (n % 2 === 0 ? undefined : 'must be even'));
    const nested = s.object({ lists: s.array(s.record(even)), name: s.string(), extra: s.object({ on: s.boolean() }) });
    const result = nested.safeParse({ lists: [{ a: 2, b: 3 }, { c: 'x' }], name: 1, extra: {} });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual([
      { path: ['lists', 0, 'b'], message: 'must be even' },
      { path: ['lists', 1, 'c'], message: 'must be an integer' },
      { path: ['name'], message: 'must be a string (got a number)' },
      { path: ['extra', 'on'], message: 'is required' },
    ]);
    // The same schema checks the next input from a clean start.
    expect(nested.parse({ lists: [{ a: 4 }], name: 'n', extra: { on: true } })).toEqual({
      lists: [{ a: 4 }],
      name: 'n',
      extra: { on: true },
    });
  });

  it('formats paths as people write them', () => {
    try {
      config.parse({ routes: [{ name: 'a', mirror: { cluster: 'm', percentage: -1 } }] });
      throw new Error('expected a SchemaError');
    } catch (error) {
      expect((error as Error).message).toBe('routes[0].mirror.percentage must be a number between 0 and 100');
    }
  });

  it('rejects unknown keys so that typos are not silently ignored', () => {
    expect(() => config.parse({ routes: [{ name: 'a', mirrorPercentge: 5 }] })).toThrow(
      'routes[0].mirrorPercentge is not a known key (expected one of: name, mirror)',
    );
  });

  it('reports a missing required key and a wrong type without echoing the value', () => {
    expect(() => config.parse({})).toThrow('routes is required');
    expect(() => config.parse({ routes: 'secret-token' })).toThrow('routes must be an array (got a string)');
    expect(() => config.parse(null, 'config')).toThrow('config must be an object (got null)');
  });

  it('quotes keys that are not identifiers', () => {
    const headers = s.record(s.string());
    expect(() => headers.parse({ 'x-mirror': 1 })).toThrow('["x-mirror"] must be a string (got a number)');
  });

  it('checks refinements only on otherwise valid values', () => {
    const even = s.integer().refine((n) => (n % 2 === 0 ? undefined : 'must be even'));
    expect(even.parse(4)).toBe(4);
    expect(() => even.parse(3)).toThrow('value must be even');
    expect(() => even.parse('x')).toThrow('value must be an integer');
  });

  it('offers one of a fixed set of values', () => {
    expect(() => s.oneOf(['live', 'delay']).parse('slow')).toThrow('value must be one of "live", "delay"');
  });
});

describe('parseEnv', () => {
  const shape = {
    PORT: s.integer({ min: 0, max: 65535, fromString: true }).default(8080),
    VARIANT: s.oneOf(['live', 'delay', 'fault']).default('live'),
    IDS: s.commaList(s.integer({ min: 1, fromString: true })).default([2, 4]),
    DEBUG: s.boolean({ fromString: true }).default(false),
  };

  it('applies defaults, treating empty strings as unset', () => {
    expect(parseEnv(shape, { PORT: '', PATH: '/bin' })).toEqual({ PORT: 8080, VARIANT: 'live', IDS: [2, 4], DEBUG: false });
  });

  it('coerces strings', () => {
    expect(parseEnv(shape, { PORT: '0', IDS: '1, 3,5', DEBUG: 'true' })).toEqual({ PORT: 0, VARIANT: 'live', IDS: [1, 3, 5], DEBUG: true });
  });

  it('names each bad variable and its rule', () => {
    expect(() => parseEnv(shape, { PORT: 'abc', VARIANT: 'slow', IDS: '2,x', DEBUG: 'maybe' })).toThrow(
      [
        'PORT must be an integer between 0 and 65535',
        'VARIANT must be one of "live", "delay", "fault"',
        'IDS[1] must be an integer greater than or equal to 1',
        'DEBUG must be true or false',
      ].join('\n'),
    );
  });
});

describe('inferred types', () => {
  it('makes defaulted keys required and optional keys optional in the parsed value', () => {
    const shape = s.object({ a: s.integer().default(1), b: s.integer().optional() });
    const value = shape.parse({});
    // Compile-time checks: `a` is a number (not number | undefined); `b` may be absent.
    const a: number = value.a;
    const b: number | undefined = value.b;
    expect([a, b]).toEqual([1, undefined]);
    expect('b' in value).toBe(false);
  });
});
