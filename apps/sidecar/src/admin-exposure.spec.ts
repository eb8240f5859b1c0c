import { AdminExposedError, checkAdminExposure } from './admin-exposure';

describe('admin exposure', () => {
  it('refuses a host beyond loopback without a token, naming the fix', () => {
    expect(() => checkAdminExposure('0.0.0.0', undefined)).toThrow(AdminExposedError);
    expect(() => checkAdminExposure('0.0.0.0', undefined)).toThrow(/set ADMIN_TOKEN .* or bind admin\.host to 127\.0\.0\.1/);
    expect(() => checkAdminExposure('0.0.0.0', 'a-token-long-enough')).not.toThrow();
    expect(() => checkAdminExposure('127.0.0.1', undefined)).not.toThrow();
  });

  it('lets a read-only admin API listen beyond loopback without a token', () => {
    expect(() => checkAdminExposure('0.0.0.0', undefined, false)).not.toThrow();
  });
});
