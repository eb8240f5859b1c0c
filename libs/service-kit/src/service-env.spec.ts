import { parseEnv, SchemaError } from '@mirrormesh/schema';
import { REQUEST_TIMEOUT_DEFAULTS } from './request-timeouts';
import { SERVICE_ENV, serviceOptionsFrom } from './service-env';

const load = (env: NodeJS.ProcessEnv) => serviceOptionsFrom('things', parseEnv(SERVICE_ENV, env));

describe('request bounds from the environment', () => {
  it('defaults to the named bounds', () => {
    expect(load({})).toMatchObject({
      headersTimeoutMs: REQUEST_TIMEOUT_DEFAULTS.headersTimeoutMs,
      requestTimeoutMs: REQUEST_TIMEOUT_DEFAULTS.requestTimeoutMs,
    });
  });

  it('reads HEADERS_TIMEOUT_MS and REQUEST_TIMEOUT_MS', () => {
    expect(load({ HEADERS_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '5000' })).toMatchObject({
      headersTimeoutMs: 2000,
      requestTimeoutMs: 5000,
    });
  });

  it('refuses a bound out of range, naming the variable and the rule', () => {
    expect(() => load({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS must be/);
  });

  it('refuses a head bound longer than the whole request', () => {
    const attempt = () => load({ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '5000' });
    expect(attempt).toThrow(SchemaError);
    expect(attempt).toThrow('HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS (5000)');
  });
});
