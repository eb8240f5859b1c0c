import { type Pool as UndiciPool } from 'undici';

/**
 * undici's `Pool`, loaded alone. The package's index also loads fetch, WebSocket, EventSource,
 * caches and interceptors that the proxy never uses: on Node 24 that is 28 MiB of RSS against
 * 14 MiB for the pool and its HTTP/1 client, in a process whose whole budget is about 120 MiB.
 * undici declares no `exports` map, so the path is reachable; a spec checks that it is still the
 * class the index exports, so an undici upgrade that moves it fails there, not in production.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a single file of a package with no exports map
export const Pool = require('undici/lib/dispatcher/pool.js') as typeof UndiciPool;
export type Pool = UndiciPool;
