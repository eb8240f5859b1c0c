import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  let packageJson: string;
  try {
    packageJson = require.resolve(`${APP_PACKAGES[app]}/package.json`);
  } catch {
    throw new MeshError(`the ${app} app is not installed: run "npm ci" at the repository root`);
  }
  const entry = join(dirname(packageJson), 'dist', 'main.js');
  if (!existsSync(entry)) throw new MeshError(`the ${app} app is not built (${entry} is missing): run "npx turbo run build"`);
  return entry;
}
