import { redactUrl } from '@mirrormesh/access-log/redact-url';
import { VERSION_TAG_DIMENSION } from '@mirrormesh/catalog';
import { type TelemetryClient } from 'applicationinsights';
import { type DependencyRecord, type RequestRecord, type Telemetry } from './telemetry';

/** Custom dimension carrying the service's request id, to find one request's item. */
export const REQUEST_ID_DIMENSION = 'RequestId';

/** Telemetry over a configured Application Insights client. */
export class AppInsightsTelemetry implements Telemetry {
  readonly enabled = true;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly client: TelemetryClient,
    readonly roleName: string,
    readonly versionTag: string | undefined,
  ) {}

  trackRequest(record: RequestRecord): void {
    if (this.closing !== undefined) return;
    const method = record.method.toUpperCase();
    const properties: Record<string, string | number> = { ...record.properties, ...this.dimensions() };
    if (record.requestId !== undefined) properties[REQUEST_ID_DIMENSION] = record.requestId;
    // With the HTTP method and route set, the exporter names the item `GET /books/:id/reviews`
    // and fills responseCode; these semantic attributes are not copied into custom dimensions.
    properties['http.request.method'] = method;
    properties['http.route'] = record.route;
    properties['http.response.status_code'] = record.statusCode;
    // Secret query values (tokens, keys, signatures) never leave the process.
    const url = record.url === undefined ? undefined : redactUrl(record.url);
    if (url !== undefined) properties['url.full'] = url;
    this.client.trackRequest({
      name: `${method} ${record.route}`,
      url: url ?? record.route,
      resultCode: String(record.statusCode),
      duration: record.durationMs,
      // Application Insights counts 4xx and 5xx answers as failed requests.
      success: record.statusCode < 400,
      properties,
      ...(record.startedAt === undefined ? {} : { time: record.startedAt }),
    });
  }

  trackDependency(record: DependencyRecord): void {
    if (this.closing !== undefined) return;
    const properties: Record<string, string> = { ...record.properties, ...this.dimensions() };
    // The exporter keeps an HTTP dependency's result code only when the method attribute is set.
    if (record.method !== undefined) properties['http.request.method'] = record.method.toUpperCase();
    this.client.trackDependency({
      name: record.name,
      dependencyTypeName: record.type,
      target: record.target,
      data: record.data,
      resultCode: record.resultCode,
      success: record.success,
      duration: record.durationMs,
      properties,
      ...(record.startedAt === undefined ? {} : { time: record.startedAt }),
    });
  }

  /** The client is built before this object: ready at once. */
  ready(): Promise<void> {
    return Promise.resolve();
  }

  flush(): Promise<void> {
    return this.client.flush();
  }

  shutdown(): Promise<void> {
    // Tracking stops at once; everything already tracked is sent before the exporters close.
    this.closing ??= this.client.flush().then(() => this.client.shutdown());
    return this.closing;
  }

  private dimensions(): Record<string, string> {
    return this.versionTag === undefined ? {} : { [VERSION_TAG_DIMENSION]: this.versionTag };
  }
}
