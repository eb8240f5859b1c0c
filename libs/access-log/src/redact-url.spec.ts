import { REDACTED, redactUrl, SECRET_QUERY_PARAMS } from './redact-url';

const R = REDACTED;

describe('redactUrl', () => {
  it('returns a URL without a query as the very same string', () => {
    for (const url of ['/', '/books/2/reviews', '/token=abc', 'http://a/b']) expect(redactUrl(url)).toBe(url);
  });

  it('returns a query without secrets as the very same string', () => {
    const url = '/books?page=2&lang=en&sort=title&tokens=3&my_token=x';
    expect(redactUrl(url)).toBe(url);
  });

  it('redacts the value of every listed parameter, keeping its name as written', () => {
    expect(redactUrl('/cb?code=abc&state=xyz')).toBe(`/cb?code=${R}&state=xyz`);
    expect(redactUrl('/s3/o?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=deadbeef&X-Amz-Expires=60')).toBe(
      `/s3/o?X-Amz-Credential=${R}&X-Amz-Signature=${R}&X-Amz-Expires=60`,
    );
    for (const name of SECRET_QUERY_PARAMS) expect(redactUrl(`/x?${name}=s3cr3t`)).toBe(`/x?${name}=${R}`);
  });

  it('compares names case-insensitively', () => {
    expect(redactUrl('/x?API_KEY=a&Access_Token=b&x-goog-signature=c')).toBe(`/x?API_KEY=${R}&Access_Token=${R}&x-goog-signature=${R}`);
  });

  it('redacts every occurrence of a repeated name', () => {
    expect(redactUrl('/x?token=a&page=1&token=b&token=c')).toBe(`/x?token=${R}&page=1&token=${R}&token=${R}`);
  });

  it('decodes the name before comparing: api%5Fkey is api_key, and %-escapes in names do not hide them', () => {
    expect(redactUrl('/x?api%5Fkey=a&%74oken=b&client%5fsecret=c')).toBe(`/x?api%5Fkey=${R}&%74oken=${R}&client%5fsecret=${R}`);
  });

  it('keeps a name with a malformed escape as written (and compares it so)', () => {
    expect(redactUrl('/x?tok%zzen=a&token%=b')).toBe('/x?tok%zzen=a&token%=b');
  });

  it('leaves a parameter without a value, or with an empty one, as it is', () => {
    expect(redactUrl('/x?token&password=&sig')).toBe('/x?token&password=&sig');
    expect(redactUrl('/x?token')).toBe('/x?token');
  });

  it('redacts the whole value, "=" included, up to the next separator', () => {
    expect(redactUrl('/x?token=a=b=c&next=1')).toBe(`/x?token=${R}&next=1`);
    expect(redactUrl('/x?token=a%26b')).toBe(`/x?token=${R}`);
  });

  it('also splits on ";", as some servers do, so a secret after one is not missed', () => {
    expect(redactUrl('/x?page=1;token=abc;lang=en')).toBe(`/x?page=1;token=${R};lang=en`);
  });

  it('searches a fragment too (OAuth implicit flow puts tokens there) and keeps it', () => {
    expect(redactUrl('/cb#access_token=abc&state=1')).toBe(`/cb#access_token=${R}&state=1`);
    expect(redactUrl('/cb?x=1#access_token=abc')).toBe(`/cb?x=1#access_token=${R}`);
    expect(redactUrl('/cb?x=1#frag')).toBe('/cb?x=1#frag');
  });

  it('does not treat a name as a secret because it contains one', () => {
    expect(redactUrl('/x?tokenizer=a&monkey=b&keys=c&sig2=d')).toBe('/x?tokenizer=a&monkey=b&keys=c&sig2=d');
  });

  it('copes with empty segments, a bare "?" and separators at the ends', () => {
    expect(redactUrl('/x?')).toBe('/x?');
    expect(redactUrl('/x?&&token=a&')).toBe(`/x?&&token=${R}&`);
    expect(redactUrl('/x?=a&token=b')).toBe(`/x?=a&token=${R}`);
  });

  it('works on a full URL', () => {
    expect(redactUrl('https://books.example/x?key=AIza&q=1')).toBe(`https://books.example/x?key=${R}&q=1`);
  });
});
