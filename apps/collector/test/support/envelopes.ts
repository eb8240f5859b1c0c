/** A request envelope as the SDK writes it. */
export function requestEnvelope(
  overrides: { name?: string; versionTag?: string; responseCode?: string; duration?: string; time?: string } = {},
) {
  return {
    ver: 1,
    name: 'Microsoft.ApplicationInsights.Request',
    time: overrides.time ?? new Date().toISOString(),
    sampleRate: 100,
    iKey: '11111111-2222-3333-4444-555555555555',
    tags: { 'ai.cloud.role': 'book-service' },
    data: {
      baseType: 'RequestData',
      baseData: {
        ver: 2,
        id: 'abc',
        name: overrides.name ?? 'GET /books/:id/reviews',
        duration: overrides.duration ?? '00:00:00.025',
        success: true,
        responseCode: overrides.responseCode ?? '200',
        properties: { VersionTag: overrides.versionTag ?? 'V1MIR-LiveBookService' },
      },
    },
  };
}
