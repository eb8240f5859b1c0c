import { jsonString } from './json-string';

describe('jsonString', () => {
  it('is JSON.stringify for every character from U+0000 to U+FFFF, alone and in text', () => {
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const char = String.fromCharCode(code);
      if (jsonString(char) !== JSON.stringify(char) || jsonString(`a${char}b`) !== JSON.stringify(`a${char}b`)) differing.push(code);
    }
    expect(differing).toEqual([]);
  });

  it('is JSON.stringify for surrogate pairs, lone surrogates and long strings', () => {
    for (const text of ['😀', '\ud83d', '\ude00x', 'x\ud83d\ude00y\udfff', '', 'plain'.repeat(100), `${'"'.repeat(50)}\n`])
      expect(jsonString(text)).toBe(JSON.stringify(text));
  });
});
