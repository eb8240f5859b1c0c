import { useEffect, useState } from 'react';
import { ApiError, getJson } from './api-client';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ok'; readonly data: T; readonly versionTag: string | null }
  | { readonly state: 'error'; readonly error: ApiError };

/** Fetches `path` again whenever it (or `key`, e.g. the signed-in user) changes; stale answers are dropped. */
export function useApi<T>(path: string, key: string | null = null): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    getJson<T>(path, controller.signal).then(
      (result) => setLoaded({ state: 'ok', data: result.data, versionTag: result.versionTag }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ state: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', null) });
      },
    );
    return () => controller.abort();
  }, [path, key]);
  return loaded;
}
