import { diffAnswers, isJsonMediaType, TEXT_EXCERPT_CHARS } from './answer-diff';
import { type CapturedAnswer } from './captured-answer';
import { compileCompareRules } from './compare-rules';

function answer(body: unknown, overrides: Partial<CapturedAnswer> = {}): CapturedAnswer {
  const buffer = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', date: 'Tue, 01 Dec 2026 04:00:00 GMT', 'x-request-id': 'r1' },
    body: buffer,
    contentType: 'application/json; charset=utf-8',
    requestId: 'r1',
    ...overrides,
  };
}

const text = (body: string, overrides: Partial<CapturedAnswer> = {}) =>
  answer(body, { contentType: 'text/plain', headers: { 'content-type': 'text/plain' }, ...overrides });

describe('diffAnswers', () => {
  it('finds nothing between identical answers, whatever their date and request id', () => {
    const live = answer({ id: 1, reviews: [{ rating: 5 }] });
    const other = answer({ reviews: [{ rating: 5.0 }], id: 1 }, { headers: { ...live.headers, date: 'later', 'x-request-id': 'r2' } });
    expect(diffAnswers(live, other)).toEqual([]);
  });

  it('reports the status, then headers not ignored, then the body', () => {
    const live = answer({ a: 1 }, { headers: { 'x-powered-by': 'v1', 'x-gone': '1', 'content-type': 'application/json' } });
    const other = answer({ a: 2 }, { status: 500, headers: { 'x-powered-by': 'v2', 'x-new': '1', 'content-type': 'application/json' } });
    expect(diffAnswers(live, other)).toEqual([
      { path: 'status', kind: 'value-changed', live: 200, other: 500 },
      { path: 'headers.x-powered-by', kind: 'value-changed', live: 'v1', other: 'v2' },
      { path: 'headers.x-gone', kind: 'removed', live: '1', other: undefined },
      { path: 'headers.x-new', kind: 'added', live: undefined, other: '1' },
      { path: '$.a', kind: 'value-changed', live: 1, other: 2 },
    ]);
    const rules = compileCompareRules({ ignore: ['X-Powered-By', 'x-new', 'x-gone', '$.a'] });
    expect(diffAnswers(live, other, rules)).toEqual([{ path: 'status', kind: 'value-changed', live: 200, other: 500 }]);
  });

  it('ignores nested paths with [*] (the schema-change scenario)', () => {
    const live = answer({
      servedAt: '2026-12-01T04:00:00.000Z',
      reviews: [
        { id: 'a', rating: 5 },
        { id: 'b', rating: 4 },
      ],
    });
    const other = answer({
      servedAt: '2026-12-01T04:00:00.007Z',
      reviews: [
        { id: 'c', stars: 5 },
        { id: 'd', stars: 4 },
      ],
    });
    const rules = compileCompareRules({ ignore: ['$.servedAt', '$.reviews[*].id'] });
    expect(diffAnswers(live, other, rules).map((d) => `${d.kind} ${d.path}`)).toEqual([
      'removed $.reviews[0].rating',
      'added $.reviews[0].stars',
      'removed $.reviews[1].rating',
      'added $.reviews[1].stars',
    ]);
  });

  it('compares status and headers only when a body was over maxBodyBytes', () => {
    const live = answer(undefined);
    const other = answer({ anything: true }, { status: 201 });
    expect(diffAnswers(live, other)).toEqual([{ path: 'status', kind: 'value-changed', live: 200, other: 201 }]);
    expect(diffAnswers(other, live)).toEqual([{ path: 'status', kind: 'value-changed', live: 201, other: 200 }]);
  });

  it('compares bodies that both parse as JSON structurally, whatever their content type', () => {
    expect(diffAnswers(text('{"a":1}'), text('{"a": 1.0}'))).toEqual([]);
    expect(diffAnswers(text('[1]'), text('[2]'))).toEqual([{ path: '$[0]', kind: 'value-changed', live: 1, other: 2 }]);
  });

  it('reports a JSON answer that does not parse on one side as type-changed at "$"', () => {
    const live = answer({ ok: true });
    const other = answer('<html>oops</html>', { contentType: 'text/html' });
    expect(diffAnswers(live, other)).toEqual([{ path: '$', kind: 'type-changed', live: { ok: true }, other: '<html>oops</html>' }]);
    expect(diffAnswers(other, live)).toEqual([{ path: '$', kind: 'type-changed', live: '<html>oops</html>', other: { ok: true } }]);
  });

  it('compares other bodies as text: "$", value-changed, an excerpt from a little before the first difference', () => {
    expect(diffAnswers(text('hello world'), text('hello there'))).toEqual([
      { path: '$', kind: 'value-changed', live: 'hello world', other: 'hello there' },
    ]);
    // Neither says JSON and only one parses: text, not type-changed.
    expect(diffAnswers(text('42'), text('forty-two'))).toEqual([{ path: '$', kind: 'value-changed', live: '42', other: 'forty-two' }]);
    const long = 'x'.repeat(1000);
    const [difference] = diffAnswers(text(`${long}A${long}`), text(`${long}B${long}`));
    expect(difference).toMatchObject({ path: '$', kind: 'value-changed' });
    expect(difference?.live).toHaveLength(TEXT_EXCERPT_CHARS);
  });

  it('shows a body that is not UTF-8 by its size', () => {
    const binary = (bytes: number[]) => ({ ...text(''), body: Buffer.from(bytes), contentType: 'image/png' });
    expect(diffAnswers(binary([0xff, 0xfe, 0x00]), binary([0xff, 0xfd]))).toEqual([
      { path: '$', kind: 'value-changed', live: '[3 bytes, not UTF-8 text]', other: '[2 bytes, not UTF-8 text]' },
    ]);
  });

  it("parses live's body once when it is compared with the candidate and with the noise cluster", () => {
    const live = answer({ n: 1 });
    const parse = jest.spyOn(JSON, 'parse');
    try {
      diffAnswers(live, answer({ n: 2 }));
      diffAnswers(live, answer({ n: 3 }));
      expect(parse).toHaveBeenCalledTimes(3);
    } finally {
      parse.mockRestore();
    }
  });

  it('skips the body when "$" is ignored', () => {
    expect(diffAnswers(text('a'), text('b'), compileCompareRules({ ignore: ['$'] }))).toEqual([]);
  });
});

describe('isJsonMediaType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/problem+json', true],
    ['application/vnd.api+json;v=2', true],
    ['text/json-ish', false],
    ['text/plain', false],
    [undefined, false],
  ])('%s → %s', (type, expected) => {
    expect(isJsonMediaType(type)).toBe(expected);
  });
});
