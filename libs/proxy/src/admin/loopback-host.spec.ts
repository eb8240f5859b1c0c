import { adminWritesExposed, isLoopbackHost } from './loopback-host';

describe('isLoopbackHost', () => {
  it('knows loopback hosts, and nothing else counts as one', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'localhost.example.com', 'admin', '::ffff:10.0.0.1'])
      expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('adminWritesExposed', () => {
  it('is true only for writes beyond loopback without a token', () => {
    expect(adminWritesExposed('0.0.0.0', undefined, true)).toBe(true);
    expect(adminWritesExposed('0.0.0.0', 'a-token-long-enough', true)).toBe(false);
    expect(adminWritesExposed('0.0.0.0', undefined, false)).toBe(false);
    expect(adminWritesExposed('127.0.0.1', undefined, true)).toBe(false);
  });
});
