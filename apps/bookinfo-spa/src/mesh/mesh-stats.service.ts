import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createProxyStats, type ProxyStats, type StatsSnapshot } from '@mirrormesh/proxy';
import { ProxyService } from '@mirrormesh/proxy/nest';
import { ANSWER_DIFF_SOURCE, type AnswerDiffSource } from './answer-diff-source';
import { type AnswerDiffReport } from './answer-diff.dto';
import { type ClusterVersionProbe } from './cluster-versions';
import { type CollectorClient } from './collector-client';
import { windowStart } from './dashboard-window';
import { type DashboardWindow, type MeshDashboard } from './mesh-dashboard.dto';
import { topologyOf } from './mesh-topology';
import { CLUSTER_VERSION_PROBE, COLLECTOR_CLIENT, STARTED_AT } from './mesh.tokens';
import { summarizeTraffic } from './traffic-summary';
import { versionTraffic } from './version-traffic';

/** The in-process sidecar's metrics, and the dashboard built from them and the collector. */
@Injectable()
export class MeshStatsService implements OnApplicationShutdown {
  private readonly stats: ProxyStats;

  constructor(
    private readonly proxy: ProxyService,
    @Inject(COLLECTOR_CLIENT) private readonly collector: CollectorClient,
    @Inject(CLUSTER_VERSION_PROBE) private readonly versions: ClusterVersionProbe,
    @Inject(STARTED_AT) private readonly startedAt: Date,
    @Inject(ANSWER_DIFF_SOURCE) private readonly answers: AnswerDiffSource,
  ) {
    // This proxy's events only: other proxies in the process publish on the same channels.
    this.stats = createProxyStats({ proxy: proxy.proxy });
  }

  snapshot(): StatsSnapshot {
    return this.stats.snapshot();
  }

  /** The answer comparison as it is (what the standalone sidecar serves at /diff). */
  diff(): AnswerDiffReport {
    return this.answers.report();
  }

  prometheus(): string {
    return this.stats.renderPrometheus();
  }

  /**
   * The sidecar's numbers count from this front end's start and per cluster; the per-version
   * numbers come from the collector over `window`, with each version's role as its cluster says now.
   */
  async dashboard(window: DashboardWindow): Promise<MeshDashboard> {
    const snapshot = this.stats.snapshot();
    const config = this.proxy.proxy.config;
    const topology = topologyOf(config);
    const [collector, serving] = await Promise.all([this.collector.summary(window), this.versions.serving(topology, config)]);
    const now = new Date();
    return {
      generatedAt: now.toISOString(),
      startedAt: this.startedAt.toISOString(),
      window,
      windowStart: windowStart(window, now, this.startedAt).toISOString(),
      serving,
      versions: versionTraffic(collector.rows, serving),
      topology,
      live: summarizeTraffic('live', snapshot.live),
      mirror: summarizeTraffic('mirror', snapshot.mirror),
      localAnswers: snapshot.local.total,
      droppedMirrors: snapshot.dropped.reduce((sum, d) => sum + d.count, 0),
      mirrorInflight: Object.values(snapshot.mirrorInflight).reduce((sum, n) => sum + n, 0),
      collector,
      answers: this.answers.report(),
    };
  }

  onApplicationShutdown(): void {
    this.stats.close();
  }
}
