import { normalizePrefix, stripPrefix } from './mount-on-fastify';

describe('prefix handling', () => {
  it.each([
    ['/api', '/api'],
    ['/api/', '/api'],
    ['api', '/api'],
    ['/', ''],
    ['', ''],
  ])('normalizes %j to %j', (given, expected) => expect(normalizePrefix(given)).toBe(expected));

  it.each([
    ['/api/books?x=1', '/books?x=1'],
    ['/api', '/'],
    ['/api?x=1', '/?x=1'],
    ['/api/', '/'],
  ])('strips the prefix of %j', (url, expected) => expect(stripPrefix(url, '/api')).toBe(expected));
});
