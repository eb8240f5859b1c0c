import { useEffect, useState } from 'react';
import { ApiError, getJson } from '../api/api-client';

export type Polled<T> = {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly updatedAt: Date | null;
};

/**
 * GETs `path` now and every `intervalMs` after the previous answer (never overlapping),
 * while the page is visible; the last good data stays on screen when a refresh fails.
 */
export function usePolling<T>(path: string, intervalMs: number): Polled<T> {
  const [polled, setPolled] = useState<Polled<T>>({ data: null, error: null, updatedAt: null });
  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const tick = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const { data } = await getJson<T>(path, controller.signal);
          setPolled({ data, error: null, updatedAt: new Date() });
        } catch (error) {
          if (controller.signal.aborted) return;
          setPolled((previous) => ({ ...previous, error: error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', null) }));
        }
      }
      if (!controller.signal.aborted) timer = window.setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [path, intervalMs]);
  return polled;
}
