import { adminWritesExposed } from '@mirrormesh/proxy';

/** The sidecar's admin listener would take writes from beyond this host without a token. */
export class AdminExposedError extends Error {
  readonly code = 'ERR_ADMIN_EXPOSED';
}

/**
 * The admin API's writes change routing (PUT /config, /routes/<name>/weights): bound beyond
 * loopback they must not be open to anyone who can reach it, so start-up stops and names the fix.
 */
export function checkAdminExposure(host: string, token: string | undefined, writes = true): void {
  if (!adminWritesExposed(host, token, writes)) return;
  throw new AdminExposedError(
    `admin listener on "${host}" is reachable beyond loopback and its writes would be open: ` +
      'set ADMIN_TOKEN (writes then need Authorization: Bearer <token>), ADMIN_WRITES=false (a read-only admin API), ' +
      'or bind admin.host to 127.0.0.1',
  );
}
