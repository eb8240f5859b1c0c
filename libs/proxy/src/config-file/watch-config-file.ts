import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** Editors and Kubernetes ConfigMaps write in bursts (temp file, rename, symlink swap). */
export const CONFIG_WATCH_DEBOUNCE_MS = 200;

export interface ConfigFileWatcher {
  close(): void;
}

/**
 * Calls `onChange` after the file changed, debounced. The directory is watched, not the
 * file, so that a replace-by-rename (editors, ConfigMap `..data` swaps) is still seen.
 */
export function watchConfigFile(file: string, onChange: () => void, debounceMs = CONFIG_WATCH_DEBOUNCE_MS): ConfigFileWatcher {
  const path = resolve(file);
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
    if (changed !== null && changed !== name && !changed.startsWith('..')) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  watcher.on('error', () => undefined);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
