import { REDACTED } from '@mirrormesh/access-log/redact-url';
import { type TelemetryClient } from 'applicationinsights';
import { AppInsightsTelemetry } from './app-insights-telemetry';

describe('AppInsightsTelemetry: secret query values never leave the process', () => {
  it("redacts them from a request's url and url.full", () => {
    const trackRequest = jest.fn();
    const client = { trackRequest } as unknown as TelemetryClient;
    new AppInsightsTelemetry(client, 'books', undefined).trackRequest({
      method: 'get',
      route: '/books/:id',
      statusCode: 200,
      durationMs: 1,
      url: '/books/7?access_token=s3cr3t&page=2',
    });
    const item = trackRequest.mock.calls[0]![0] as { url: string; properties: Record<string, string> };
    expect(item.url).toBe(`/books/7?access_token=${REDACTED}&page=2`);
    expect(item.properties['url.full']).toBe(item.url);
    expect(JSON.stringify(item)).not.toContain('s3cr3t');
  });
});
