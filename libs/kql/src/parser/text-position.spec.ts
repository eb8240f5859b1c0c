import { textPosition } from './text-position';

describe('textPosition', () => {
  it('gives 1-based lines and columns', () => {
    expect(textPosition('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(textPosition('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(textPosition('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
    expect(textPosition('ab', 10)).toEqual({ line: 1, column: 3 });
  });
});
