import { request } from 'undici';

/** A small GET for readiness and metrics; in a namespace scenario it runs inside the client namespace. */
export type HttpGet = (url: string, method?: 'GET' | 'PUT') => Promise<{ status: number; body: string }>;

/** Bounded: a probe that hangs is an error, never a stalled suite. */
export const PROBE_TIMEOUT_MS = 2_000;

export const localGet: HttpGet = async (url, method = 'GET') => {
  const response = await request(url, { method, headersTimeout: PROBE_TIMEOUT_MS, bodyTimeout: PROBE_TIMEOUT_MS });
  return { status: response.statusCode, body: await response.body.text() };
};
