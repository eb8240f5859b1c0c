import { type StaticFileIndex } from './static-file-index';

export const STATIC_FILES_OPTIONS = Symbol('STATIC_FILES_OPTIONS');

export interface StaticFilesOptions {
  readonly files: StaticFileIndex;
  /** Paths under it are the proxy's: never answered with the app shell. */
  readonly apiPrefix: string;
}
