import fastify from 'fastify';
import { RecordingTelemetry } from '../test/support/recording-telemetry';
import { disabledTelemetry } from './disabled-telemetry';
import { createRequestRecorder, telemetryRequestListener, UNMATCHED_ROUTE } from './request-recorder';

describe('createRequestRecorder (fastify onResponse)', () => {
  it('records each request under its route template with status, duration and request id', async () => {
    const telemetry = new RecordingTelemetry();
    const record = createRequestRecorder(telemetry);
    const app = fastify();
    app.addHook('onResponse', async (request, reply) => record(request, reply));
    app.get('/books/:id/reviews', async (_request, reply) => reply.code(503).send({ down: true }));
    try {
      await app.inject({ method: 'GET', url: '/books/7/reviews?x=1' });
      await app.inject({ method: 'GET', url: '/nowhere' });
    } finally {
      await app.close();
    }
    expect(telemetry.requests).toHaveLength(2);
    expect(telemetry.requests[0]).toMatchObject({ method: 'GET', route: '/books/:id/reviews', statusCode: 503, url: '/books/7/reviews?x=1', requestId: 'req-1' });
    expect(telemetry.requests[0]?.durationMs).toBeGreaterThan(0);
    expect(telemetry.requests[1]).toMatchObject({ route: UNMATCHED_ROUTE, statusCode: 404 });
  });

  it('does nothing when telemetry is disabled', () => {
    const record = createRequestRecorder(disabledTelemetry('x', undefined));
    expect(() => record({ method: 'GET', url: '/', id: '1' }, { statusCode: 200, elapsedTime: 1 })).not.toThrow();
  });
});

describe('telemetryRequestListener (service-kit)', () => {
  it('maps a completed request to a request record', () => {
    const telemetry = new RecordingTelemetry();
    const startedAt = new Date('2026-11-21T04:00:00Z');
    telemetryRequestListener(telemetry)({ method: 'GET', route: '/books', url: '/books', status: 200, durationMs: 3.5, requestId: 'r1', startedAt });
    expect(telemetry.requests).toEqual([{ method: 'GET', route: '/books', statusCode: 200, durationMs: 3.5, url: '/books', requestId: 'r1', startedAt }]);
  });
});
