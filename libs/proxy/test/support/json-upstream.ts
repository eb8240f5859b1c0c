import { type Responder } from '@mirrormesh/testing';

/** Answers 200 with the JSON of `body()` (called per request, so a value may vary per call). */
export function jsonResponder(body: (url: string) => unknown, headers: Record<string, string> = {}): Responder {
  return (req, res) => {
    const text = JSON.stringify(body(req.url ?? ''));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };
}

/** A route mirroring every request to `candidate`, compared with `compare` (enabled unless said). */
export function comparedConfig(
  endpoints: { readonly live: string; readonly candidate: string; readonly noise?: string },
  compare: Record<string, unknown> = {},
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    clusters: [
      { name: 'live', endpoints: [endpoints.live] },
      { name: 'candidate', endpoints: [endpoints.candidate] },
      ...(endpoints.noise === undefined ? [] : [{ name: 'live2', endpoints: [endpoints.noise] }]),
    ],
    routes: [
      {
        name: 'reviews',
        route: [{ destination: { cluster: 'live' } }],
        mirror: { cluster: 'candidate', compare: { enabled: true, ...compare } },
      },
    ],
    ...more,
  };
}
