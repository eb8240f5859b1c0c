/** One HTTP request a service answered. */
export interface RequestRecord {
  readonly method: string;
  /** The route template (`/books/:id/reviews`), not the raw path: items group by it. */
  readonly route: string;
  readonly statusCode: number;
  readonly durationMs: number;
  /** The raw URL or path, kept as the item's url (secret query values redacted); optional. */
  readonly url?: string;
  readonly requestId?: string;
  /** When the request arrived; defaults to now minus the duration. */
  readonly startedAt?: Date;
  /** Extra custom dimensions (VersionTag is always added). */
  readonly properties?: Readonly<Record<string, string>>;
}

/** One outgoing call (e.g. a mirror exchange), reported as a dependency. */
export interface DependencyRecord {
  readonly name: string;
  /** `HTTP` (with `method`, the item becomes an Application Insights HTTP dependency) or e.g. `SQL`. */
  readonly type: string;
  /** The HTTP method, for HTTP dependencies: needed for the result code to be kept. */
  readonly method?: string;
  /** Host or cluster called. */
  readonly target: string;
  /** The call's data: method and path, or a full URL. */
  readonly data: string;
  /** HTTP status, or an error code such as `UPSTREAM_TIMEOUT` when there was no answer. */
  readonly resultCode: string;
  readonly success: boolean;
  readonly durationMs: number;
  readonly startedAt?: Date;
  readonly properties?: Readonly<Record<string, string>>;
}

/** What a service uses; the disabled variant accepts the same calls and does nothing. */
export interface Telemetry {
  /** False when no connection string was configured. */
  readonly enabled: boolean;
  readonly roleName: string;
  readonly versionTag: string | undefined;
  trackRequest(record: RequestRecord): void;
  trackDependency(record: DependencyRecord): void;
  /**
   * Resolves once telemetry can take items without delay (the exporter thread has loaded the SDK),
   * or gave up starting (then items are dropped and counted). Services await it before they listen,
   * so the SDK's start-up never competes with their first requests.
   */
  ready(): Promise<void>;
  /** Sends everything queued; resolves when the ingestion endpoint has answered. */
  flush(): Promise<void>;
  /** Flushes, then stops the exporters. Later calls are ignored. Idempotent. */
  shutdown(): Promise<void>;
}
