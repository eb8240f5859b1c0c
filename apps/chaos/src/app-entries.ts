import { join, resolve } from 'node:path';

/** The repository's root, from this package's src/ or dist/. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** The built entry point of each server the suite attacks, started as real processes. */
export const APP_ENTRIES = {
  sidecar: join(REPO_ROOT, 'apps', 'sidecar', 'dist', 'main.js'),
  bookService: join(REPO_ROOT, 'apps', 'book-service', 'dist', 'main.js'),
  collector: join(REPO_ROOT, 'apps', 'collector', 'dist', 'main.js'),
  bookinfoSpa: join(REPO_ROOT, 'apps', 'bookinfo-spa', 'dist', 'main.js'),
} as const;

export type AppName = keyof typeof APP_ENTRIES;
