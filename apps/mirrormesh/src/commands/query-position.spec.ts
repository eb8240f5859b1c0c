import { pointAt } from './query-position';

describe('pointAt', () => {
  it('shows the line and a caret under the column', () => {
    expect(pointAt('requests\n| where x == \n| take 5', { line: 2, column: 12 })).toBe('\n  | where x == \n             ^');
  });

  it('keeps tabs so the caret stays under its character', () => {
    expect(pointAt('\trequests | bad', { line: 1, column: 13 })).toBe('\n  \trequests | bad\n  \t           ^');
  });

  it('shows nothing for a position outside the query or none at all', () => {
    expect(pointAt('requests', { line: 3, column: 1 })).toBe('');
    expect(pointAt('requests', { line: 1, column: 40 })).toBe('');
    expect(pointAt('requests', { line: undefined, column: undefined })).toBe('');
  });
});
