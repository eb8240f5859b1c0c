import { TEXT_EXCERPT_CHARS, textExcerpts } from './text-excerpt';

const excerpts = (a: string, b: string) => textExcerpts(Buffer.from(a), Buffer.from(b));

describe('textExcerpts', () => {
  it('shows short texts whole', () => {
    expect(excerpts('hello world', 'hello there')).toEqual(['hello world', 'hello there']);
  });

  it('cuts long texts to TEXT_EXCERPT_CHARS, "…" marking what was left out', () => {
    const long = 'x'.repeat(1000);
    const expected = (mark: string) => `…${'x'.repeat(40)}${mark}${'x'.repeat(TEXT_EXCERPT_CHARS - 43)}…`;
    expect(excerpts(`${long}A${long}`, `${long}B${long}`)).toEqual([expected('A'), expected('B')]);
    expect(expected('A')).toHaveLength(TEXT_EXCERPT_CHARS);
  });

  it('cuts excerpts between characters, never inside one', () => {
    const [live, other] = excerpts(`${'é'.repeat(100)}A${'😀'.repeat(300)}`, `${'é'.repeat(100)}B`);
    expect(live.startsWith(`…${'é'.repeat(40)}A😀`)).toBe(true);
    expect(live.endsWith('😀…')).toBe(true);
    expect(live).not.toContain('\ufffd');
    expect(other).toBe(`…${'é'.repeat(40)}B`);
    // é and è share their first byte: the difference is found inside a character.
    expect(excerpts('abcé', 'abcè')).toEqual(['abcé', 'abcè']);
  });

  it("finds the difference in a large text body, or where one body is the other's prefix", () => {
    const big = 'line of text\n'.repeat(80_000);
    expect(excerpts(`${big}end`, `${big}END`)).toEqual([`…${big.slice(-40)}end`, `…${big.slice(-40)}END`]);
    expect(excerpts('abc', 'abcdef')).toEqual(['abc', 'abcdef']);
    expect(excerpts('', 'x')).toEqual(['', 'x']);
  });

  it('starts the excerpt 40 characters before the first difference, wherever it is', () => {
    const base = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
    for (let at = 0; at < base.length; at += 37) {
      const changed = `${base.slice(0, at)}#${base.slice(at + 1)}`;
      const start = Math.max(0, at - 40);
      const expected = (body: string) => {
        const head = start > 0 ? '…' : '';
        const shown = body.slice(start);
        return shown.length + head.length > TEXT_EXCERPT_CHARS
          ? `${head}${shown.slice(0, TEXT_EXCERPT_CHARS - head.length - 1)}…`
          : head + shown;
      };
      expect(excerpts(base, changed)).toEqual([expected(base), expected(changed)]);
    }
  });

  it('shows a body that is not UTF-8 by its size', () => {
    expect(textExcerpts(Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('ok'))).toEqual(['[3 bytes, not UTF-8 text]', 'ok']);
  });
});
