import { itemCountOf, telemetryRowOf } from './telemetry-row';

const request = {
  ver: 1,
  name: 'Microsoft.ApplicationInsights.Request',
  time: '2026-11-21T04:00:00.1234567Z',
  sampleRate: 25,
  iKey: 'ikey-1',
  tags: {
    'ai.cloud.role': 'book-service',
    'ai.cloud.roleInstance': 'pod-1',
    'ai.operation.id': 'op-1',
    'ai.operation.parentId': 'parent-1',
    'ai.operation.name': 'GET /books/:id',
    'ai.internal.sdkVersion': 'node:3.0',
  },
  data: {
    baseType: 'RequestData',
    baseData: {
      id: 'req-1',
      name: 'GET /books/:id',
      url: '/books/1',
      duration: '1.00:00:01.5',
      responseCode: '404',
      success: false,
      properties: { VersionTag: 'V1MIR-LiveBookService' },
      measurements: { size: 3 },
    },
  },
};

describe('telemetryRowOf (envelope → Log Analytics row)', () => {
  it('maps a request envelope to the requests columns', () => {
    expect(telemetryRowOf(request, '{}')).toEqual({
      table: 'requests',
      values: {
        timestamp: Date.parse('2026-11-21T04:00:00.123Z'),
        id: 'req-1',
        name: 'GET /books/:id',
        url: '/books/1',
        duration: 86_401_500,
        resultCode: '404',
        success: 0,
        itemCount: 4,
        customDimensions: '{"VersionTag":"V1MIR-LiveBookService"}',
        // The promoted dimensions, each its value's JSON text (null: absent).
        'customDimensions:VersionTag': '"V1MIR-LiveBookService"',
        'customDimensions:Mirror': null,
        customMeasurements: '{"size":3}',
        cloud_RoleName: 'book-service',
        cloud_RoleInstance: 'pod-1',
        operation_Id: 'op-1',
        operation_ParentId: 'parent-1',
        operation_Name: 'GET /books/:id',
        sdkVersion: 'node:3.0',
        appName: 'ikey-1',
      },
    });
  });

  it('maps a dependency envelope, storing null for what is missing or of the wrong type', () => {
    const dependency = {
      name: 'Microsoft.ApplicationInsights.RemoteDependency',
      time: '2026-11-21T04:00:00Z',
      data: {
        baseType: 'RemoteDependencyData',
        baseData: { name: 'GET /books/9', target: 'bookservice-v2', type: 'Http', resultCode: 503, duration: 'soon', properties: {} },
      },
    };
    expect(telemetryRowOf(dependency, '{}')).toEqual({
      table: 'dependencies',
      values: expect.objectContaining({
        name: 'GET /books/9',
        target: 'bookservice-v2',
        type: 'Http',
        data: null,
        resultCode: null,
        duration: null,
        success: null,
        itemCount: 1,
        customDimensions: null,
        cloud_RoleName: null,
      }),
    });
  });

  it('keeps every other kind whole, with its Log Analytics item type', () => {
    const trace = {
      name: 'Microsoft.ApplicationInsights.Message',
      time: '2026-11-21T04:00:00Z',
      data: { baseType: 'MessageData', baseData: {} },
    };
    expect(telemetryRowOf(trace, 'as sent')).toEqual({
      table: 'other_items',
      timestamp: Date.parse('2026-11-21T04:00:00Z'),
      itemType: 'trace',
      envelope: 'as sent',
    });
    const custom = { name: 'x', time: '2026-11-21T04:00:00Z', data: { baseType: 'FancyData', baseData: {} } };
    expect(telemetryRowOf(custom, 'x')).toMatchObject({ table: 'other_items', itemType: 'FancyData' });
  });

  it('counts a sampled item as 100 / sampleRate items, 1 when the rate is absent or out of range', () => {
    expect([itemCountOf(100), itemCountOf(33.3), itemCountOf(undefined), itemCountOf(0), itemCountOf(150), itemCountOf('50')]).toEqual([
      1, 3, 1, 1, 1, 1,
    ]);
  });
});
