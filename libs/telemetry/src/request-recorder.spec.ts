import { RecordingTelemetry } from '../test/support/recording-telemetry';
import { disabledTelemetry } from './disabled-telemetry';
import { telemetryRequestListener, UNMATCHED_ROUTE } from './request-recorder';

describe('telemetryRequestListener (service-kit)', () => {
  const startedAt = new Date('2026-11-21T04:00:00Z');

  it('maps a completed request to a request record under its route template', () => {
    const telemetry = new RecordingTelemetry();
    telemetryRequestListener(telemetry)({
      method: 'GET',
      route: '/books/:id',
      url: '/books/7?x=1',
      status: 200,
      durationMs: 3.5,
      requestId: 'r1',
      startedAt,
    });
    expect(telemetry.requests).toEqual([
      { method: 'GET', route: '/books/:id', statusCode: 200, durationMs: 3.5, url: '/books/7?x=1', requestId: 'r1', startedAt },
    ]);
  });

  it('names every unmatched request alike, so random 404 paths cannot explode the item names', () => {
    const telemetry = new RecordingTelemetry();
    const listener = telemetryRequestListener(telemetry);
    for (const url of ['/nope', '/wp-admin', '/x/y/z'])
      listener({ method: 'GET', route: undefined, url, status: 404, durationMs: 1, requestId: url, startedAt });
    expect(telemetry.requests.map((r) => r.route)).toEqual([UNMATCHED_ROUTE, UNMATCHED_ROUTE, UNMATCHED_ROUTE]);
  });

  it('does nothing when telemetry is disabled', () => {
    const listener = telemetryRequestListener(disabledTelemetry('x', undefined));
    expect(() => listener({ method: 'GET', route: '/', url: '/', status: 200, durationMs: 1, requestId: '1', startedAt })).not.toThrow();
  });
});
