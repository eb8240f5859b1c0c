import { AdminExposedError, checkAdminExposure, isLoopbackHost } from './admin-exposure';

describe('admin exposure', () => {
  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'localhost.example.com', 'admin', '::ffff:10.0.0.1'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('refuses a host beyond loopback without a token, naming the fix', () => {
    expect(() => checkAdminExposure('0.0.0.0', undefined)).toThrow(AdminExposedError);
    expect(() => checkAdminExposure('0.0.0.0', undefined)).toThrow(/set ADMIN_TOKEN .* or bind admin\.host to 127\.0\.0\.1/);
    expect(() => checkAdminExposure('0.0.0.0', 'a-token-long-enough')).not.toThrow();
    expect(() => checkAdminExposure('127.0.0.1', undefined)).not.toThrow();
  });
});
