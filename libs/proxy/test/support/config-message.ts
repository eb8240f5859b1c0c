import { parseProxyConfig, ProxyConfigError } from '../../src';

/** The message parseProxyConfig refuses `input` with (the test fails if it accepts it or throws anything else). */
export function messageOf(input: unknown): string {
  try {
    parseProxyConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ProxyConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ProxyConfigError');
}
