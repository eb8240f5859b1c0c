import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MeshError } from '../errors';

/** The apps the mesh runs, by workspace package. */
export const APP_PACKAGES = {
  'book-service': '@mirrormesh/book-service',
  collector: '@mirrormesh/collector',
  sidecar: '@mirrormesh/sidecar',
  'bookinfo-spa': '@mirrormesh/bookinfo-spa',
} as const;
export type AppName = keyof typeof APP_PACKAGES;

/** `apps/<app>/dist/main.js`, found through the workspace link; a clear error when it is not built. */
export function appEntry(app: AppName): string {
  // Looked up as a folder, not with require.resolve: an exports map need not expose package.json.
  const packageDir = (require.resolve.paths(APP_PACKAGES[app]) ?? [])
    .map((nodeModules) => join(nodeModules, APP_PACKAGES[app]))
    .find((dir) => existsSync(join(dir, 'package.json')));
  if (packageDir === undefined) throw new MeshError(`the ${app} app is not installed: run "npm ci" at the repository root`);
  const entry = join(packageDir, 'dist', 'main.js');
  if (!existsSync(entry)) throw new MeshError(`the ${app} app is not built (${entry} is missing): run "npx turbo run build"`);
  return entry;
}
