import diagnosticsChannel from 'node:diagnostics_channel';
import { redactUrl } from '@mirrormesh/access-log/redact-url';
import { type Telemetry } from './telemetry';

/** The proxy's channel for finished mirror exchanges (PROXY_CHANNELS.mirrorExchange in @mirrormesh/proxy). */
export const MIRROR_EXCHANGE_CHANNEL = 'mirrormesh:proxy:mirror-exchange';
/**
 * Custom dimension set to "true" on mirror dependencies, so they can be told apart from live
 * calls (`dependencies | where customDimensions.Mirror == "true"`): the exporter fixes the
 * type of HTTP dependencies to "Http".
 */
export const MIRROR_DIMENSION = 'Mirror';

/**
 * What this package reads from a mirror exchange event; the proxy's ExchangeEvent is
 * structurally a superset, so the proxy core needs no telemetry import (and vice versa).
 */
export interface MirrorExchangeEvent {
  readonly route: string;
  readonly cluster: string;
  readonly method: string;
  readonly path: string;
  readonly requestId: string;
  /** 0 when the mirror never answered. */
  readonly status: number;
  readonly errorCode: string | undefined;
  /** The candidate's own time: from the copy leaving the proxy to its last byte. */
  readonly durationMs: number;
  /** Time the copy waited inside the proxy before it left (absent from older publishers). */
  readonly queuedMs?: number;
  readonly startedAt: number;
  /** A compared copy's shadow diff outcome (absent on copies that are not compared). */
  readonly diff?: MirrorDiffOutcome;
  /** A copy to a compare's noise cluster (a second live instance), not the candidate's. */
  readonly noise?: boolean;
}

/** The shadow diff outcome a compared copy's event carries. */
export interface MirrorDiffOutcome {
  readonly result: 'identical' | 'different' | 'skipped';
  /** The first differing paths not classified as noise. */
  readonly paths?: readonly string[];
  /** Why the copy was not compared. */
  readonly reason?: string;
}

/** Custom dimensions of a compared copy's dependency: the diff result, and its differing paths comma-joined. */
export const DIFF_RESULT_DIMENSION = 'DiffResult';
export const DIFF_PATHS_DIMENSION = 'DiffPaths';
/** "true" on a noise copy's dependency: `where customDimensions.NoiseReference != "true"` keeps the candidate's alone. */
export const NOISE_REFERENCE_DIMENSION = 'NoiseReference';

export interface MirrorSubscriberOptions {
  readonly channel?: string;
}

/**
 * Reports every mirror exchange published on the proxy's diagnostics channel as a
 * dependency (status or error code, duration). Returns the function that unsubscribes.
 */
export function subscribeMirrorExchanges(telemetry: Telemetry, options: MirrorSubscriberOptions = {}): () => void {
  const name = options.channel ?? MIRROR_EXCHANGE_CHANNEL;
  if (!telemetry.enabled) return () => undefined;
  const onMessage = (message: unknown): void => {
    if (!isMirrorExchangeEvent(message)) return;
    telemetry.trackDependency(toDependency(message));
  };
  diagnosticsChannel.subscribe(name, onMessage);
  return () => {
    diagnosticsChannel.unsubscribe(name, onMessage);
  };
}

function toDependency(event: MirrorExchangeEvent): Parameters<Telemetry['trackDependency']>[0] {
  const path = event.path.split('?', 1)[0] ?? event.path;
  const answered = event.errorCode === undefined && event.status > 0;
  return {
    name: `${event.method} ${path}`,
    type: 'HTTP',
    method: event.method,
    target: event.cluster,
    // The path as forwarded, secret query values redacted: they never leave the process.
    data: redactUrl(event.path),
    resultCode: answered ? String(event.status) : (event.errorCode ?? '0'),
    success: answered && event.status < 500,
    durationMs: event.durationMs,
    startedAt: new Date(event.startedAt),
    properties: {
      [MIRROR_DIMENSION]: 'true',
      route: event.route,
      cluster: event.cluster,
      RequestId: event.requestId,
      ...(event.queuedMs === undefined ? {} : { QueuedMs: event.queuedMs.toFixed(1) }),
      ...diffDimensions(event.diff),
      ...(event.noise === true ? { [NOISE_REFERENCE_DIMENSION]: 'true' } : {}),
    },
  };
}

function diffDimensions(diff: MirrorDiffOutcome | undefined): Record<string, string> {
  if (typeof diff !== 'object' || diff === null || typeof diff.result !== 'string') return {};
  const paths = Array.isArray(diff.paths) ? diff.paths.filter((path) => typeof path === 'string') : [];
  return { [DIFF_RESULT_DIMENSION]: diff.result, ...(paths.length === 0 ? {} : { [DIFF_PATHS_DIMENSION]: paths.join(',') }) };
}

// Subscribers must never throw into the publisher (the proxy): bad messages are skipped.
function isMirrorExchangeEvent(value: unknown): value is MirrorExchangeEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    typeof event['method'] === 'string' &&
    typeof event['path'] === 'string' &&
    typeof event['cluster'] === 'string' &&
    typeof event['route'] === 'string' &&
    typeof event['requestId'] === 'string' &&
    typeof event['status'] === 'number' &&
    typeof event['durationMs'] === 'number' &&
    typeof event['startedAt'] === 'number'
  );
}
