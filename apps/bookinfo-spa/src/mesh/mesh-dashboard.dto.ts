import { type RequestsSummaryRow } from '@mirrormesh/catalog';
import { type AnswerDiffReport } from './answer-diff.dto';

// What GET /_mesh/dashboard answers. Type-only (type imports only): the web app imports it too.

/** A result code (an HTTP status, or an error code such as `upstream_timeout`) and how often it came. */
export interface CodeCount {
  readonly code: string;
  readonly count: number;
}

/** Durations in ms; percentiles within 0.8 % of the exact values; null before the first request. */
export interface Durations {
  readonly meanMs: number | null;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
}

/** One cluster (one version of the book service) in a traffic role: its own counts and durations. */
export interface ClusterTraffic extends Durations {
  readonly cluster: string;
  readonly requests: number;
  readonly errors: number;
  readonly errorRate: number | null;
  readonly codes: readonly CodeCount[];
}

/**
 * Live or mirror traffic as this pod's sidecar saw it: only requests sent to a cluster (the
 * proxy's own answers are in `localAnswers`); durations over every cluster of the role.
 */
export interface TrafficSummary extends Durations {
  readonly role: 'live' | 'mirror';
  /** Per cluster, ordered by name. */
  readonly clusters: readonly ClusterTraffic[];
  readonly requests: number;
  /** 5xx answers plus exchanges that got no answer at all (timeouts, resets). */
  readonly errors: number;
  /** errors / requests, from 0 to 1; null before the first request. */
  readonly errorRate: number | null;
  /** By result code, over every cluster of the role. */
  readonly codes: readonly CodeCount[];
}

/** An edge of the traffic graph: the SPA's sidecar sends to a cluster, live or as a mirror copy. */
export interface TopologyEdge {
  readonly kind: 'live' | 'mirror';
  readonly cluster: string;
  /** Configured percentage: a route weight for live edges, the mirror percentage for mirror edges. */
  readonly percentage: number;
}

export interface MeshTopology {
  readonly source: string;
  readonly edges: readonly TopologyEdge[];
}

/** A row of the collector's requests summary (the lab's Log Analytics query). */
export type CollectorRow = RequestsSummaryRow;

export type CollectorState = 'not-configured' | 'unreachable' | 'ok';

export interface CollectorSummary {
  readonly state: CollectorState;
  readonly rows: readonly CollectorRow[];
}

/** The Mirror page's time windows: the last 1, 5 or 15 minutes, or since this front end started. */
export type DashboardWindow = '1m' | '5m' | '15m' | 'start';

/** Which version a cluster of the traffic graph serves now, as its own `x-version-tag` says. */
export interface ServingVersion {
  readonly kind: 'live' | 'mirror';
  readonly cluster: string;
  /** null when the cluster did not answer the probe (or answered without a tag). */
  readonly versionTag: string | null;
}

/**
 * One version's requests in the window, from the collector. `role`: serving live, serving as
 * the mirror, or `earlier`: it answered in the window but serves no more (a replaced mirror).
 */
export interface VersionTraffic {
  readonly versionTag: string;
  readonly role: 'live' | 'mirror' | 'earlier';
  readonly requests: number;
  readonly errors: number;
  readonly errorRate: number | null;
  /** Mean over every operation, weighted by requests. */
  readonly meanMs: number | null;
  /** The highest p99 of its operations: the collector gives percentiles per operation, and they do not add up. */
  readonly worstP99Ms: number | null;
  readonly codes: readonly CodeCount[];
}

export interface MeshDashboard {
  readonly generatedAt: string;
  /** When this front end started: the sidecar's numbers count from then. */
  readonly startedAt: string;
  /** The window of `versions` and `collector`, and where it begins. */
  readonly window: DashboardWindow;
  readonly windowStart: string;
  /** The version each cluster of the graph serves now. */
  readonly serving: readonly ServingVersion[];
  /** Per version over the window (empty unless the collector answered). */
  readonly versions: readonly VersionTraffic[];
  readonly topology: MeshTopology;
  readonly live: TrafficSummary;
  readonly mirror: TrafficSummary;
  /** Answers the sidecar gave itself (an unknown /api path, a refused target, shutting down): no cluster involved. */
  readonly localAnswers: number;
  /** Mirror copies not sent (in-flight cap, body too large, mirror unreachable). */
  readonly droppedMirrors: number;
  readonly mirrorInflight: number;
  /** The collector's rows per operation and version, over the window. */
  readonly collector: CollectorSummary;
  /** The sidecar's comparison of live and mirror answers since it started; no routes when it compares none. */
  readonly answers: AnswerDiffReport;
}
