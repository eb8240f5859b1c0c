import { checkHostField, isValidHostValue } from './host-field';

describe('isValidHostValue', () => {
  it.each([
    '',
    'localhost',
    'localhost:8080',
    'book-service.default.svc.cluster.local',
    'book-service:9080',
    'Books.Example',
    '127.0.0.1',
    '127.0.0.1:80',
    '999.1.1.1', // syntactically a reg-name: RFC 3986 does not ask a server to resolve it
    'host:', // port = *DIGIT: empty is allowed
    ':80',
    'my%20host',
    "a-b_c~d!e$f&g'h(i)j*k+l;m=n",
    '[::1]',
    '[::1]:8080',
    '[::1]:', // port = *DIGIT here too
    '[2001:db8::ff00:42:8329]',
    '[::ffff:192.0.2.1]:443',
    '[v1.fe80::a+b]',
    '[V7.x]:1',
  ])('accepts %j', (value) => {
    expect(isValidHostValue(value)).toBe(true);
  });

  it.each([
    'a b',
    'exa\x01mple',
    'a@b',
    'a/b',
    'h\xffst',
    'h\u00e9st',
    'a\\b',
    'a:b:c',
    'host:port',
    'host:80a',
    'host:-1',
    'a,b',
    'a, b',
    'a?b',
    'a#b',
    'a"b',
    'a\tb',
    '%',
    'a%2',
    'a%zz',
    '[::1',
    '[::1]x',
    '[::1]:8a',
    '[::1]]',
    '[]',
    '[1::2::3]',
    '[fe80::1%eth0]',
    '[fe80::1%25eth0]',
    '[127.0.0.1]',
    '[v.x]',
    '[v1.]',
    '[v1x.a]',
    '[vz.a]',
    '[v1.a,b]',
    '::1',
    'a]',
  ])('refuses %j', (value) => {
    expect(isValidHostValue(value)).toBe(false);
  });
});

describe('checkHostField', () => {
  const raw = (...pairs: [string, string][]) => pairs.flat();

  it('accepts one valid Host among other fields', () => {
    expect(checkHostField(raw(['User-Agent', 'x'], ['Host', 'books.local:80'], ['Date', 'now'], ['From', 'a@b']))).toBeUndefined();
  });

  it('accepts a request without Host (HTTP/1.0; Node refuses it for HTTP/1.1 before we run)', () => {
    expect(checkHostField(raw(['Accept', '*/*']))).toBeUndefined();
    expect(checkHostField([])).toBeUndefined();
  });

  it('accepts an empty Host', () => {
    expect(checkHostField(raw(['Host', '']))).toBeUndefined();
  });

  it('finds the Host field in any letter case', () => {
    expect(checkHostField(raw(['HOST', 'a b']))).toBe('invalid');
    expect(checkHostField(raw(['hOsT', 'a b']))).toBe('invalid');
    expect(checkHostField(raw(['host', 'ok']))).toBeUndefined();
  });

  it('refuses two Host fields, identical or not, whatever their case', () => {
    expect(checkHostField(raw(['Host', 'a'], ['Host', 'a']))).toBe('duplicate');
    expect(checkHostField(raw(['Host', 'a'], ['Accept', '*/*'], ['host', 'evil.example']))).toBe('duplicate');
    expect(checkHostField(raw(['Host', ''], ['HOST', '']))).toBe('duplicate');
  });

  it('refuses a duplicate even when the first value is invalid (one verdict per request)', () => {
    expect(checkHostField(raw(['Host', 'a b'], ['Host', 'a']))).toBe('duplicate');
  });

  it('refuses a list of hosts in one field', () => {
    expect(checkHostField(raw(['Host', 'books.local, evil.example']))).toBe('invalid');
  });

  it('refuses an invalid value', () => {
    expect(checkHostField(raw(['Host', '[::1']))).toBe('invalid');
  });

  it('does not take other four-letter names, or values, for Host', () => {
    expect(checkHostField(raw(['Hast', 'a b'], ['X-Host', 'a b'], ['Hosts', 'a b'], ['Referer', 'Host']))).toBeUndefined();
  });
});
