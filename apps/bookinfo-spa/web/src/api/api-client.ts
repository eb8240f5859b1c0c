import { currentUser } from '../session/session-store';

/** The header the mesh routes on (Istio's Bookinfo `end-user`). */
export const END_USER_HEADER = 'end-user';
export const VERSION_TAG_HEADER = 'x-version-tag';

/** A failed call: what the page may show (never a server's internals). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly versionTag: string | null,
  ) {
    super(status === 0 ? 'The server could not be reached.' : `The server answered ${status} (${code}).`);
    this.name = 'ApiError';
  }
}

export interface ApiResult<T> {
  readonly data: T;
  /** Which book service version answered, from `x-version-tag`. */
  readonly versionTag: string | null;
}

/** GET a JSON resource of this origin; every call carries `end-user` while someone is signed in. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const user = currentUser();
  if (user !== null) headers[END_USER_HEADER] = user;
  let response: Response;
  try {
    response = await fetch(path, { headers, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', null);
  }
  const versionTag = response.headers.get(VERSION_TAG_HEADER);
  if (!response.ok) {
    let code = `HTTP_${response.status}`;
    try {
      const body = (await response.json()) as { code?: unknown };
      if (typeof body.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(body.code)) code = body.code;
    } catch {
      // not a problem+json body: the status says enough
    }
    throw new ApiError(response.status, code, versionTag);
  }
  try {
    return { data: (await response.json()) as T, versionTag };
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw new ApiError(response.status, 'INVALID_JSON', versionTag);
  }
}
