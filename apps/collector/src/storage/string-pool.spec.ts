import { StringPool } from './string-pool';

describe('StringPool', () => {
  it('hands back the first equal string it kept, so rows share one copy', () => {
    const pool = new StringPool(10);
    const first = pool.intern(['GET', '/books'].join(' '));
    const again = pool.intern(['GET', '/books'].join(' '));
    expect(again).toBe(first);
    expect(pool.size).toBe(1);
    expect(pool.intern(undefined)).toBeUndefined();
  });

  it('stops keeping new strings at its bound and still returns every value unchanged', () => {
    const pool = new StringPool(2);
    expect(['a', 'b', 'c', 'd'].map((value) => pool.intern(value))).toEqual(['a', 'b', 'c', 'd']);
    expect(pool.size).toBe(2);
  });
});
