// What GET /_mesh/dashboard answers. Type-only and import-free: the web app imports it too.

/** One cluster's share of a traffic role. */
export interface ClusterTraffic {
  readonly cluster: string;
  readonly requests: number;
  readonly errors: number;
}

/** Live or mirror traffic as this pod's sidecar saw it. */
export interface TrafficSummary {
  readonly role: 'live' | 'mirror';
  readonly clusters: readonly ClusterTraffic[];
  readonly requests: number;
  /** 5xx answers plus exchanges that got no answer at all (timeouts, resets). */
  readonly errors: number;
  /** errors / requests, from 0 to 1; null before the first request. */
  readonly errorRate: number | null;
  readonly meanMs: number | null;
  /** Upper bounds of histogram buckets: coarse, but comparable live against mirror. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** By result code: an HTTP status, or an error code such as `upstream_timeout`. */
  readonly codes: readonly { readonly code: string; readonly count: number }[];
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
export interface CollectorRow {
  readonly name: string;
  readonly podVersion: string;
  readonly resultCode: string;
  /** Average duration, ms. */
  readonly duration: number;
  readonly requestCount: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export type CollectorState = 'not-configured' | 'unreachable' | 'ok';

export interface CollectorSummary {
  readonly state: CollectorState;
  readonly rows: readonly CollectorRow[];
}

export interface MeshDashboard {
  readonly generatedAt: string;
  readonly topology: MeshTopology;
  readonly live: TrafficSummary;
  readonly mirror: TrafficSummary;
  /** Mirror copies not sent (in-flight cap, body too large). */
  readonly droppedMirrors: number;
  readonly mirrorInflight: number;
  readonly collector: CollectorSummary;
}
