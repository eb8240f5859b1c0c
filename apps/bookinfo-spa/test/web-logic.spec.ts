import { formatMs, formatPercent, formatRate } from '../web/src/dashboard/format';
import { formatYear } from '../web/src/pages/format-year';
import { bookPath, matchRoute } from '../web/src/router/match-route';

describe('the web app routes', () => {
  it.each([
    ['/', { page: 'books' }],
    ['/books', { page: 'books' }],
    ['/books/3', { page: 'book', id: 3 }],
    ['/books/3/', { page: 'book', id: 3 }],
    ['/books/0', { page: 'not-found' }],
    ['/books/abc', { page: 'not-found' }],
    ['/books/99999999999', { page: 'not-found' }],
    ['/sign-in', { page: 'sign-in' }],
    ['/mirror', { page: 'mirror' }],
    ['/elsewhere', { page: 'not-found' }],
  ])('%s → %j', (path, route) => expect(matchRoute(path)).toEqual(route));

  it('links to a book by id', () => expect(matchRoute(bookPath(7))).toEqual({ page: 'book', id: 7 }));
});

describe('dashboard formats', () => {
  it.each([
    [null, '—'],
    [0.42, '0.4 ms'],
    [12.4, '12 ms'],
    [999, '999 ms'],
    [1250, '1.25 s'],
  ])('formatMs(%p) is %s', (ms, text) => expect(formatMs(ms)).toBe(text));

  it('formats rates and percentages', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0.125)).toBe('12.5 %');
    expect(formatPercent(100)).toBe('100 %');
    expect(formatPercent(12.5)).toBe('12.5 %');
  });
});

describe('formatYear', () => {
  it('writes years before the common era as BC', () => {
    expect(formatYear(1851)).toBe('1851');
    expect(formatYear(-700)).toBe('700 BC');
  });
});
