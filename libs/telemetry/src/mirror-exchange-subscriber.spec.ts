import diagnosticsChannel from 'node:diagnostics_channel';
import { REDACTED } from '@mirrormesh/access-log/redact-url';
import { RecordingTelemetry } from '../test/support/recording-telemetry';
import {
  DIFF_PATHS_DIMENSION,
  NOISE_REFERENCE_DIMENSION,
  DIFF_RESULT_DIMENSION,
  MIRROR_DIMENSION,
  MIRROR_EXCHANGE_CHANNEL,
  subscribeMirrorExchanges,
} from './mirror-exchange-subscriber';

const channel = diagnosticsChannel.channel(MIRROR_EXCHANGE_CHANNEL);

function event(overrides: Record<string, unknown> = {}) {
  return {
    mirror: true,
    route: 'reviews',
    cluster: 'bookservice-v2',
    method: 'GET',
    path: '/books/1/reviews?lang=en',
    requestId: 'abc',
    status: 200,
    errorCode: undefined,
    durationMs: 12.5,
    startedAt: Date.parse('2026-11-21T04:00:00Z'),
    bytes: 10,
    attempts: 1,
    ...overrides,
  };
}

describe('subscribeMirrorExchanges', () => {
  it('reports each mirror exchange as a dependency with its status and duration', () => {
    const telemetry = new RecordingTelemetry();
    const unsubscribe = subscribeMirrorExchanges(telemetry);
    try {
      channel.publish(event());
      channel.publish(event({ status: 0, errorCode: 'UPSTREAM_TIMEOUT', durationMs: 3000 }));
      channel.publish(event({ status: 200, errorCode: 'UPSTREAM_RESET', durationMs: 40, queuedMs: 7.25 }));
    } finally {
      unsubscribe();
    }
    expect(telemetry.dependencies).toEqual([
      {
        name: 'GET /books/1/reviews',
        type: 'HTTP',
        method: 'GET',
        target: 'bookservice-v2',
        data: '/books/1/reviews?lang=en',
        resultCode: '200',
        success: true,
        durationMs: 12.5,
        startedAt: new Date('2026-11-21T04:00:00Z'),
        properties: { [MIRROR_DIMENSION]: 'true', route: 'reviews', cluster: 'bookservice-v2', RequestId: 'abc' },
      },
      expect.objectContaining({ resultCode: 'UPSTREAM_TIMEOUT', success: false, durationMs: 3000 }),
      // Broke off after its status line: a failure, whatever status had begun; the wait in the proxy apart.
      expect.objectContaining({
        resultCode: 'UPSTREAM_RESET',
        success: false,
        durationMs: 40,
        properties: expect.objectContaining({ QueuedMs: '7.3' }),
      }),
    ]);
  });

  it('redacts secret query values from the dependency data (they never reach Application Insights)', () => {
    const telemetry = new RecordingTelemetry();
    const unsubscribe = subscribeMirrorExchanges(telemetry);
    try {
      channel.publish(event({ path: '/books/1?api_key=s3cr3t&lang=en' }));
    } finally {
      unsubscribe();
    }
    expect(telemetry.dependencies[0]).toEqual(
      expect.objectContaining({ name: 'GET /books/1', data: `/books/1?api_key=${REDACTED}&lang=en` }),
    );
  });

  it("puts a compared copy's shadow diff on the dependency as DiffResult and comma-joined DiffPaths", () => {
    const telemetry = new RecordingTelemetry();
    const unsubscribe = subscribeMirrorExchanges(telemetry);
    try {
      channel.publish(event({ diff: { result: 'different', paths: ['$.reviews[0].rating', 'headers.x-version'] } }));
      channel.publish(event({ diff: { result: 'identical' } }));
      channel.publish(event({ diff: { result: 'skipped', reason: 'pending-full' } }));
      channel.publish(event());
    } finally {
      unsubscribe();
    }
    const dimensions = telemetry.dependencies.map((d) => [d.properties?.[DIFF_RESULT_DIMENSION], d.properties?.[DIFF_PATHS_DIMENSION]]);
    expect(dimensions).toEqual([
      ['different', '$.reviews[0].rating,headers.x-version'],
      ['identical', undefined],
      ['skipped', undefined],
      [undefined, undefined],
    ]);
  });

  it("marks a noise copy's dependency NoiseReference, so a query can keep the candidate's alone", () => {
    const telemetry = new RecordingTelemetry();
    const unsubscribe = subscribeMirrorExchanges(telemetry);
    try {
      channel.publish(event({ noise: true, cluster: 'bookservicelive2' }));
      channel.publish(event());
    } finally {
      unsubscribe();
    }
    expect(telemetry.dependencies.map((d) => d.properties?.[NOISE_REFERENCE_DIMENSION])).toEqual(['true', undefined]);
  });

  it('skips messages that are not exchange events and stops after unsubscribing', () => {
    const telemetry = new RecordingTelemetry();
    const unsubscribe = subscribeMirrorExchanges(telemetry);
    channel.publish({ nope: true });
    channel.publish(null);
    unsubscribe();
    channel.publish(event());
    expect(telemetry.dependencies).toEqual([]);
  });
});
