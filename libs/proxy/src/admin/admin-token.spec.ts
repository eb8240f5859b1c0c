import { bearerTokenCheck } from './admin-token';

describe('bearerTokenCheck', () => {
  const check = bearerTokenCheck('s3cret-token-0123456789');

  it('accepts exactly the token, with the Bearer scheme in any case', () => {
    expect(check('Bearer s3cret-token-0123456789')).toBe(true);
    expect(check('bearer s3cret-token-0123456789')).toBe(true);
    expect(check('BEARER  s3cret-token-0123456789 ')).toBe(true);
  });

  it('refuses anything else, an empty token included', () => {
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      's3cret-token-0123456789',
      'Basic s3cret-token-0123456789',
      'Bearer s3cret-token-012345678',
      'Bearer s3cret-token-0123456789x',
      'Bearer s3cret-token-0123456789 extra',
    ])
      expect(check(header)).toBe(false);
    expect(bearerTokenCheck('')('Bearer ')).toBe(false);
  });
});
