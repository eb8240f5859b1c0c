import { type AccessLogFormat } from '@mirrormesh/access-log';

export const SERVICE_LOG_LEVELS = ['debug', 'log', 'warn', 'error', 'fatal'] as const;
export type ServiceLogLevel = (typeof SERVICE_LOG_LEVELS)[number];

/** How a service is set up; `runService` derives it from the validated environment. */
export interface ServiceOptions {
  /** The app's name: logs, OpenAPI title, telemetry role. */
  readonly name: string;
  readonly versionTag?: string | undefined;
  readonly port: number;
  readonly host: string;
  readonly logFormat: AccessLogFormat;
  /** The least severe application log level written; access-log lines are always written. */
  readonly logLevel?: ServiceLogLevel;
  readonly shutdownTimeoutMs: number;
  readonly bodyLimitBytes?: number;
  /** How long a client may take to send the request head; 408 after (default 10 s). */
  readonly headersTimeoutMs?: number;
  /** How long a client may take to send the whole request, head and body; 408 after (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Where the access log goes (fd or path); standard output by default. */
  readonly accessLogDestination?: number | string;
  /** Serve the OpenAPI description at /docs (UI) and /docs-json. */
  readonly openApi?: { readonly title: string; readonly description: string; readonly version: string };
}
