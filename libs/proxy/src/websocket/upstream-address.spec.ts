import { upstreamAddress } from './upstream-address';

describe('upstreamAddress', () => {
  it('splits host:port, names and IPv6 in brackets alike', () => {
    expect(upstreamAddress('127.0.0.1:8081')).toEqual({ host: '127.0.0.1', port: 8081 });
    expect(upstreamAddress('books.default.svc:80')).toEqual({ host: 'books.default.svc', port: 80 });
    expect(upstreamAddress('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
  });
});
