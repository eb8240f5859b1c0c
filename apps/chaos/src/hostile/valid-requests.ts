import { type RawRequestParts } from './raw-request';
import { type TargetName } from './hostile-case';

/** A minimal valid Application Insights request envelope, as the SDK sends one. */
export function validEnvelope(name = 'GET /books/:id'): Record<string, unknown> {
  return {
    name: 'Microsoft.ApplicationInsights.Request',
    time: new Date(0).toISOString(),
    iKey: '00000000-0000-0000-0000-000000000000',
    tags: { 'ai.cloud.role': 'chaos-hostile' },
    data: {
      baseType: 'RequestData',
      baseData: {
        ver: 2,
        id: 'chaos',
        name,
        duration: '00:00:00.001',
        responseCode: '200',
        success: true,
        properties: { VersionTag: 'CHAOS-Hostile' },
      },
    },
  };
}

/**
 * The valid requests the generator mutates and the named cases start from, per target. Each
 * is answered 2xx by a healthy server; `authority` is the Host the endpoint listens on.
 */
export function validRequests(target: TargetName, authority: string): RawRequestParts[] {
  const get = (path: string, extra: [string, string][] = []): RawRequestParts => ({
    method: 'GET',
    target: path,
    headers: [['Host', authority], ['Accept', 'application/json'], ...extra],
  });
  switch (target) {
    case 'sidecar':
    case 'bookService':
      return [get('/books'), get('/books/1'), get('/books/2/reviews', [['end-user', 'jason']])];
    case 'bookinfoSpa':
      return [get('/api/books/1'), get('/', [['Accept', 'text/html']]), get('/api/books/3/reviews')];
    case 'collectorQuery':
      return [get('/query/requests-summary?contains=MIR-&since=15m'), get('/query/stats'), get('/health/ready')];
    case 'collectorTrack':
      return [
        {
          method: 'POST',
          target: '/v2.1/track',
          headers: [
            ['Host', authority],
            ['Content-Type', 'application/json'],
          ],
          body: JSON.stringify([validEnvelope()]),
        },
      ];
  }
}
