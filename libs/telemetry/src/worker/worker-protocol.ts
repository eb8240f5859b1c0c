import { type DependencyRecord, type RequestRecord } from '../telemetry';

/** What the exporter thread needs to build its SDK client: plain data, cloned into the worker. */
export interface ExporterThreadSettings {
  readonly connectionString: string;
  readonly roleName: string;
  readonly versionTag: string | undefined;
  readonly liveMetrics: boolean;
  readonly statsbeat: boolean;
  /** The exporter thread's nice value (TELEMETRY_EXPORTER_NICE). */
  readonly nice: number;
  readonly ingestionCaPem?: string;
  readonly storageDirectory?: string;
}

/** Request thread → exporter thread. */
export type ToExporterThread =
  | { readonly type: 'items'; readonly requests: readonly RequestRecord[]; readonly dependencies: readonly DependencyRecord[] }
  | { readonly type: 'flush' | 'shutdown'; readonly id: number };

/** Exporter thread → request thread. */
export type FromExporterThread =
  /** The SDK is loaded and configured: items are taken without delay from now on. */
  | { readonly type: 'ready' }
  /** A batch was handed to the SDK; `failed` items made it throw (`error` says why, for the first). */
  | { readonly type: 'taken'; readonly count: number; readonly failed: number; readonly error?: string }
  /** A flush or shutdown finished; `error` when the SDK reported a failure. */
  | { readonly type: 'done'; readonly id: number; readonly error?: string };
