import { ProxyConfigError } from './errors';

/** A name is a short label: letters, digits, ".", "_", "-", 1 to 64 of them. */
const PROXY_NAME = /^[A-Za-z0-9._-]{1,64}$/;
/** Makes every id unique in the process, even for proxies given the same name. */
let proxySequence = 0;

/** `<name>-<n>`: unique in the process, even for proxies given the same name. */
export function proxyIdOf(name: string | undefined): string {
  if (name !== undefined && !PROXY_NAME.test(name))
    throw new ProxyConfigError([{ path: 'options.name', message: 'must be 1 to 64 letters, digits, ".", "_" or "-"' }]);
  proxySequence += 1;
  return `${name ?? 'proxy'}-${proxySequence}`;
}
