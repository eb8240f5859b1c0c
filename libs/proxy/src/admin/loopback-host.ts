import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and "localhost": nothing else is known to stay on this host. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * The admin API's rule, for every host of it (the standalone sidecar, an app with the proxy in
 * process): its writes change routing, so bound beyond loopback they need a token, unless the API
 * is read-only. True when a listener would break it; each host says so in its own settings' names.
 */
export function adminWritesExposed(host: string, token: string | undefined, writes: boolean): boolean {
  return writes && token === undefined && !isLoopbackHost(host);
}
