/** What one access-log line records about one request. */
export interface AccessLogEntry {
  /** When the request arrived. */
  readonly time: Date;
  readonly remoteAddress: string | undefined;
  readonly method: string;
  /** The request target: path and query (secret query values are redacted when written). */
  readonly url: string;
  readonly httpVersion: string;
  readonly status: number;
  /** Response body size in bytes, when known. */
  readonly bytes: number | undefined;
  readonly durationMs: number;
  readonly versionTag?: string | undefined;
  readonly requestId?: string | undefined;
  readonly userAgent?: string | undefined;
  /** Extra fields a writer adds (the sidecar: upstream cluster, mirror outcome). */
  readonly fields?: Readonly<Record<string, string | number | boolean | undefined>>;
}

export type AccessLogFormat = 'json' | 'common';

export const ACCESS_LOG_FORMATS: readonly AccessLogFormat[] = ['json', 'common'];
