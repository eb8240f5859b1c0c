import { BookIdPipe } from './book-id.pipe';
import { InvalidBookIdError } from './errors';

describe('BookIdPipe', () => {
  const pipe = new BookIdPipe();

  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2147483647],
  ])('accepts %s', (raw, id) => expect(pipe.transform(raw)).toBe(id));

  it.each(['', '0', '01', '-1', '1.0', '1e3', ' 1', 'abc', '2147483648', '99999999999'])('rejects %j', (raw) => {
    expect(() => pipe.transform(raw)).toThrow(InvalidBookIdError);
  });

  it('shows at most 32 characters of what it got', () => {
    expect(() => pipe.transform('x'.repeat(100))).toThrow(/got "x{32}…"/);
  });
});
