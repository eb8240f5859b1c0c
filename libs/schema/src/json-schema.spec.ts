import { s } from './index';

describe('toJsonSchema (draft 2020-12)', () => {
  it('closes objects, lists required keys and carries defaults, ranges, patterns and enums', () => {
    const schema = s.object({
      name: s.string({ minLength: 1, maxLength: 8, pattern: /^[a-z]+$/ }),
      port: s.integer({ min: 1, max: 65535 }).default(8080),
      ratio: s.number({ max: 1 }).optional(),
      mode: s.oneOf(['a', 'b']).describe('How it runs.').default('a'),
      tags: s.array(s.string(), { minItems: 1, maxItems: 3 }).optional(),
      headers: s.record(s.string(), s.string({ pattern: /^[a-z-]+$/ })).optional(),
    });
    expect(schema.toJsonSchema()).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 8, pattern: '^[a-z]+$' },
        port: { type: 'integer', minimum: 1, maximum: 65535, default: 8080 },
        ratio: { type: 'number', maximum: 1 },
        mode: { enum: ['a', 'b'], description: 'How it runs.', default: 'a' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 },
        headers: { type: 'object', propertyNames: { type: 'string', pattern: '^[a-z-]+$' }, additionalProperties: { type: 'string' } },
      },
      required: ['name'],
      additionalProperties: false,
    });
  });

  it('leaves an object open when it strips unknown keys, and says what refine and transform accept as input', () => {
    expect(s.object({ a: s.string() }, { unknownKeys: 'strip' }).toJsonSchema()).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
    });
    expect(
      s
        .string({ minLength: 1 })
        .refine(() => undefined)
        .toJsonSchema(),
    ).toEqual({ type: 'string', minLength: 1 });
    expect(s.string().transform(Number).toJsonSchema()).toEqual({ type: 'string' });
  });

  it('accepts the strings environment variables carry where the schema does', () => {
    const { anyOf } = s.boolean({ fromString: true }).toJsonSchema() as { anyOf: [unknown, { pattern: string }] };
    expect(new RegExp(anyOf[1].pattern).test(' TRUE ')).toBe(true);
    expect(s.integer({ fromString: true }).toJsonSchema()).toEqual({
      anyOf: [{ type: 'integer' }, { type: 'string', pattern: expect.any(String) as string }],
    });
    expect(s.commaList(s.integer()).toJsonSchema()).toEqual({ anyOf: [{ type: 'array', items: { type: 'integer' } }, { type: 'string' }] });
  });
});
