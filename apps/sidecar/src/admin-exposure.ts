import { isIP } from 'node:net';

/** The sidecar's admin listener would take writes from beyond this host without a token. */
export class AdminExposedError extends Error {
  readonly code = 'ERR_ADMIN_EXPOSED';
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and "localhost": nothing else is known to stay on this host. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * The admin API changes routing (PUT /config, /routes/<name>/weights): bound beyond loopback
 * it must not be open to anyone who can reach it, so start-up stops and names the fix.
 */
export function checkAdminExposure(host: string, token: string | undefined): void {
  if (token !== undefined || isLoopbackHost(host)) return;
  throw new AdminExposedError(
    `admin listener on "${host}" is reachable beyond loopback and its writes would be open: ` +
      'set ADMIN_TOKEN (writes then need Authorization: Bearer <token>), or bind admin.host to 127.0.0.1',
  );
}
